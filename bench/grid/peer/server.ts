/**
 * A static server for the peer grid: its page, its esbuild bundle (minified, as a production
 * app would ship it) and the benchmark rows as JSON, all prepared before the first request.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { freePort } from "../../../scripts/serve";
import { rowValues } from "../dataset";

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ag-grid peer</title><link rel="icon" href="data:,">
<style>body{margin:16px;font:13px system-ui,sans-serif}</style></head>
<body><div id="grid"></div><script src="/page.js"></script></body></html>`;

export type PeerServer = { url: string; bundleBytes: number; dataBytes: number; close(): Promise<void> };

/** Serves the peer page with `rows` rows keyed by `columnIds` (the ids Rowpilot gave the same columns). */
export async function servePeer(rows: number, columnIds: string[]): Promise<PeerServer> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL("./page.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]!.contents;
  const data = Array.from({ length: rows }, (_, i) => {
    const values = rowValues(i);
    return Object.fromEntries(columnIds.map((id, c) => [id, values[c]]));
  });
  const json = Buffer.from(JSON.stringify(data));
  const files: Record<string, { type: string; body: Uint8Array | string }> = {
    "/": { type: "text/html; charset=utf-8", body: HTML },
    "/page.js": { type: "text/javascript", body: script },
    "/rows.json": { type: "application/json", body: json },
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    bundleBytes: script.byteLength,
    dataBytes: json.byteLength,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
