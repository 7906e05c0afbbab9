/**
 * Chains across territories: a chain's locations turn up wherever an agency searches, so the
 * same name or the same website on several businesses found in different territories (or on
 * many businesses anywhere) marks each of them a chain. A social or listing profile
 * (facebook.com/…) is shared by everyone and never counts; one business found by two
 * overlapping territories is one row and no chain.
 */
import { normalizedName } from "../../discovery/select";
import { websiteKind } from "../social";

/** Rows sharing a name or site, found in at least this many territories, are a chain's. */
export const MIN_TERRITORIES = 2;
/** This many rows sharing a name or site are a chain's even in one territory (one city's branches). */
export const MIN_ROWS = 3;

/** One business row as chain detection reads it. */
export type AcrossRow = { id: string; name: string; website: string; territories: readonly string[] };

/**
 * Rows sharing one name or one site. Most groups hold one row in one territory, so the set of
 * territories is made only when a second territory turns up (100,000 sets cost most of the time).
 */
type Group = { rows: number; first: string | null; more: Set<string> | null };

function addTo(groups: Map<string, Group>, key: string, territories: readonly string[]) {
  let group = groups.get(key);
  if (!group) {
    group = { rows: 0, first: null, more: null };
    groups.set(key, group);
  }
  group.rows++;
  for (const territory of territories) {
    if (group.first === null) group.first = territory;
    else if (territory !== group.first) {
      group.more ??= new Set([group.first]);
      group.more.add(territory);
    }
  }
}

/** Why a group is a chain's ("name in 3 territories", "site joes.com on 4 rows"), or null. */
function reasonOf(group: Group | undefined, label: string): string | null {
  if (!group || group.rows < 2) return null;
  const territories = group.more?.size ?? (group.first === null ? 0 : 1);
  if (territories >= MIN_TERRITORIES) return `${label} in ${territories} territories`;
  return group.rows >= MIN_ROWS ? `${label} on ${group.rows} rows` : null;
}

/**
 * The rows whose normalised name or own website's host several rows share, found in
 * `MIN_TERRITORIES` territories or more, or on `MIN_ROWS` rows or more: id → reason.
 * @example chainsAcross([
 *   { id: "a", name: "Joe's Pizza", website: "", territories: ["austin"] },
 *   { id: "b", name: "JOE'S PIZZA", website: "", territories: ["dallas"] },
 * ]) // Map { "a" => "name in 2 territories", "b" => "name in 2 territories" }
 */
export function chainsAcross(rows: readonly AcrossRow[]): Map<string, string> {
  const byName = new Map<string, Group>();
  const bySite = new Map<string, Group>();
  const keys = rows.map((row) => {
    const name = normalizedName(row.name);
    const site = websiteKind(row.website);
    const host = site.kind === "own" ? site.host : "";
    if (name) addTo(byName, name, row.territories);
    if (host) addTo(bySite, host, row.territories);
    return { name, host };
  });
  const chains = new Map<string, string>();
  rows.forEach((row, i) => {
    const { name, host } = keys[i]!;
    const reason = reasonOf(byName.get(name), "name") ?? reasonOf(bySite.get(host), `site ${host}`);
    if (reason) chains.set(row.id, reason);
  });
  return chains;
}
