import { describe, expect, it } from "vitest";
import { buildVersion, precacheList, withPrecache } from "./service-worker";

const BUILD = [
  "assets/entry.client-QrJZywTJ.js",
  "assets/manifest-a6201549.js",
  "assets/root-S_RUdUC0.css",
  "assets/exceljs.min-tdmMIeWm.js",
  "favicon.svg",
  "sw.js",
  "_headers",
  ".assetsignore",
  "assets/table-CCRZZPu4.js.map",
];

describe("the service worker's precache", () => {
  it("lists every file of the build the app asks for, not the worker, its settings or source maps", () => {
    expect(precacheList(BUILD)).toEqual([
      "/assets/entry.client-QrJZywTJ.js",
      "/assets/exceljs.min-tdmMIeWm.js",
      "/assets/manifest-a6201549.js",
      "/assets/root-S_RUdUC0.css",
      "/favicon.svg",
    ]);
  });

  it("refuses a build without React Router's route manifest", () => {
    expect(() => precacheList(["assets/entry.client-QrJZywTJ.js"])).toThrow(/route manifest/);
  });

  it("has a new version when a file or the worker's code changes, the same one otherwise", () => {
    const list = precacheList(BUILD);
    const version = buildVersion(list, "worker");
    expect(buildVersion([...list], "worker")).toBe(version);
    expect(buildVersion(precacheList([...BUILD, "assets/new-chunk-Ab12.js"]), "worker")).not.toBe(version);
    expect(buildVersion(list, "worker, changed")).not.toBe(version);
  });

  it("is set before the worker's code, where the worker reads it", () => {
    const list = precacheList(BUILD);
    const script = withPrecache("const BUILD = self.ROWPILOT_BUILD;", list);
    const self: { ROWPILOT_BUILD?: { version: string; precache: string[] } } = {};
    new Function("self", script)(self);
    expect(self.ROWPILOT_BUILD).toEqual({
      version: buildVersion(list, "const BUILD = self.ROWPILOT_BUILD;"),
      precache: list,
    });
  });
});
