/**
 * Which branch of an A/B split a lead takes: a weighted pick from a hash of the seed (the
 * enrollment id) and the split's id, so a retried step, a replayed Workflows instance and the
 * analytics all agree on the branch, and two splits in one journey do not pick in lockstep.
 */
import type { NodeOf } from "../../schema/journeys";

/** FNV-1a, 32 bits (http://www.isthe.com/chongo/tech/comp/fnv/): fast, well spread, no dependency. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_TO_32 = 2 ** 32;

function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  // FNV's low bits follow the input's last characters closely; a final avalanche spreads them.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * The branch `seed` takes, by the branches' weights; the same seed always takes the same branch.
 * @example pickBranch(split, enrollmentId) // { label: "B", next: "email-b" }
 */
export function pickBranch(node: NodeOf<"split">, seed: string): { label: string; next: string } {
  const total = node.branches.reduce((sum, branch) => sum + branch.weight, 0);
  let point = (fnv1a(`${seed}:${node.id}`) / TWO_TO_32) * total;
  for (const branch of node.branches) {
    if (point < branch.weight) return { label: branch.label, next: branch.next };
    point -= branch.weight;
  }
  const last = node.branches[node.branches.length - 1]!;
  return { label: last.label, next: last.next };
}
