/**
 * Which businesses are chains, and why, as a scrape adds its finds: the provider's flag, the
 * brand list, or the same name or site in several territories (`automation/hunting/chains`).
 * Finding a business in a new territory can make a known row a chain too; a row already marked,
 * or one a person unticked (its reason left behind), is left as it is.
 */
import { type AcrossRow, chainsAcross, detectChain } from "../../automation/hunting";
import type { BusinessRecord } from "../../schema/hunting";
import { clearedByPerson, type KnownBusiness } from "./businesses";

export type ChainCells = { chain: boolean; chainReason: string | null };

const cells = (verdict: { chain: boolean; reason: string | null }): ChainCells => ({
  chain: verdict.chain,
  chainReason: verdict.reason,
});

/**
 * Verdicts for the `added` records (in order, each first found in `territoryId`) and for the known
 * rows that the additions make chains (by row id).
 */
export function chainVerdicts(
  known: readonly KnownBusiness[],
  touched: ReadonlyMap<number, readonly string[]>,
  added: readonly BusinessRecord[],
  territoryId: string,
): { added: ChainCells[]; known: Map<string, ChainCells> } {
  const rows: AcrossRow[] = known.map((k, i) => ({
    id: k.rowId,
    name: k.name,
    website: k.website,
    territories: touched.get(i) ?? k.territories,
  }));
  for (const [i, record] of added.entries())
    rows.push({ id: `added:${i}`, name: record.name, website: record.website, territories: [territoryId] });
  const across = chainsAcross(rows);
  const knownChains = new Map<string, ChainCells>();
  for (const k of known) {
    const reason = across.get(k.rowId);
    if (reason && !k.chain && !clearedByPerson(k)) knownChains.set(k.rowId, { chain: true, chainReason: reason });
  }
  return {
    added: added.map((record, i) =>
      cells(detectChain({ record, providerChain: record.providerChain, across: across.get(`added:${i}`) })),
    ),
    known: knownChains,
  };
}

/** One business's verdict against every other known now (the Rescore button). */
export function chainOf(business: KnownBusiness, others: readonly KnownBusiness[]): ChainCells {
  const across = chainsAcross([business, ...others].map((k) => ({ ...k, id: k.rowId })));
  return cells(
    detectChain({ record: business, providerChain: business.providerChain, across: across.get(business.rowId) }),
  );
}
