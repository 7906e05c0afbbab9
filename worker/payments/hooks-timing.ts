/**
 * Where a webhook's time goes, as a `Server-Timing` header (https://w3c.github.io/server-timing/):
 * `npm run bench:billing` sums it per stage. workerd's clock moves only across I/O, so a stage
 * that is all CPU shows as 0.
 */
export function stageTimer() {
  let last = Date.now();
  const stages: [string, number][] = [];
  return {
    /** Ends the stage running since the previous mark. */
    mark(name: string) {
      const now = Date.now();
      stages.push([name, now - last]);
      last = now;
    },
    header: () => stages.map(([name, ms]) => `${name};dur=${ms}`).join(", "),
  };
}
