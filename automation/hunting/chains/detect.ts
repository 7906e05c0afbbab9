/**
 * One chain verdict for a business from the three ways of knowing: the provider's own flag
 * (Outscraper's `ai_chain_info`), the brand list, and the same name or site across
 * territories, in that order; the first that says "chain" gives the reason recorded in the row.
 * A provider saying "not a chain" settles nothing: its flag is a guess, the brand list is not.
 */
import { type ChainVerdict, chainByBrand } from "./brands";

export type ChainFacts = {
  record: { name: string };
  /** The provider's flag when it gave one (`BusinessRecord.providerChain`). */
  providerChain?: boolean | null;
  /** This business's reason from `chainsAcross`, when it has one. */
  across?: string | null;
};

/**
 * @example detectChain({ record: { name: "Jiffy Lube 1234" }, providerChain: null }) // { chain: true, reason: "brand: Jiffy Lube" }
 * detectChain({ record: { name: "Joe's Pizza" }, across: "name in 2 territories" }) // { chain: true, reason: "name in 2 territories" }
 */
export function detectChain({ record, providerChain, across }: ChainFacts): ChainVerdict {
  if (providerChain === true) return { chain: true, reason: "provider: chain" };
  const brand = chainByBrand(record.name);
  if (brand.chain) return brand;
  if (across) return { chain: true, reason: across };
  return { chain: false, reason: null };
}
