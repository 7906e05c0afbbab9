/**
 * Holding a page to the URL guard in production: every request the page makes (redirects,
 * frames, scripts, XHR) is checked before it leaves, and the channels request interception does
 * not see — WebSockets, WebRTC, service workers — are switched off in every frame before the
 * site's scripts run. DNS rebinding (a name that resolves to a public address for our check and
 * a private one for the browser) cannot be closed from here; in production the browser's own
 * egress (Browser Rendering's network) has no route to private ranges.
 */
import type { EnginePage, EngineRequest } from "./browser";
import type { UrlGuard } from "./guard";

/** Runs in every document before its scripts: the APIs that reach the network unseen throw. */
const DENY_UNSEEN_CHANNELS = `(() => {
  const refuse = (name) => function () { throw new DOMException(name + " is disabled in Rowpilot's browser", "SecurityError"); };
  for (const name of ["WebSocket", "WebTransport", "RTCPeerConnection", "webkitRTCPeerConnection", "EventSource"]) {
    try { Object.defineProperty(window, name, { value: refuse(name), configurable: false, writable: false }); } catch {}
  }
  try { if (navigator.serviceWorker) Object.defineProperty(navigator, "serviceWorker", { value: undefined }); } catch {}
})();`;

export async function guardPage(page: EnginePage, guard: UrlGuard): Promise<void> {
  await page.evaluateOnNewDocument(DENY_UNSEEN_CHANNELS);
  await page.setBypassServiceWorker(true);
  await page.setRequestInterception(true);
  page.on("request", (request: EngineRequest) => {
    if (request.isInterceptResolutionHandled?.()) return;
    // Inline data never leaves the browser.
    if (/^(data|blob|about):/.test(request.url())) {
      request.continue().catch(() => undefined);
      return;
    }
    guard.check(request.url()).then(
      () => request.continue().catch(() => undefined),
      () => request.abort("accessdenied").catch(() => undefined),
    );
  });
}
