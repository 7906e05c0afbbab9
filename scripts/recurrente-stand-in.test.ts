import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, portFrom, startStandIn } from "./recurrente-stand-in";

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("Recurrente stand-in command", () => {
  it("starts on the port, prints the keys and the start line, and answers /api/test with them", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const fake = await startStandIn(port, (line) => lines.push(line));
    try {
      const printed = lines.join("\n");
      expect(printed).toContain("pk_test_standin");
      expect(printed).toContain("sk_test_standin");
      expect(printed).toContain(`RECURRENTE_URL=http://127.0.0.1:${port}/api npm start`);
      const res = await fetch(`http://127.0.0.1:${port}/api/test`, {
        headers: { "X-PUBLIC-KEY": "pk_test_standin", "X-SECRET-KEY": "sk_test_standin" },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ message: "Hello Rowpilot stand-in 🌎" });
    } finally {
      await fake.close();
    }
  });

  it("takes PORT from the environment, 4010 without it, and refuses a bad one", () => {
    expect(portFrom(undefined)).toBe(DEFAULT_PORT);
    expect(portFrom("4011")).toBe(4011);
    expect(() => portFrom("http")).toThrow(/PORT must be/);
  });
});
