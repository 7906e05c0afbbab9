import { describe, expect, it } from "vitest";
import { checkFile, importsOf } from "./check-imports";

describe("folder import rules", () => {
  it("finds static, re-exported, side-effect and dynamic imports", () => {
    const src = `import a from "./a";\nimport type { B } from "../b";\nexport * from "./c";\nimport "./d";\nconst e = import("./e");`;
    expect(importsOf(src)).toEqual(["./a", "../b", "./c", "./d", "./e"]);
  });
  it("refuses app/ importing worker/ and schema/ importing anything of ours", () => {
    expect(checkFile("/r", "/r/app/routes/x.tsx", `import { db } from "../../worker/db";`)).toEqual([
      { file: "app/routes/x.tsx", specifier: "../../worker/db", from: "app", to: "worker" },
    ]);
    expect(checkFile("/r", "/r/schema/a.ts", `import { x } from "../sync/y";`)).toHaveLength(1);
  });
  it("allows the permitted directions and packages", () => {
    expect(checkFile("/r", "/r/worker/a.ts", `import "../schema/x"; import "../sync/y"; import "hono";`)).toEqual([]);
    expect(checkFile("/r", "/r/app/a.tsx", `import "../schema/x"; import "./b";`)).toEqual([]);
  });
});
