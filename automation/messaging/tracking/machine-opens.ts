/**
 * Whether an open was a person or a machine. Pixels are fetched by Apple Mail Privacy Protection
 * (every message, on arrival), image proxies and security scanners (often within seconds of
 * delivery); those opens are recorded but flagged, and open rates leave them out by default.
 * Heuristics, not proof: a click is the better signal and counts as an open.
 */
import { inRange } from "./ip-ranges";

export type UserAgentClass = "apple-mpp" | "gmail-proxy" | "scanner" | "desktop" | "mobile" | "unknown";

export type OpenReason = "apple-mpp" | "image-proxy" | "scanner" | "too-soon" | "human";

export type OpenVerdict = { machine: boolean; reason: OpenReason };

/**
 * Apple's own address blocks (ARIN: 17.0.0.0/8 and 2620:149::/32). MPP fetches images through
 * the iCloud Private Relay infrastructure (https://wordtothewise.com/2021/09/apple-mpp-reporting-and-geolocation/),
 * whose full egress list Apple publishes at https://mask-api.icloud.com/egress-ip-ranges.csv
 * (https://developer.apple.com/support/prepare-your-network-for-icloud-private-relay/); callers
 * holding that list pass it as `appleRanges`.
 */
export const APPLE_RANGES = ["17.0.0.0/8", "2620:149::/32"];

/**
 * MPP's proxy sends a bare `Mozilla/5.0` with nothing after it, where Apple Mail itself sends a
 * full WebKit string (https://help.socketlabs.com/docs/identifying-apple-mpp-opens-in-notification-api-events).
 */
const APPLE_MPP_USER_AGENT = "Mozilla/5.0";

/** Gmail's proxy says so: `… (via ggpht.com GoogleImageProxy)`; Yahoo's likewise. */
const GMAIL_PROXY = /GoogleImageProxy|ggpht\.com/i;
const OTHER_IMAGE_PROXIES = /YahooMailProxy/i;

/** Mail security gateways that fetch every link and image, and generic HTTP clients. */
const SCANNERS =
  /barracuda|mimecast|proofpoint|symantec|messagelabs|trend ?micro|forcepoint|zscaler|ironport|spamtitan|sophos|fortinet|bitdefender|headlesschrome|phantomjs|python-requests|go-http-client|curl\/|wget\/|okhttp|bot\b|crawler|spider/i;

const MOBILE = /iPhone|iPad|iPod|Android|Mobile/i;
const DESKTOP = /Windows NT|Macintosh|X11|Linux|CrOS|Outlook|Thunderbird/i;

/**
 * An open this soon after delivery was a machine: nobody reads that fast, while scanners and MPP
 * fetch on arrival. Providers' own bot-open filters use a window of a few seconds.
 */
export const MACHINE_OPEN_SECONDS = 5;

/**
 * The kind of client behind a user agent (and IP, for Apple's proxies), as the Events log shows it.
 * @example userAgentClass("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)") // "gmail-proxy"
 */
export function userAgentClass(
  userAgent: string | null,
  ip: string | null = null,
  appleRanges: readonly string[] = APPLE_RANGES,
): UserAgentClass {
  const ua = (userAgent ?? "").trim();
  if (ua === APPLE_MPP_USER_AGENT || (ip && appleRanges.some((range) => inRange(ip, range)))) return "apple-mpp";
  if (GMAIL_PROXY.test(ua)) return "gmail-proxy";
  if (SCANNERS.test(ua)) return "scanner";
  if (MOBILE.test(ua)) return "mobile";
  if (DESKTOP.test(ua)) return "desktop";
  return "unknown";
}

/**
 * Whether an open was a machine's, and why.
 * @example classifyOpen({ userAgent: "Mozilla/5.0", ip: "17.58.1.2", secondsSinceDelivery: 40 }) // { machine: true, reason: "apple-mpp" }
 */
export function classifyOpen(
  open: { userAgent: string | null; ip: string | null; secondsSinceDelivery: number | null },
  appleRanges: readonly string[] = APPLE_RANGES,
): OpenVerdict {
  const kind = userAgentClass(open.userAgent, open.ip, appleRanges);
  if (kind === "apple-mpp") return { machine: true, reason: "apple-mpp" };
  if (kind === "gmail-proxy" || OTHER_IMAGE_PROXIES.test(open.userAgent ?? "")) {
    return { machine: true, reason: "image-proxy" };
  }
  if (kind === "scanner") return { machine: true, reason: "scanner" };
  if (open.secondsSinceDelivery !== null && open.secondsSinceDelivery < MACHINE_OPEN_SECONDS) {
    return { machine: true, reason: "too-soon" };
  }
  return { machine: false, reason: "human" };
}

/** 64 bits of the hash: enough to tell visitors apart in one workspace's log, too few to be a lookup key. */
const IP_HASH_HEX_CHARS = 16;

/**
 * The Events log's stand-in for an IP: SHA-256 of the salt and the address, truncated, so repeat
 * visits can be told apart without storing where anyone is.
 * @example await hashIp("203.0.113.9", workspaceSalt) // "9f86d081884c7d65"
 */
export async function hashIp(ip: string, salt: string): Promise<string> {
  if (!salt) throw new Error("hashIp needs a salt: an unsalted hash of an IPv4 address is reversible by brute force");
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${salt}\u0000${ip.trim().toLowerCase()}`),
  );
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, IP_HASH_HEX_CHARS);
}
