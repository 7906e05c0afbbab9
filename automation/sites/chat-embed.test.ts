import { describe, expect, it } from "vitest";
import { withChatWidget } from "./chat-embed";
import { cspProblems, siteHeaders } from "./csp";

const PAGE = "<!doctype html><html><body><h1>Rosa's</h1></body></html>";

describe("the chat widget on a published site", () => {
  it("puts the workspace's widget before </body> and lets the CSP load exactly it and its socket", async () => {
    const { html, chat } = withChatWidget(PAGE, "https://app.rowpilot.com", "acme");
    expect(html).toContain(
      '<script src="https://app.rowpilot.com/chat/widget.js" data-workspace="acme" async></script></body>',
    );
    const csp = (await siteHeaders({ html, chat }))["Content-Security-Policy"]!;
    expect(csp).toContain("script-src https://app.rowpilot.com/chat/widget.js;");
    expect(csp).toContain("connect-src wss://app.rowpilot.com/chat/socket/acme;");
    expect(cspProblems(csp)).toEqual([]);
  });

  it("flags a policy that connects anywhere wider than one chat socket, or over plain ws to the internet", () => {
    const base =
      "default-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox allow-scripts";
    expect(cspProblems(`${base}; connect-src https://app.rowpilot.com`)).toContain(
      "connect-src must be 'none' or the chat socket (it is https://app.rowpilot.com)",
    );
    expect(cspProblems(`${base}; connect-src ws://app.rowpilot.com/chat/socket/acme`)).toContain(
      "connect-src allows a host without TLS: ws://app.rowpilot.com/chat/socket/acme",
    );
    expect(cspProblems(`${base}; connect-src ws://127.0.0.1:8787/chat/socket/acme`)).toEqual([]);
  });
});

describe("the chat widget tag", () => {
  it("goes at the end of a page with no </body>, its attributes escaped", () => {
    const { html } = withChatWidget("<p>hi</p>", "http://127.0.0.1:8787", 'a"b');
    expect(html).toBe(
      '<p>hi</p><script src="http://127.0.0.1:8787/chat/widget.js" data-workspace="a&quot;b" async></script>',
    );
  });
});
