/**
 * Whether an A/B split's best branch really converts better: a two-proportion z-test between the
 * two best branches, at 95% two-sided (the convention of A/B test calculators: a difference either
 * way would have been reported).
 */

/** |z| above which a difference is significant at 95%, two-sided (the normal distribution's 97.5th percentile). */
const Z_95 = 1.96;

type Branch = { label: string; entered: number; converted: number; rate: number };

/** z of two proportions with a pooled standard error; 0 when it cannot be told (no leads, or none converted). */
export function twoProportionZ(a: Branch, b: Branch): number {
  if (a.entered === 0 || b.entered === 0) return 0;
  const pooled = (a.converted + b.converted) / (a.entered + b.entered);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.entered + 1 / b.entered));
  return se === 0 ? 0 : (a.rate - b.rate) / se;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function listCounts(counts: number[]): string {
  return counts.length <= 1 ? String(counts[0] ?? 0) : `${counts.slice(0, -1).join(", ")} and ${counts.at(-1)}`;
}

/**
 * In plain words: "B converts better than A (12% vs 5%, significant at 95%)", or "not significant
 * yet: 40 and 38 leads" (the leads of each branch, in the split's order).
 */
export function splitNote(branches: Branch[]): string {
  if (branches.every((b) => b.entered === 0)) return "no leads have reached this split yet";
  const [best, second] = [...branches].sort((x, y) => y.rate - x.rate);
  if (best && second && twoProportionZ(best, second) >= Z_95)
    return `${best.label} converts better than ${second.label} (${percent(best.rate)} vs ${percent(second.rate)}, significant at 95%)`;
  return `not significant yet: ${listCounts(branches.map((b) => b.entered))} leads`;
}
