import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, CORPUS_PROFILE, rowpilot } from "./contact-sites";

/**
 * A dealer whose form speaks German, which the field matcher does not know, and a stand-in for
 * Anthropic's Messages API on 127.0.0.1 that maps fields the way Claude would.
 */
const CONTACT_FORM = `<!doctype html><title>Autohaus Kontakt</title><h2>Schreiben Sie uns</h2>
<form method="post" action="/autohaus/senden">
  <p><span>Vorname</span> <input name="q1" required></p>
  <p><span>Nachname</span> <input name="q2" required></p>
  <p><span>Elektronische Post</span> <input name="q3" type="email" required></p>
  <p><span>Rufnummer</span> <input name="q4"></p>
  <p><span>Ihr Anliegen</span> <textarea name="q5"></textarea></p>
  <button>Absenden</button>
</form>`;
const MEANING: Record<string, string> = {
  Vorname: "firstName",
  Nachname: "lastName",
  "Elektronische Post": "email",
  Rufnummer: "phone",
  "Ihr Anliegen": "message",
};

let server: Server;
let origin: string;
const received: Record<string, string>[] = [];
const claudeCalls: { apiKey: string | undefined; body: { tool_choice: unknown; messages: { content: string }[] } }[] =
  [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    if (req.url === "/v1/messages") {
      const parsed = JSON.parse(body);
      // The SDK sends the key as x-api-key or as a bearer token, depending on its version.
      const apiKey =
        (req.headers["x-api-key"] as string | undefined) ?? req.headers.authorization?.replace(/^Bearer /, "");
      claudeCalls.push({ apiKey, body: parsed });
      const fields = [...parsed.messages[0].content.matchAll(/^(c\d+): .*?nearby="([^"]+)"/gm)].map(
        ([, key, said]) => ({
          key,
          meaning: MEANING[said] ?? "none",
        }),
      );
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          id: "msg_test",
          type: "message",
          role: "assistant",
          model: parsed.model,
          content: [{ type: "tool_use", id: "toolu_test", name: "map_fields", input: { fields } }],
          stop_reason: "tool_use",
          stop_sequence: null,
          usage: { input_tokens: 100, output_tokens: 40 },
        }),
      );
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (req.url === "/autohaus/")
      res.end(`<!doctype html><title>Autohaus</title><nav><a href="/autohaus/kontakt">Contact</a></nav>`);
    else if (req.url === "/autohaus/kontakt") res.end(CONTACT_FORM);
    else if (req.url === "/autohaus/senden" && req.method === "POST") {
      received.push(Object.fromEntries(new URLSearchParams(body)));
      res.end("<!doctype html><h1>Vielen Dank! Thank you, your message was received.</h1>");
    } else {
      res.statusCode = 404;
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dir = mkdtempSync(join(tmpdir(), "rowpilot-assist-"));
const profilePath = join(dir, "profile.json");
writeFileSync(profilePath, JSON.stringify(CORPUS_PROFILE));

async function contact(args: string[], env: Record<string, string> = {}) {
  const run = await rowpilot(["contact", "--url", `${origin}/autohaus/`, "--profile", profilePath, "--json", ...args], {
    XDG_CACHE_HOME: join(dir, "cache"),
    ...env,
  });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    outcome: string;
    category: string | null;
    reason: string;
    fields: Record<string, string>;
  };
}

describe("rowpilot contact --claude", () => {
  it("reports the fields it cannot read on its own, and sends nothing", async () => {
    const result = await contact([]);
    expect(result.category).toBe("validation_error");
    expect(result.reason).toContain("“Vorname”");
    expect(received).toEqual([]);
  }, 60_000);

  it("asks Claude what the fields mean, fills them, and remembers the answer for the next run", async () => {
    const env = { ANTHROPIC_API_KEY: "sk-ant-test-key", ANTHROPIC_BASE_URL: origin };
    const first = await contact(["--claude"], env);
    expect(first.outcome, first.reason).toBe("success");
    expect(received).toEqual([
      {
        q1: "Dana",
        q2: "Whitfield",
        q3: "dana.whitfield@example.org",
        q4: "(512) 555-0147",
        q5: CORPUS_PROFILE.message,
      },
    ]);
    expect(claudeCalls).toHaveLength(1);
    expect(claudeCalls[0]!.apiKey).toBe("sk-ant-test-key");
    expect(claudeCalls[0]!.body.tool_choice).toEqual({ type: "tool", name: "map_fields" });

    const second = await contact(["--claude"], env);
    expect(second.outcome).toBe("success");
    expect(received).toHaveLength(2);
    expect(claudeCalls).toHaveLength(1);
  }, 90_000);
});
