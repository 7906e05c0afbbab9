/** Shares as people read them: 0.0008 → "0.08%", 0.5 → "50%". */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}
