/** How the revenue dashboard reads money, months and conversion on screen. */
import type { Currency } from "../../schema/payments-tables";

/** Recurrente's two currencies both have two minor digits (cents, centavos). */
const MINOR_PER_MAJOR = 100;

/**
 * Cents as money in `currency` with its local symbol (Q for quetzales), cents only when there are any.
 * @example formatMoney(4900, "USD") // "$49"
 * @example formatMoney(-1250, "GTQ") // "-Q 12.50"
 */
export function formatMoney(cents: number, currency: Currency): string {
  const major = cents / MINOR_PER_MAJOR;
  const digits = Number.isInteger(major) ? 0 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: digits,
    maximumFractionDigits: 2,
  }).format(major);
}

/**
 * A report month (`YYYY-MM`) as a short label.
 * @example monthLabel("2026-11") // "Nov 2026"
 */
export function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return date.toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * The share of `from` that reached `to`, or null when nothing started (no step to convert from).
 * @example conversion(40, 10) // 0.25
 */
export function conversion(from: number, to: number): number | null {
  return from > 0 ? to / from : null;
}
