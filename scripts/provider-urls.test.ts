import { describe, expect, it } from "vitest";
import { describeStandIns, passedVarNames, providerStandIns, providerUrlNames } from "./provider-urls";

describe("provider stand-ins from the environment", () => {
  it("knows every provider base URL that wrangler.jsonc declares, and not the app's own", () => {
    const names = providerUrlNames();
    expect(names).toEqual(
      expect.arrayContaining([
        "OUTSCRAPER_URL",
        "GOOGLE_PLACES_URL",
        "GOOGLE_GEOCODING_URL",
        "NOMINATIM_URL",
        "OVERPASS_URL",
        "ANTHROPIC_BASE_URL",
        "RECURRENTE_URL",
        "RESEND_URL",
        "POSTMARK_URL",
        "SENDGRID_URL",
        "SES_URL",
        "TWILIO_URL",
      ]),
    );
    expect(names).not.toContain("APP_URL");
  });

  it("takes the ones set, leaves out empty and unrelated ones, and says which are in use", () => {
    const env = { OUTSCRAPER_URL: "http://127.0.0.1:9999", NOMINATIM_URL: "", HOME: "/root", APP_URL: "http://x" };
    const standIns = providerStandIns(env, providerUrlNames());
    expect(standIns).toEqual({ OUTSCRAPER_URL: "http://127.0.0.1:9999" });
    expect(describeStandIns(standIns)).toBe("Providers: OUTSCRAPER_URL → http://127.0.0.1:9999 (stand-in)");
    expect(describeStandIns({})).toMatch(/^Providers: their public APIs/);
  });

  it("refuses a value that is not an http(s) URL, naming the variable", () => {
    expect(() => providerStandIns({ OUTSCRAPER_URL: "127.0.0.1:9999" }, ["OUTSCRAPER_URL"])).toThrow(
      /^OUTSCRAPER_URL must be an http\(s\) URL .*got "127.0.0.1:9999"/,
    );
  });
});

describe("SITES_DOMAIN from the environment", () => {
  it("is passed on like a provider URL, checked to be a domain name, and said apart from the providers", () => {
    expect(passedVarNames()).toEqual(expect.arrayContaining(["SITES_DOMAIN", "ANTHROPIC_BASE_URL"]));
    const passed = providerStandIns({ SITES_DOMAIN: "sites.localhost", OUTSCRAPER_URL: "" });
    expect(passed).toEqual({ SITES_DOMAIN: "sites.localhost" });
    expect(describeStandIns(passed)).toMatch(/^Providers: their public APIs .*; SITES_DOMAIN=sites\.localhost$/);
    expect(() => providerStandIns({ SITES_DOMAIN: "https://sites.example.com" })).toThrow(
      /^SITES_DOMAIN must be a domain name such as sites\.example\.com, got "https:\/\/sites\.example\.com"/,
    );
  });
});
