/** IPv4 and IPv6 addresses against CIDR ranges, with no library: parsing, then a prefix compare. */

type Address = { version: 4 | 6; value: bigint };

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

function parseIpv6(text: string): bigint | null {
  let groups = text.toLowerCase().split("%")[0]!;
  // An IPv4 tail (`::ffff:17.1.2.3`) is two more groups.
  const dotted = groups.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]!);
    if (v4 === null) return null;
    groups = `${dotted[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}

/** An address, IPv4-mapped IPv6 (`::ffff:a.b.c.d`) read as the IPv4 it carries; `null` when not one. */
export function parseIp(text: string): Address | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4(trimmed);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(trimmed);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/**
 * Whether `ip` is inside `cidr` (e.g. `17.0.0.0/8`, `2620:149::/32`).
 * @example inRange("17.58.1.2", "17.0.0.0/8") // true
 */
export function inRange(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const address = parseIp(ip);
  const network = parseIp(base ?? "");
  if (!address || !network || address.version !== network.version) return false;
  const width = address.version === 4 ? 32n : 128n;
  const bits = bitsText === undefined ? width : BigInt(bitsText);
  if (bits < 0n || bits > width) return false;
  const shift = width - bits;
  return address.value >> shift === network.value >> shift;
}
