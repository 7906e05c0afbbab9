/** IANA time zones as this runtime knows them (Intl), for settings that name one. */

/** Whether `zone` is an IANA time zone this runtime knows, e.g. `America/New_York`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
