import { describe, expect, it } from "vitest";
import { completeLock, lookupPaths, platformOf } from "./complete-lockfile";

describe("completing the lock with other platforms' binaries", () => {
  it("reads os, cpu and libc from platform package names", () => {
    expect(platformOf("@biomejs/cli-darwin-arm64")).toEqual({ os: ["darwin"], cpu: ["arm64"] });
    expect(platformOf("@biomejs/cli-linux-x64-musl")).toEqual({ os: ["linux"], cpu: ["x64"], libc: ["musl"] });
    expect(platformOf("@cloudflare/workerd-windows-64")).toEqual({ os: ["win32"], cpu: ["x64"] });
    expect(platformOf("@tailwindcss/oxide-wasm32-wasi")).toEqual({ cpu: ["wasm32"] });
    expect(platformOf("fsevents")).toBeNull();
  });

  it("looks where Node looks: own node_modules, then each ancestor's", () => {
    expect(lookupPaths("node_modules/a/node_modules/b", "c")).toEqual([
      "node_modules/a/node_modules/b/node_modules/c",
      "node_modules/a/node_modules/c",
      "node_modules/c",
    ]);
  });

  it("adds only what is missing, nested when another version holds the root", () => {
    const lock = {
      packages: {
        "": {},
        "node_modules/tool": {
          version: "2.0.0",
          dev: true,
          optionalDependencies: { "@x/bin-darwin-arm64": "2.0.0", "@x/bin-linux-x64": "2.0.0" },
        },
        "node_modules/@x/bin-linux-x64": { version: "2.0.0" },
        "node_modules/old/node_modules/tool": {
          version: "1.0.0",
          optionalDependencies: { "@x/bin-linux-x64": "1.0.0" },
        },
      },
    };
    expect(completeLock(lock)).toEqual(["@x/bin-darwin-arm64@2.0.0", "@x/bin-linux-x64@1.0.0"]);
    expect(lock.packages["node_modules/@x/bin-darwin-arm64" as keyof typeof lock.packages]).toEqual({
      version: "2.0.0",
      dev: true,
      optional: true,
      os: ["darwin"],
      cpu: ["arm64"],
    });
    expect(Object.keys(lock.packages)).toContain("node_modules/old/node_modules/tool/node_modules/@x/bin-linux-x64");
    expect(completeLock(lock)).toEqual([]);
  });
});
