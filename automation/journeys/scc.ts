/**
 * The cycles of a small directed graph: its strongly connected components that hold a cycle (two
 * or more nodes, or one node with an edge to itself), found by the formula graph's Tarjan.
 */
import { components } from "../../schema/formula/graph";

/**
 * Each cyclic component's node ids, in the order the graph lists them.
 * @example stronglyConnected(new Map([["a", ["b"]], ["b", ["a"]], ["c", []]])) // [["a", "b"]]
 */
export function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const order = [...graph.keys()];
  const rank = new Map(order.map((id, i) => [id, i]));
  const edges = (id: string) => (graph.get(id) ?? []).filter((to) => graph.has(to));
  return components(order, edges)
    .filter((component) => component.length > 1 || edges(component[0]!).includes(component[0]!))
    .map((component) => component.sort((a, b) => rank.get(a)! - rank.get(b)!))
    .sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}
