/**
 * Calling the in-page agent from the engine: each call sends the agent's source (installed once
 * per document) and one method call, as text, so no bundler helper can leak into the page.
 */
import { within } from "../attempt";
import type { EngineElement, EngineFrame } from "../browser";
import { makeDom } from "./dom";
import { makeFormReader } from "./forms";
import { type FrameScan, makeAgent, type PageAgent } from "./in-page";

export type { FrameScan } from "./in-page";

/**
 * Bundlers that keep function names (esbuild's keepNames, used by tsx and Vite) wrap inner
 * functions in a `__name` helper that exists only in our bundle; the page gets a no-op one.
 */
const INSTALL = `var __name = globalThis.__name || ((f) => f);
if (!window.__rowpilot) {
  const dom = (${makeDom.toString()})();
  window.__rowpilot = (${makeAgent.toString()})(dom, (${makeFormReader.toString()})(dom));
}`;

type Method = keyof PageAgent;

/** One call into the page; a page whose scripts never yield must not hold the attempt. */
export const CALL_TIMEOUT_MS = 10_000;

/** Runs one agent method in a frame and returns its result. */
export async function agent<M extends Method>(
  frame: EngineFrame,
  method: M,
  ...args: Parameters<PageAgent[M]>
): Promise<ReturnType<PageAgent[M]>> {
  const call = `window.__rowpilot.${method}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
  const script = `(() => { ${INSTALL} return ${call}; })()`;
  return (await within(frame.evaluate(script), CALL_TIMEOUT_MS, `Reading the page (${method})`)) as ReturnType<
    PageAgent[M]
  >;
}

/** A puppeteer element for a registry entry, for trusted clicks and typing. */
export async function elementOf(frame: EngineFrame, ref: number): Promise<EngineElement | null> {
  const script = `(() => { ${INSTALL} return window.__rowpilot.element(${ref}); })()`;
  const handle = await within(frame.evaluateHandle(script), CALL_TIMEOUT_MS, "Finding an element");
  const element = handle.asElement();
  if (!element) await handle.dispose();
  return element;
}

/** Scans a frame; a frame that went away mid-scan reads as empty. */
export async function scanFrame(frame: EngineFrame): Promise<FrameScan | null> {
  try {
    return await agent(frame, "scan");
  } catch {
    return null;
  }
}
