/** Cents (what Recurrente speaks) and major units (what the tables show), and money as people read it. */
import type { Currency } from "../../../schema/payments-tables";

/** Recurrente's two currencies both have two decimals. */
const CENTS_PER_UNIT = 100;

/** 12800 → 128 (a table's currency cell). */
export const toMajor = (cents: number): number => cents / CENTS_PER_UNIT;

/** 128 → 12800, rounded so 0.1 + 0.2 sums land on a cent. */
export const toCents = (major: number): number => Math.round(major * CENTS_PER_UNIT);

/** "128.00 USD". */
export const formatMoney = (cents: number, currency: Currency | string | null): string =>
  `${(cents / CENTS_PER_UNIT).toFixed(2)}${currency ? ` ${currency}` : ""}`;
