/**
 * The sender's domain checked as mailbox providers will check it: SPF (a `v=spf1` TXT record on
 * the domain, with the provider's include), DKIM (the provider's selectors, where they can be
 * named) and DMARC (`_dmarc` TXT `v=DMARC1` and its policy). Bulk senders need all three
 * (Gmail's and Yahoo's sender rules, February 2024).
 */
import type { EmailProvider } from "../../../schema/messaging-api";
import type { DomainCheck, DomainRecordCheck } from "../../../schema/messaging-domain";
import type { Resolver } from "./doh";
import { DOMAIN_NEEDS } from "./providers";

export { DohError, dohResolver } from "./doh";

/** The domain of an address (`Ana <ana@mail.example.com>` → `mail.example.com`), or null. */
export function domainOf(address: string): string | null {
  const inner = /<([^>]+)>\s*$/.exec(address)?.[1] ?? address;
  const at = inner.lastIndexOf("@");
  const domain =
    at < 0
      ? ""
      : inner
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

async function checkSpf(resolver: Resolver, domain: string, provider: EmailProvider): Promise<DomainRecordCheck> {
  const { name: who, spf: needs } = DOMAIN_NEEDS[provider];
  const host = needs.host(domain);
  const { records } = await resolver.txt(host);
  const spf = records.filter((r) => /^v=spf1(\s|$)/i.test(r));
  const base = { name: host, record: spf[0] ?? null };
  const wanted = needs.include ? `v=spf1 ${needs.include} ~all` : "v=spf1 … ~all";
  if (spf.length === 0)
    return { ...base, state: "missing", message: `No SPF record at ${host}: add a TXT record "${wanted}".` };
  if (spf.length > 1)
    return {
      ...base,
      state: "missing",
      message: `${spf.length} SPF records at ${host}: RFC 7208 allows one; merge them.`,
    };
  if (!needs.include)
    return { ...base, state: "ok", message: ["SPF record found.", needs.note].filter(Boolean).join(" ") };
  return spf[0]!.toLowerCase().split(/\s+/).includes(needs.include)
    ? { ...base, state: "ok", message: `SPF includes ${who} (${needs.include}).` }
    : {
        ...base,
        state: "missing",
        message: `The SPF record at ${host} does not include ${who}: add ${needs.include}.`,
      };
}

async function checkDkim(resolver: Resolver, domain: string, provider: EmailProvider): Promise<DomainRecordCheck> {
  const { dkim, name } = DOMAIN_NEEDS[provider];
  if ("cannotCheck" in dkim)
    return { state: "unknown", name: `*._domainkey.${domain}`, record: null, message: dkim.cannotCheck };
  const found: string[] = [];
  for (const selector of dkim.selectors) {
    const host = `${selector}._domainkey.${domain}`;
    const { records, cname } = await resolver.txt(host);
    const key = records.find((r) => /(^|;)\s*(v=DKIM1|k=|p=)/i.test(r));
    if (!key && !cname) {
      return {
        state: "missing",
        name: host,
        record: null,
        message: `No DKIM key at ${host}: add the record ${name} shows for the domain.`,
      };
    }
    found.push(key ?? `CNAME ${cname}`);
  }
  const names = dkim.selectors.map((s) => `${s}._domainkey`).join(", ");
  return { state: "ok", name: `${names}.${domain}`, record: found.join(" · "), message: `DKIM found at ${names}.` };
}

async function checkDmarc(resolver: Resolver, domain: string): Promise<DomainCheck["dmarc"]> {
  const name = `_dmarc.${domain}`;
  const { records } = await resolver.txt(name);
  const record = records.find((r) => /^v=DMARC1(\s*;|$)/i.test(r)) ?? null;
  if (!record)
    return {
      state: "missing",
      name,
      record: null,
      policy: null,
      message: `No DMARC record: add a TXT record "v=DMARC1; p=none; rua=mailto:…" at ${name}.`,
    };
  const policy = /(?:^|;)\s*p\s*=\s*([a-z]+)/i.exec(record)?.[1]?.toLowerCase() ?? null;
  if (!policy)
    return {
      state: "missing",
      name,
      record,
      policy,
      message: "The DMARC record has no policy (p=none, quarantine or reject).",
    };
  return { state: "ok", name, record, policy, message: `DMARC policy: ${policy}.` };
}

/** Checks `domain` for sending through `provider`; DoH failures reject with a DohError. */
export async function checkDomain(
  resolver: Resolver,
  domain: string,
  provider: EmailProvider,
  now = new Date(),
): Promise<DomainCheck> {
  const [spf, dkim, dmarc] = await Promise.all([
    checkSpf(resolver, domain, provider),
    checkDkim(resolver, domain, provider),
    checkDmarc(resolver, domain),
  ]);
  return { domain, provider, spf, dkim, dmarc, checkedAt: now.toISOString() };
}
