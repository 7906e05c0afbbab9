/** Times as the cells hold them (ISO text, or anything `Date` reads), compared as milliseconds. */

/** The time in ms, or null for an empty or unreadable cell. */
export function msOf(value: string | null): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Keeps the earliest of the times seen, as ISO text. */
export class Oldest {
  private ms: number | null = null;

  see(value: string | null): void {
    const ms = msOf(value);
    if (ms !== null && (this.ms === null || ms < this.ms)) this.ms = ms;
  }

  get iso(): string | null {
    return this.ms === null ? null : new Date(this.ms).toISOString();
  }
}
