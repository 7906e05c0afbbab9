#!/usr/bin/env node
import fs from "node:fs";
/**
 * Static dealership-site server for the contact-form development fixtures.
 *
 *   node server.mjs [--port N] [--iframe-port M]
 *
 * Prints `listening <port>` on the first line of stdout and `iframe-port <port>` on the second.
 * Serves every site under http://127.0.0.1:PORT/<site-id>/ from ./sites/<site-id>/, accepts the
 * form submissions that server-config.json declares (urlencoded, multipart or JSON), validates
 * them server-side, records every POST in memory and exposes:
 *   GET  /__submissions  -> JSON array of {site, path, fields, at, flaggedHoneypot, accepted, errors, origin}
 *   POST /__reset        -> clears the record
 * Sites marked `secondOrigin` are also served on the iframe port (a second origin for iframes).
 * Sites marked `blockHeadless` answer 403 (or `blockStatus`, with optional `blockHeaders`) to any
 * request whose User-Agent contains HeadlessChrome.
 * Only Node.js built-ins are used.
 *
 * This corpus's copy of ../contact-sites-more/server.mjs adds three endpoint options:
 *   "ping": true          not a lead endpoint (an analytics/session beacon): answers 200 {"ok":true},
 *                         records the POST with accepted:false and errors ["not a lead endpoint"]
 *   "rejectAll": "why"    the site never takes the message: records accepted:false with errors ["why"]
 *                         and answers reply.status (default 400) with reply.file, else reply.errorBody
 *                         or {"ok":false,"error":"why"} as JSON
 *   "delayMs": N          waits N ms before answering (the POST is recorded at once)
 * (`ignoreIf: [field names]` + `ignoreRedirect`, unchanged: a POST carrying one of those fields is
 * not a submission, e.g. a page-wide WebForms form's search button; it is redirected, not recorded.)
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SITES_DIR = path.join(ROOT, "sites");
const CONFIG = JSON.parse(fs.readFileSync(path.join(ROOT, "server-config.json"), "utf8"));
/** Largest request body accepted (bytes); dealer forms are a few KB at most. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const HEADLESS_MARKER = "HeadlessChrome";
const TEMPLATED_EXT = new Set([".html", ".htm", ".aspx", ".js", ".php"]);
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".aspx": "text/html; charset=utf-8",
  ".php": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function parseArgs(argv) {
  const out = { port: 0, iframePort: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--port") out.port = Number(argv[++i]);
    else if (argv[i] === "--iframe-port") out.iframePort = Number(argv[++i]);
  }
  return out;
}

/** The error a ping endpoint's record carries; check.mjs leaves such records out of a site's count. */
const PING_ERROR = "not a lead endpoint";

/** @type {Array<object>} every POST the dealer servers saw */
let submissions = [];
const ports = { main: 0, iframe: 0 };

function send(res, status, body, type = "text/html; charset=utf-8", extra = {}) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...extra });
  res.end(body);
}

function sendJson(res, status, obj) {
  send(res, status, JSON.stringify(obj), "application/json");
}

function templated(text) {
  return text
    .replaceAll("__IFRAME_ORIGIN__", `http://127.0.0.1:${ports.iframe}`)
    .replaceAll("__MAIN_ORIGIN__", `http://127.0.0.1:${ports.main}`);
}

/** Resolves a URL path to a file under sites/, or null. Tries exact, dir/index.html, path.html. */
function resolveStatic(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const rel = path.normalize(decoded).replace(/^([/\\])+/, "");
  const abs = path.join(SITES_DIR, rel);
  if (!abs.startsWith(SITES_DIR + path.sep)) return null;
  const candidates = [abs, path.join(abs, "index.html"), path.join(abs, "index.htm"), abs + ".html"];
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      /* try next */
    }
  }
  return null;
}

function serveFile(res, file, status = 200) {
  const ext = path.extname(file).toLowerCase();
  const type = MIME[ext] || "application/octet-stream";
  let body = fs.readFileSync(file);
  if (TEMPLATED_EXT.has(ext)) body = templated(body.toString("utf8"));
  send(res, status, body, type);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function addField(fields, name, value) {
  if (name in fields) fields[name] = [].concat(fields[name], value);
  else fields[name] = value;
}

function parseMultipart(buf, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const fields = {};
  if (!m) return fields;
  const boundary = Buffer.from("--" + (m[1] || m[2]).trim());
  let pos = buf.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (buf.slice(start, start + 2).toString() === "--") break;
    const next = buf.indexOf(boundary, start);
    if (next === -1) break;
    const part = buf.slice(start + 2, next - 2); // strip leading CRLF and trailing CRLF
    const sep = part.indexOf("\r\n\r\n");
    if (sep !== -1) {
      const head = part.slice(0, sep).toString("utf8");
      const value = part.slice(sep + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined)
        addField(fields, name, filename !== undefined ? `[file:${filename}]` : value.toString("utf8"));
    }
    pos = next;
  }
  return fields;
}

