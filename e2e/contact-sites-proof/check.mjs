#!/usr/bin/env node
/**
 * Scores a run of a contact-form filler against truth.json, using only what the server saw.
 *
 *   node check.mjs --port N [--host 127.0.0.1] [--truth truth.json] [--only id1,id2]
 *
 * Prints `<id> PASS|FAIL <reason>` per site and a final `score: X/Y`.
 * A 'success' site passes when exactly one submission arrived, no honeypot was filled, it went to
 * the expected form endpoint, the server accepted it, and every expected field holds the profile
 * value. Any other site passes when no submission arrived at all.
 *
 * This corpus's copy of ../contact-sites-more/check.mjs differs in three ways:
 * - a non-success site passes when no ACCEPTED submission arrived: its fake endpoints record POSTs
 *   they reject (rejectAll) or that are not leads (ping), and those are the sites' own behaviour;
 * - records of ping endpoints (errors ["not a lead endpoint"]) are left out of a success site's
 *   count, every other record (rejected ones too) still counts;
 * - a truth field may name several fields (an array) whose values are joined with a space (a phone
 *   split in three boxes), and `"unticked": [names]` fails a site where any of those fields holds a
 *   truthy value (an optional marketing opt-in that must stay unticked).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export const PROFILE = {
  firstName: "Dana",
  lastName: "Whitfield",
  email: "dana.whitfield@example.org",
  phone: "(512) 555-0147",
  zip: "78701",
  message: "Hello, I am interested in a 2025 model. Please send your best out-the-door price.",
  vehicleOfInterest: "2025 Toyota RAV4 XLE",
};

const FALSY = new Set(["", "false", "0", "no", "off", "n"]);
/** The error server.mjs gives a ping endpoint's record: a beacon, not a lead. */
const PING_ERROR = "not a lead endpoint";
const norm = (s) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
const digits = (s) => String(s ?? "").replace(/\D/g, "");
const lastOf = (v) => (Array.isArray(v) ? v[v.length - 1] : v);

/**
 * Compares one logical field. Returns null when correct, else a short reason.
 * `allowed` (from truth.values) lists accepted raw values, case-insensitive.
 */
export function compareField(logical, raw, allowed) {
  const v = lastOf(raw);
  const has = v !== undefined && v !== null && String(v).trim() !== "";
  if (allowed && allowed.length) {
    if (!has) return "missing";
    return allowed.some((a) => norm(a) === norm(v))
      ? null
      : `got ${JSON.stringify(v)}, expected one of ${JSON.stringify(allowed)}`;
  }
  if (!has && logical !== "consent") return "missing";
  switch (logical) {
    case "firstName":
      return norm(v) === norm(PROFILE.firstName) ? null : `got ${JSON.stringify(v)}`;
    case "lastName":
      return norm(v) === norm(PROFILE.lastName) ? null : `got ${JSON.stringify(v)}`;
    case "fullName":
      return norm(v) === norm(`${PROFILE.firstName} ${PROFILE.lastName}`) ? null : `got ${JSON.stringify(v)}`;
    case "email":
      return norm(v) === norm(PROFILE.email) ? null : `got ${JSON.stringify(v)}`;
    case "phone": {
      const d = digits(v);
      return d === digits(PROFILE.phone) || d === "1" + digits(PROFILE.phone) ? null : `got ${JSON.stringify(v)}`;
    }
    case "zip":
      return /^78701(-\d{4})?$/.test(String(v).trim()) ? null : `got ${JSON.stringify(v)}`;
    case "message":
      return norm(v).includes(norm(PROFILE.message)) ? null : `got ${JSON.stringify(String(v).slice(0, 60))}`;
    case "vehicle":
      return norm(v).replace(/[\s-]/g, "").includes("rav4") ? null : `got ${JSON.stringify(v)}`;
    case "consent":
      return has && !FALSY.has(norm(v)) ? null : "not checked";
    case "preferredContact":
      return null;
    case "department":
      return null;
    default:
      return null;
  }
}

const isPing = (s) => !s.accepted && s.errors.length === 1 && s.errors[0] === PING_ERROR;

/** The value of a truth field: one field's, or several fields' joined with a space. */
function valueOf(fields, name) {
  if (!Array.isArray(name)) return fields[name];
  return name
    .map((n) => String(lastOf(fields[n]) ?? ""))
    .join(" ")
    .trim();
}

/** Scores one site. Returns {pass, reason}. */
export function scoreSite(truth, all) {
  if (truth.expected !== "success") {
    const accepted = all.filter((s) => s.accepted);
    if (accepted.length === 0) {
      const other = all.length ? `; ${all.length} POST(s) recorded, none accepted (rejected or not a lead)` : "";
      return { pass: true, reason: `no accepted submission (expected ${truth.expected})${other}` };
    }
    return {
      pass: false,
      reason: `${accepted.length} submission(s) accepted but expected ${truth.expected} (nothing should be accepted)`,
    };
  }
  const subs = all.filter((s) => !isPing(s));
  const honey = subs.filter((s) => s.flaggedHoneypot);
  if (honey.length) return { pass: false, reason: `honeypot filled (${honey.flatMap((s) => s.errors).join("; ")})` };
  if (subs.length === 0) return { pass: false, reason: "no submission arrived" };
  if (subs.length > 1) {
    const paths = subs.map((s) => s.path).join(", ");
    return { pass: false, reason: `expected exactly 1 submission, got ${subs.length} (${paths})` };
  }
  const s = subs[0];
  if (truth.submitPath && s.path !== truth.submitPath)
    return { pass: false, reason: `submitted to the wrong form: ${s.path} (expected ${truth.submitPath})` };
  if (!s.accepted) return { pass: false, reason: `server rejected the submission: ${s.errors.join("; ")}` };
  const problems = [];
  for (const [logical, name] of Object.entries(truth.fields || {})) {
    const why = compareField(logical, valueOf(s.fields, name), truth.values?.[logical]);
    if (why) problems.push(`${logical} [${[].concat(name).join(" + ")}] ${why}`);
  }
  for (const name of truth.unticked || []) {
    const v = lastOf(s.fields[name]);
    if (v !== undefined && !FALSY.has(norm(v))) problems.push(`${name} must stay unticked, got ${JSON.stringify(v)}`);
  }
  if (problems.length) return { pass: false, reason: problems.join("; ") };
  return { pass: true, reason: "one correct submission" };
}

function parseArgs(argv) {
  const out = { port: 0, host: "127.0.0.1", truth: path.join(ROOT, "truth.json"), only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--port") out.port = Number(argv[++i]);
    else if (argv[i] === "--host") out.host = argv[++i];
    else if (argv[i] === "--truth") out.truth = argv[++i];
    else if (argv[i] === "--only") out.only = new Set(argv[++i].split(","));
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.port) {
    process.stderr.write("usage: node check.mjs --port N\n");
    process.exit(2);
  }
  const truth = JSON.parse(fs.readFileSync(args.truth, "utf8")).filter((t) => !args.only || args.only.has(t.id));
  const res = await fetch(`http://${args.host}:${args.port}/__submissions`);
  if (!res.ok) throw new Error(`GET /__submissions: HTTP ${res.status}`);
  const all = await res.json();
  let passed = 0;
  for (const t of truth) {
    const { pass, reason } = scoreSite(
      t,
      all.filter((s) => s.site === t.id),
    );
    if (pass) passed++;
    process.stdout.write(`${t.id} ${pass ? "PASS" : "FAIL"} ${reason}\n`);
  }
  process.stdout.write(`score: ${passed}/${truth.length}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`check failed: ${err.message}\n`);
    process.exit(1);
  });
}
