/** Short relative times for cells ("just now", "5 min ago", "3 h ago", then the date). */
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";

dayjs.extend(relativeTime);

/** @example formatAgo(new Date(Date.now() - 90_000).toISOString()) // "2 minutes ago" */
export function formatAgo(iso: string, now = Date.now()): string {
  const at = dayjs(iso);
  if (!at.isValid()) return "";
  if (Math.abs(now - at.valueOf()) < 45_000) return "just now";
  return at.from(dayjs(now));
}