function flattenJson(obj, shape) {
  const fields = {};
  if (shape === "hubspot") {
    for (const f of obj?.fields || [])
      if (f && typeof f.name === "string") addField(fields, f.name, String(f.value ?? ""));
    return fields;
  }
  let src = obj;
  if (typeof shape === "string" && shape.startsWith("nested:")) src = obj?.[shape.slice(7)] ?? {};
  for (const [k, v] of Object.entries(src || {})) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => addField(fields, k, String(x)));
    else if (typeof v === "object") fields[k] = JSON.stringify(v);
    else fields[k] = String(v);
  }
  return fields;
}

function parseFields(buf, contentType, jsonShape) {
  const ct = (contentType || "").toLowerCase();
  if (ct.includes("multipart/form-data")) return { fields: parseMultipart(buf, contentType), kind: "multipart" };
  if (ct.includes("application/json") || (jsonShape && buf.toString().trim().startsWith("{"))) {
    try {
      return { fields: flattenJson(JSON.parse(buf.toString("utf8") || "{}"), jsonShape), kind: "json" };
    } catch {
      return { fields: {}, kind: "json-invalid" };
    }
  }
  const fields = {};
  for (const [k, v] of new URLSearchParams(buf.toString("utf8"))) addField(fields, k, v);
  return { fields, kind: "urlencoded" };
}

const last = (v) => (Array.isArray(v) ? v[v.length - 1] : v);
const str = (v) => String(last(v) ?? "").trim();

/** Field checks that the server config can name. Each returns true when the value is acceptable. */
const CHECKS = {
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v),
  phone10: (v) => {
    const d = v.replace(/\D/g, "");
    return d.length === 10 || (d.length === 11 && d[0] === "1");
  },
  phoneDashes: (v) => /^\d{3}-\d{3}-\d{4}$/.test(v),
  zip5: (v) => /^\d{5}(-\d{4})?$/.test(v),
  roNumber: (v) => /^RO-?\d{6}$/i.test(v),
  phoneParens: (v) => /^\(\d{3}\) \d{3}-\d{4}$/.test(v),
  vin17: (v) => /^[A-HJ-NPR-Z0-9]{17}$/i.test(v),
  never: () => false,
};

function validate(ep, fields) {
  const errors = [];
  for (const name of ep.required || []) if (!str(fields[name])) errors.push(`${name}: required`);
  for (const [name, check] of Object.entries(ep.checks || {})) {
    const v = str(fields[name]);
    if (!v) continue;
    if (typeof check === "object" && check.equals) {
      if (v.toLowerCase() !== str(fields[check.equals]).toLowerCase())
        errors.push(`${name}: must match ${check.equals}`);
    } else if (typeof check === "object" && check.oneOf) {
      if (!check.oneOf.includes(v)) errors.push(`${name}: not an allowed choice`);
    } else if (CHECKS[check] && !CHECKS[check](v)) errors.push(`${name}: invalid (${check})`);
  }
  if (ep.captcha) {
    const token = str(fields[ep.captcha]);
    if (!token) errors.push(`${ep.captcha}: captcha not completed`);
    else errors.push(`${ep.captcha}: captcha token rejected`);
  }
  return errors;
}

