/**
 * Arithmetic functions with Excel's results: ROUND rounds half away from zero on the decimal value
 * (ROUND(1.005, 2) is 1.01, though 1.005 is stored as 1.00499999…), MOD takes the divisor's sign,
 * digits may be negative (ROUND(1234, -2) is 1200). Excel's #NUM! (SQRT(-1)) is #VALUE! here.
 */
import { type FormulaError, formulaError, isFormulaError } from "../errors";
import { eager, type FormulaFunction, numericArgs } from "./spec";

type Rounding = (n: number) => number;

/** Significant digits Excel keeps; rounding at this precision first undoes binary noise like 100.49999999999999. */
const EXCEL_PRECISION = 15;

function roundTo(n: number, digits: number, round: Rounding): number {
  const d = Math.trunc(digits);
  // 10^308 is the largest power of ten a double holds; beyond it every double already has fewer digits.
  const factor = 10 ** Math.min(Math.abs(d), 308);
  const scaled = d >= 0 ? Math.abs(n) * factor : Math.abs(n) / factor;
  if (!Number.isFinite(scaled)) return n;
  const r = round(Number(scaled.toPrecision(EXCEL_PRECISION)));
  return Math.sign(n) * (d >= 0 ? r / factor : r * factor);
}

function rounding(signature: string, description: string, round: Rounding): FormulaFunction {
  return eager(signature, description, (args) => {
    const nums = numericArgs(args);
    return isFormulaError(nums) ? nums : roundTo(nums[0]!, nums[1] ?? 0, round);
  });
}

/** One number in, one out: the common shape of INT, ABS and SQRT. */
function unary(signature: string, description: string, fn: (n: number) => number | FormulaError) {
  return eager(signature, description, (args) => {
    const nums = numericArgs(args);
    return isFormulaError(nums) ? nums : fn(nums[0]!);
  });
}

export const MATH_FUNCTIONS: FormulaFunction[] = [
  rounding("ROUND(number, [digits])", "Rounds to the given decimal places, halves away from zero.", Math.round),
  rounding("ROUNDUP(number, [digits])", "Rounds away from zero to the given decimal places.", Math.ceil),
  rounding("ROUNDDOWN(number, [digits])", "Rounds toward zero to the given decimal places.", Math.floor),
  unary("INT(number)", "The largest whole number not greater than the number.", Math.floor),
  unary("ABS(number)", "The number without its sign.", Math.abs),
  unary("SQRT(number)", "The square root of the number.", (n) =>
    n < 0 ? formulaError("#VALUE!", "SQRT of a negative number") : Math.sqrt(n),
  ),
  eager("MOD(number, divisor)", "The remainder after division; it has the sign of the divisor.", (args) => {
    const nums = numericArgs(args);
    if (isFormulaError(nums)) return nums;
    const [n, d] = nums as [number, number];
    if (d === 0) return formulaError("#DIV/0!", "MOD by zero");
    return n - d * Math.floor(n / d);
  }),
  eager("POWER(base, exponent)", "The base raised to the exponent.", (args) => {
    const nums = numericArgs(args);
    if (isFormulaError(nums)) return nums;
    const [base, exponent] = nums as [number, number];
    if (base === 0 && exponent < 0) return formulaError("#DIV/0!", "0 to a negative power");
    if (base === 0 && exponent === 0) return formulaError("#VALUE!", "0 to the power 0 is undefined");
    if (base < 0 && !Number.isInteger(exponent))
      return formulaError("#VALUE!", "A negative number to a fractional power");
    return base ** exponent;
  }),
];
