import { describe, expect, it } from "vitest";
import { parseVars } from "./local-env";

describe(".dev.vars parsing", () => {
  it("reads KEY=value lines, strips quotes and ignores comments", () => {
    expect(parseVars('# local\nROWPILOT_ENV=local\nSETTINGS_KEY="abc+/="\n\nbad line\n')).toEqual({
      ROWPILOT_ENV: "local",
      SETTINGS_KEY: "abc+/=",
    });
  });
});
