/** Holding back the server's frames for one doc on a page's sync socket (Playwright's routeWebSocket). */
import type { Page } from "playwright-core";
import { decodeFrame } from "../sync/protocol";

/** Holds back the server's frames for `doc` on the page's sync socket until `release`. */
export async function holdBack(page: Page, doc: string) {
  const held: (string | Buffer)[] = [];
  let holding = true;
  let toPage = (_: string | Buffer) => {};
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    toPage = (message) => ws.send(message);
    server.onMessage((message) => {
      const frame = decodeFrame(typeof message === "string" ? new TextEncoder().encode(message) : message);
      if (holding && frame?.doc === doc) held.push(message);
      else ws.send(message);
    });
  });
  return {
    held: () => held.length,
    release() {
      holding = false;
      for (const message of held.splice(0)) toPage(message);
    },
  };
}