function escapeHtml(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

function genericPage(title, bodyHtml) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,Helvetica,sans-serif;max-width:640px;margin:60px auto;padding:0 20px;color:#222}
h1{font-size:24px}.err{background:#fdecea;border:1px solid #f5c2c0;padding:12px 16px;border-radius:4px}
a{color:#0b5cad}</style></head><body>${bodyHtml}</body></html>`;
}

function replyError(res, ep, errors, spam) {
  const reply = ep.reply || { type: "html" };
  if (reply.type === "json") {
    if (spam) return sendJson(res, reply.spamStatus ?? 400, reply.spamBody ?? { ok: false, error: "spam detected" });
    const body = reply.errorBody
      ? JSON.parse(JSON.stringify(reply.errorBody).replaceAll('"__ERRORS__"', JSON.stringify(errors)))
      : { ok: false, errors };
    return sendJson(res, reply.errorStatus ?? 400, body);
  }
  if (spam)
    return send(
      res,
      400,
      genericPage(
        "Submission rejected",
        '<h1>Submission rejected</h1><p class="err">Your message could not be sent: spam detected.</p>',
      ),
    );
  const list = errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("");
  return send(
    res,
    400,
    genericPage(
      "Please correct the errors",
      `<h1>There was a problem with your submission</h1><div class="err"><ul>${list}</ul></div><p><a href="javascript:history.back()">Go back</a></p>`,
    ),
  );
}

function replySuccess(res, ep) {
  const reply = ep.reply || { type: "html" };
  if (reply.type === "redirect") return send(res, 303, "", "text/plain", { Location: reply.to });
  if (reply.type === "json") return sendJson(res, 200, reply.okBody ?? { ok: true });
  if (reply.file) {
    const f = path.join(ROOT, reply.file);
    return send(res, 200, templated(fs.readFileSync(f, "utf8")));
  }
  return send(res, 200, genericPage("Thank you", "<h1>Thank you!</h1><p>Your message has been received.</p>"));
}

/** The answer of a `rejectAll` endpoint: its reply file (any status, even 200) or a JSON error. */
function replyRejected(res, ep) {
  const reply = ep.reply || {};
  const status = reply.status ?? 400;
  if (reply.file) return send(res, status, templated(fs.readFileSync(path.join(ROOT, reply.file), "utf8")));
  return sendJson(res, status, reply.errorBody ?? { ok: false, error: ep.rejectAll });
}

async function handlePost(req, res, url, siteId, site, origin) {
  const ep = (site?.endpoints || []).find((e) => e.path === url.pathname);
  let buf;
  try {
    buf = await readBody(req);
  } catch {
    return send(res, 413, "too large", "text/plain");
  }
  const { fields, kind } = parseFields(buf, req.headers["content-type"], ep?.json);
  if (ep?.ignoreIf && ep.ignoreIf.some((n) => n in fields)) {
    return send(res, 303, "", "text/plain", { Location: ep.ignoreRedirect || `/${siteId}/` });
  }
  const record = {
    site: siteId,
    path: url.pathname,
    fields,
    at: new Date().toISOString(),
    flaggedHoneypot: false,
    accepted: false,
    errors: [],
    origin,
    bodyKind: kind,
  };
  submissions.push(record);
  if (!ep) {
    record.errors = ["no such form endpoint"];
    return send(res, 404, genericPage("Not found", "<h1>404 — Page not found</h1>"));
  }
  if (ep.delayMs) await new Promise((resolve) => setTimeout(resolve, ep.delayMs));
  if (ep.ping) {
    record.errors = [PING_ERROR];
    return sendJson(res, 200, { ok: true });
  }
  if (ep.rejectAll) {
    record.errors = [ep.rejectAll];
    return replyRejected(res, ep);
  }
  const honey = (ep.honeypot || []).filter((n) => str(fields[n]) !== "");
  if (honey.length) {
    record.flaggedHoneypot = true;
    record.errors = honey.map((n) => `${n}: honeypot filled`);
    return replyError(res, ep, record.errors, true);
  }
  record.errors = validate(ep, fields);
  if (record.errors.length) return replyError(res, ep, record.errors, false);
  record.accepted = true;
  return replySuccess(res, ep);
}

function blockedPage(siteId, site) {
  const f = path.join(ROOT, site.blockPage);
  const ref = `${Date.now().toString(16)}-${Math.floor(Math.random() * 1e6)}`;
  return templated(fs.readFileSync(f, "utf8")).replaceAll("__REF__", ref).replaceAll("__SITE__", siteId);
}

function makeHandler(origin) {
  return async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      if (origin === "main" && url.pathname === "/__submissions" && req.method === "GET")
        return sendJson(res, 200, submissions);
      if (origin === "main" && url.pathname === "/__reset" && req.method === "POST") {
        submissions = [];
        return sendJson(res, 200, { ok: true });
      }
      if (url.pathname === "/favicon.ico") return send(res, 204, "");
      const siteId = url.pathname.split("/")[1] || "";
      const site = CONFIG.sites[siteId];
      if (!site) {
        if (url.pathname === "/" && origin === "main") {
          const links = Object.keys(CONFIG.sites)
            .map((s) => `<li><a href="/${s}/">${s}</a></li>`)
            .join("");
          return send(res, 200, genericPage("Sites", `<h1>Sites</h1><ul>${links}</ul>`));
        }
        return send(res, 404, genericPage("Not found", "<h1>404 — Page not found</h1>"));
      }
      if (origin === "iframe" && !site.secondOrigin) return send(res, 404, genericPage("Not found", "<h1>404</h1>"));
      if (site.blockHeadless && String(req.headers["user-agent"] || "").includes(HEADLESS_MARKER)) {
        return send(
          res,
          site.blockStatus || 403,
          blockedPage(siteId, site),
          "text/html; charset=utf-8",
          site.blockHeaders || {},
        );
      }
      if (url.pathname === `/${siteId}`) return send(res, 301, "", "text/plain", { Location: `/${siteId}/` });
      if (req.method === "POST") return handlePost(req, res, url, siteId, site, origin);
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed", "text/plain");
      const file = resolveStatic(url.pathname);
      if (!file || path.basename(file).startsWith("_")) {
        const nf = path.join(SITES_DIR, siteId, "_404.html");
        if (fs.existsSync(nf)) return serveFile(res, nf, 404);
        return send(res, 404, genericPage("Not found", "<h1>404 — Page not found</h1>"));
      }
      return serveFile(res, file);
    } catch (err) {
      process.stderr.write(`error: ${err?.stack || err}\n`);
      if (!res.headersSent) send(res, 500, "internal error", "text/plain");
    }
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server.address().port));
  });
}

const args = parseArgs(process.argv.slice(2));
const mainServer = http.createServer(makeHandler("main"));
const iframeServer = http.createServer(makeHandler("iframe"));
ports.main = await listen(mainServer, args.port);
ports.iframe = await listen(iframeServer, args.iframePort);
process.stdout.write(`listening ${ports.main}\niframe-port ${ports.iframe}\n`);
const shutdown = () => {
  mainServer.close();
  iframeServer.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
