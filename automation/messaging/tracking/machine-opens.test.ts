import { describe, expect, it } from "vitest";
import { classifyOpen, hashIp, userAgentClass } from "./machine-opens";

const IPHONE_MAIL =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
const MAC_MAIL = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
const GMAIL = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)";
const HUMAN_IP = "203.0.113.9";

describe("machine opens", () => {
  it("flags Apple Mail Privacy Protection by its bare user agent", () => {
    expect(classifyOpen({ userAgent: "Mozilla/5.0", ip: HUMAN_IP, secondsSinceDelivery: 600 })).toEqual({
      machine: true,
      reason: "apple-mpp",
    });
  });

  it("flags opens from Apple's address ranges, IPv4 and IPv6", () => {
    for (const ip of ["17.58.101.3", "2620:149:a0c:f000::12"]) {
      expect(classifyOpen({ userAgent: IPHONE_MAIL, ip, secondsSinceDelivery: 600 })).toEqual({
        machine: true,
        reason: "apple-mpp",
      });
    }
  });

  it("uses the egress ranges it is given", () => {
    const open = { userAgent: IPHONE_MAIL, ip: "172.224.5.6", secondsSinceDelivery: 600 };
    expect(classifyOpen(open).machine).toBe(false);
    expect(classifyOpen(open, ["172.224.0.0/16"])).toEqual({ machine: true, reason: "apple-mpp" });
  });

  it("flags Google's image proxy and security scanners", () => {
    expect(classifyOpen({ userAgent: GMAIL, ip: HUMAN_IP, secondsSinceDelivery: 600 })).toEqual({
      machine: true,
      reason: "image-proxy",
    });
    for (const userAgent of [
      "Barracuda Sentinel (EE)",
      "Mimecast-URL-Protect",
      "python-requests/2.32",
      "Googlebot/2.1",
    ]) {
      expect(classifyOpen({ userAgent, ip: HUMAN_IP, secondsSinceDelivery: 600 })).toEqual({
        machine: true,
        reason: "scanner",
      });
    }
  });

  it("flags an open within a few seconds of delivery, whatever the client", () => {
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ip: HUMAN_IP, secondsSinceDelivery: 2 })).toEqual({
      machine: true,
      reason: "too-soon",
    });
  });

  it("counts a person reading later as a human open", () => {
    for (const userAgent of [IPHONE_MAIL, MAC_MAIL, OUTLOOK]) {
      expect(classifyOpen({ userAgent, ip: HUMAN_IP, secondsSinceDelivery: 90 })).toEqual({
        machine: false,
        reason: "human",
      });
    }
    expect(classifyOpen({ userAgent: MAC_MAIL, ip: null, secondsSinceDelivery: null }).machine).toBe(false);
  });
});

describe("user agent classes", () => {
  it("names the kind of client for the Events log", () => {
    expect(userAgentClass("Mozilla/5.0")).toBe("apple-mpp");
    expect(userAgentClass(GMAIL)).toBe("gmail-proxy");
    expect(userAgentClass("Proofpoint URL Defense")).toBe("scanner");
    expect(userAgentClass(IPHONE_MAIL)).toBe("mobile");
    expect(userAgentClass("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36")).toBe(
      "mobile",
    );
    expect(userAgentClass(MAC_MAIL)).toBe("desktop");
    expect(userAgentClass(OUTLOOK)).toBe("desktop");
    expect(userAgentClass(null)).toBe("unknown");
    expect(userAgentClass("SomethingElse/1.0")).toBe("unknown");
  });
});

describe("IP hash", () => {
  it("is short, stable for one salt and different across salts", async () => {
    const hash = await hashIp(HUMAN_IP, "salt-a");
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(await hashIp(` ${HUMAN_IP} `, "salt-a")).toBe(hash);
    expect(await hashIp(HUMAN_IP, "salt-b")).not.toBe(hash);
    expect(await hashIp("203.0.113.10", "salt-a")).not.toBe(hash);
  });

  it("refuses to hash without a salt", async () => {
    await expect(hashIp(HUMAN_IP, "")).rejects.toThrow(/salt/);
  });
});
