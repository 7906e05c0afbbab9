/**
 * The slice of the puppeteer Page API the engine uses. Both `@cloudflare/puppeteer` (Browser
 * Rendering in the Worker) and `puppeteer-core` (Chromium on the command line) provide it, so the
 * engine is written once against this and handed either library's page.
 */

export interface EngineElement {
  click(options?: { delay?: number }): Promise<void>;
  focus(): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  dispose(): Promise<void>;
}

export interface EngineHandle {
  asElement(): EngineElement | null;
  dispose(): Promise<void>;
}

export interface EngineFrame {
  url(): string;
  evaluate(script: string): Promise<unknown>;
  evaluateHandle(script: string): Promise<EngineHandle>;
  isDetached?(): boolean;
  detached?: boolean;
}

export interface EngineResponse {
  status(): number;
  url(): string;
  request(): { method(): string; resourceType(): string };
  text(): Promise<string>;
}

export interface EngineRequest {
  url(): string;
  method(): string;
  resourceType(): string;
  /** The body, when the browser handed it over with the request. */
  postData(): string | undefined;
  hasPostData(): boolean;
  /** The body, fetched from the browser when it was too large to come with the request. */
  fetchPostData(): Promise<string | undefined>;
  isNavigationRequest(): boolean;
  abort(errorCode?: string): Promise<void>;
  continue(): Promise<void>;
  isInterceptResolutionHandled?(): boolean;
}

/** An `alert`, `confirm` or `prompt` the page opened: it holds the page until answered. */
export interface EngineDialog {
  message(): string;
  accept(): Promise<void>;
}

export type EngineEvent = "response" | "request" | "requestfailed" | "dialog";

export interface EnginePage {
  goto(
    url: string,
    options: { timeout: number; waitUntil: "load" | "domcontentloaded" },
  ): Promise<EngineResponse | null>;
  url(): string;
  frames(): EngineFrame[];
  mainFrame(): EngineFrame;
  screenshot(options: { type: "png" | "jpeg"; fullPage?: boolean; quality?: number }): Promise<Uint8Array | string>;
  /**
   * Handlers take an `EngineResponse` ("response"), an `EngineRequest` ("request",
   * "requestfailed") or an `EngineDialog` ("dialog"). Typed
   * loosely: puppeteer's generic event map cannot be matched by a structural overload.
   */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  on(event: EngineEvent, handler: (event: any) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  off(event: EngineEvent, handler: (event: any) => void): unknown;
  setRequestInterception(enabled: boolean): Promise<void>;
  setBypassServiceWorker(bypass: boolean): Promise<void>;
  evaluateOnNewDocument(script: string): Promise<unknown>;
  keyboard: { press(key: string): Promise<void> };
}
