/**
 * The cycles of a small directed graph: its strongly connected components that hold a cycle
 * (two or more nodes, or one node with an edge to itself), by Tarjan's algorithm. Journeys have
 * at most 200 nodes, so plain recursion is safe.
 */

/**
 * Each cyclic component's node ids, in the order the graph lists them.
 * @example stronglyConnected(new Map([["a", ["b"]], ["b", ["a"]], ["c", []]])) // [["a", "b"]]
 */
export function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const order = [...graph.keys()];
  const rank = new Map(order.map((id, i) => [id, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const to of graph.get(id) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(id, Math.min(low.get(id)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(id, Math.min(low.get(id)!, index.get(to)!));
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    const cyclic = component.length > 1 || (graph.get(id) ?? []).includes(id);
    if (cyclic) components.push(component.sort((a, b) => rank.get(a)! - rank.get(b)!));
  };
  for (const id of order) if (!index.has(id)) visit(id);
  return components.sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}
