import { describe, expect, it } from "vitest";
import { type AcrossRow, chainsAcross } from "./across";

/** Far above one pass over 100,000 rows, far below a pass that compares rows with each other. */
const QUADRATIC_MS = 5_000;

const row = (id: string, name: string, website: string, ...territories: string[]): AcrossRow => ({
  id,
  name,
  website,
  territories,
});

describe("chainsAcross — the same name or site in several territories", () => {
  it("flags a name found in two territories, however it is spelled", () => {
    const chains = chainsAcross([
      row("a", "Joe's Pizza", "", "austin"),
      row("b", "JOE'S PIZZA", "", "dallas"),
      row("c", "Lakeside Bakery", "", "austin"),
    ]);
    expect(chains).toEqual(
      new Map([
        ["a", "name in 2 territories"],
        ["b", "name in 2 territories"],
      ]),
    );
  });

  it("flags a website shared by locations with different names", () => {
    const chains = chainsAcross([
      row("a", "Tarrytown Smiles", "https://www.smilecare.com/tarrytown", "austin"),
      row("b", "Mueller Smiles", "smilecare.com/mueller", "austin"),
      row("c", "Plano Smiles", "http://smilecare.com", "plano"),
    ]);
    expect(chains.get("a")).toBe("site smilecare.com in 2 territories");
    expect(chains.size).toBe(3);
  });

  it("flags three rows sharing a name in one territory, but not two", () => {
    const three = chainsAcross([
      row("a", "Kwik Wash", "", "austin"),
      row("b", "Kwik Wash", "", "austin"),
      row("c", "Kwik Wash", "", "austin"),
    ]);
    expect(three.get("c")).toBe("name on 3 rows");
    const two = chainsAcross([row("a", "Kwik Wash", "", "austin"), row("b", "Kwik Wash", "", "austin")]);
    expect(two.size).toBe(0);
  });

  it("never counts a social profile's host, and one business found by two territories is no chain", () => {
    const chains = chainsAcross([
      row("a", "Joe's Plumbing", "https://facebook.com/joesplumbing", "austin"),
      row("b", "Ann's Bakery", "https://www.facebook.com/annsbakery", "dallas"),
      row("c", "Mia's Nails", "facebook.com/mias", "plano"),
      row("d", "Lakeside Bakery", "lakesidebakery.com", "austin", "round-rock"),
    ]);
    expect(chains.size).toBe(0);
  });

  it("reads 100,000 rows in one pass", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      row(String(i), `Business ${i % 90_000}`, i % 3 ? `https://biz-${i}.example/` : "", `t${i % 47}`),
    );
    const started = performance.now();
    const chains = chainsAcross(rows);
    const ms = performance.now() - started;
    expect(chains.get("90000")).toBe("name in 2 territories");
    expect(chains.has("89999")).toBe(false);
    expect(chains.size).toBe(20_000);
    // `npm run bench:hunting` reports the time (about 0.4 s on a shared 2-core machine); this
    // bound is for a pass that turns quadratic (minutes), not for a busy machine.
    expect(ms).toBeLessThan(QUADRATIC_MS);
  });
});
