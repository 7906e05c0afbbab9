import { describe, expect, it } from "vitest";
import { localVars, parseVars } from "./local-env";

describe(".dev.vars parsing", () => {
  it("reads KEY=value lines, strips quotes and ignores comments", () => {
    expect(parseVars('# local\nROWPILOT_ENV=local\nSETTINGS_KEY="abc+/="\n\nbad line\n')).toEqual({
      ROWPILOT_ENV: "local",
      SETTINGS_KEY: "abc+/=",
    });
  });
});

describe(".dev.vars contents", () => {
  const names = ["OUTSCRAPER_URL", "NOMINATIM_URL"];
  const before = {
    ROWPILOT_ENV: "local",
    BETTER_AUTH_SECRET: "auth",
    SETTINGS_KEY: "key",
    APP_URL: "http://localhost:8787",
    OUTSCRAPER_URL: "http://127.0.0.1:9999",
  };

  it("keeps the secrets, moves APP_URL to the port, and holds only this run's stand-ins", () => {
    const standIns = { NOMINATIM_URL: "http://127.0.0.1:7070" };
    expect(localVars(before, 8795, { standIns, names })).toEqual({
      ROWPILOT_ENV: "local",
      BETTER_AUTH_SECRET: "auth",
      SETTINGS_KEY: "key",
      APP_URL: "http://localhost:8795",
      NOMINATIM_URL: "http://127.0.0.1:7070",
    });
    expect(localVars(before, 8795, { standIns: {}, names })).not.toHaveProperty("OUTSCRAPER_URL");
  });

  it("leaves the stand-ins alone when not told them (a CLI command beside a running dev server)", () => {
    expect(localVars(before, 8787)).toEqual(before);
  });

  it("makes new secrets when there are none", () => {
    const made = localVars({}, 8787);
    expect(Buffer.from(made.SETTINGS_KEY!, "base64")).toHaveLength(32);
    expect(made.BETTER_AUTH_SECRET).not.toBe(made.SETTINGS_KEY);
  });
});
