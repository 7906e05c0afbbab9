/**
 * Scrape now and Scrape next from the browser: what the API answered, read into one shape, and
 * the sentence the page shows for it (the counts, "nothing due", or the API's own error).
 */
import type { ScrapeResult } from "../../schema/hunting-api";
import { formatDay } from "./format";

export type ScrapeAnswer =
  | { kind: "done"; result: ScrapeResult }
  /** 202: the scrape goes on after the request; its counts reach the territory when it ends. */
  | { kind: "started"; runId: string; territoryId: string | null }
  /** 204 from Scrape next: every territory is resting or done. */
  | { kind: "nothing-due" }
  | { kind: "refused"; status: number; message: string; cooldownUntil: string | null };

/** The message of an error body, whether the API gave `{ error: { message } }`, `{ error: "…" }` or `{ message }`. */
function errorMessage(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string")
    return (error as { message: string }).message;
  return typeof message === "string" ? message : null;
}

/** Reads a scrape's HTTP answer (status and parsed JSON body, `null` when there is none). */
export function readScrapeAnswer(status: number, body: unknown): ScrapeAnswer {
  if (status === 204) return { kind: "nothing-due" };
  if (status === 202) {
    const { runId, territoryId } = (body ?? {}) as { runId?: unknown; territoryId?: unknown };
    return {
      kind: "started",
      runId: String(runId ?? ""),
      territoryId: typeof territoryId === "string" ? territoryId : null,
    };
  }
  if (status >= 200 && status < 300) return { kind: "done", result: body as ScrapeResult };
  const until = (body as { cooldownUntil?: unknown } | null)?.cooldownUntil;
  return {
    kind: "refused",
    status,
    message: errorMessage(body) ?? `The server answered ${status}`,
    cooldownUntil: typeof until === "string" ? until : null,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * What the page says about a scrape of `name`.
 * @example scrapeAnswerText({ kind: "nothing-due" }) // "Nothing is due: every territory is in cooldown or done."
 */
export function scrapeAnswerText(answer: ScrapeAnswer, name = "The territory"): string {
  switch (answer.kind) {
    case "done": {
      const { found, added, updated, qualified, tiles, problems } = answer.result;
      const searches = tiles > 1 ? ` in ${plural(tiles, "search", "searches")}` : "";
      const unread = problems.length ? ` ${plural(problems.length, "line")} could not be read.` : "";
      return `${name}: found ${plural(found, "business", "businesses")}${searches}, ${added.toLocaleString("en-US")} new, ${updated.toLocaleString("en-US")} updated, ${qualified.toLocaleString("en-US")} qualified.${unread}`;
    }
    case "started":
      return `${name}: the scrape goes on in the background; its counts appear here when it ends.`;
    case "nothing-due":
      return "Nothing is due: every territory is in cooldown or done.";
    case "refused": {
      const until = answer.cooldownUntil ? formatDay(answer.cooldownUntil) : null;
      return until && !answer.message.includes(until) ? `${answer.message} (cooldown until ${until})` : answer.message;
    }
  }
}

/** POSTs a scrape and reads its answer; a network failure is an answer too. */
export async function sendScrape(path: string, body: unknown = {}): Promise<ScrapeAnswer> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      kind: "refused",
      status: 0,
      message: "Could not reach the server; try again when you are online.",
      cooldownUntil: null,
    };
  }
  const parsed = response.status === 204 ? null : ((await response.json().catch(() => null)) as unknown);
  return readScrapeAnswer(response.status, parsed);
}
