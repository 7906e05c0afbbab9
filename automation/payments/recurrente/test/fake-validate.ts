/**
 * The fake's checks of what a caller sends, by the API reference: inline checkout items (name,
 * amount_in_cents, currency GTQ|USD, charge_type, billing interval for recurring ones, quantity
 * 1–9), URLs, metadata (≤ 50 keys of ≤ 40 characters, values ≤ 500) and expires_at (ISO 8601).
 * Each returns the value read or a list of problems for a 422.
 */
import type { Currency, FakeItem, Interval } from "./fake-state";

/** Recurrente's documented limits on quantity and metadata. */
const MAX_QUANTITY = 9;
const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY_CHARS = 40;
const MAX_METADATA_VALUE_CHARS = 500;

type Json = Record<string, unknown>;
export type Read<T> = { value: T; problems: string[] };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A positive integer, given as a number or (as form data sends it) a string of digits. */
function positiveInt(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** One price or item's amount, currency and charge type (shared by checkout items and product prices). */
export function readPrice(raw: unknown, where: string, problems: string[]) {
  const o = isObject(raw) ? raw : {};
  const amount = positiveInt(o.amount_in_cents);
  if (amount === null) problems.push(`${where}.amount_in_cents must be a positive whole number of cents`);
  const currency = o.currency === "GTQ" || o.currency === "USD" ? (o.currency as Currency) : null;
  if (!currency) problems.push(`${where}.currency must be GTQ or USD`);
  const chargeType = o.charge_type ?? "one_time";
  if (chargeType !== "one_time" && chargeType !== "recurring")
    problems.push(`${where}.charge_type must be one_time or recurring`);
  let interval: Interval | null = null;
  let count: number | null = null;
  if (chargeType === "recurring") {
    const i = o.billing_interval;
    interval = i === "week" || i === "month" || i === "year" ? i : null;
    if (!interval) problems.push(`${where}.billing_interval must be week, month or year`);
    count = o.billing_interval_count === undefined ? 1 : positiveInt(o.billing_interval_count);
    if (count === null) problems.push(`${where}.billing_interval_count must be a positive whole number`);
  }
  return {
    amount_in_cents: amount ?? 0,
    currency: currency ?? "GTQ",
    charge_type: chargeType === "recurring" ? ("recurring" as const) : ("one_time" as const),
    billing_interval: interval,
    billing_interval_count: count,
  };
}

export function readItems(raw: unknown): Read<FakeItem[]> {
  const problems: string[] = [];
  if (!Array.isArray(raw) || raw.length === 0) return { value: [], problems: ["items must be a non-empty list"] };
  const items = raw.map((entry, i): FakeItem => {
    const where = `items[${i}]`;
    const o = isObject(entry) ? entry : {};
    if (typeof o.name !== "string" || !o.name.trim()) problems.push(`${where}.name is required`);
    const quantity = o.quantity === undefined ? 1 : positiveInt(o.quantity);
    if (quantity === null || quantity > MAX_QUANTITY) problems.push(`${where}.quantity must be 1 to ${MAX_QUANTITY}`);
    return {
      name: typeof o.name === "string" ? o.name : "",
      description: typeof o.description === "string" ? o.description : null,
      ...readPrice(o, where, problems),
      quantity: quantity ?? 1,
    };
  });
  if (new Set(items.map((item) => item.currency)).size > 1) problems.push("all items must have the same currency");
  // The fake keeps one subscription per checkout, as our claims need; Recurrente's limit is not documented.
  if (items.filter((item) => item.charge_type === "recurring").length > 1)
    problems.push("a checkout takes at most one recurring item");
  return { value: items, problems };
}

export function readUrl(raw: unknown, name: string, problems: string[]): string {
  if (raw === undefined || raw === null || raw === "") return "";
  if (typeof raw === "string" && URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)) return raw;
  problems.push(`${name} must be an http(s) URL`);
  return "";
}

export function readMetadata(raw: unknown, problems: string[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    problems.push("metadata must be an object");
    return {};
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_METADATA_KEYS) problems.push(`metadata takes at most ${MAX_METADATA_KEYS} keys`);
  for (const [key, value] of entries) {
    if (key.length > MAX_METADATA_KEY_CHARS)
      problems.push(`metadata key ${key.slice(0, 20)}… is longer than ${MAX_METADATA_KEY_CHARS} characters`);
    if (String(value).length > MAX_METADATA_VALUE_CHARS)
      problems.push(`metadata value of ${key} is longer than ${MAX_METADATA_VALUE_CHARS} characters`);
  }
  return raw;
}

export function readExpiresAt(raw: unknown, problems: string[]): string | null {
  if (raw === undefined || raw === null || raw === "") return null;
  if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
  problems.push("expires_at must be an ISO 8601 date and time");
  return null;
}
