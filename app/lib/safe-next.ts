/** Only same-site relative paths are followed (after sign-in, and from the offline shell). */
export function safeNext(value: FormDataEntryValue | string | null, fallback = "/"): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
