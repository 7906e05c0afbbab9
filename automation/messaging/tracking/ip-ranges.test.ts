import { describe, expect, it } from "vitest";
import { inRange, parseIp } from "./ip-ranges";

describe("IP ranges", () => {
  it("matches IPv4 addresses by prefix", () => {
    expect(inRange("17.58.1.2", "17.0.0.0/8")).toBe(true);
    expect(inRange("18.0.0.1", "17.0.0.0/8")).toBe(false);
    expect(inRange("203.0.113.9", "203.0.113.0/24")).toBe(true);
    expect(inRange("203.0.114.9", "203.0.113.0/24")).toBe(false);
    expect(inRange("10.0.0.1", "10.0.0.1")).toBe(true);
  });

  it("matches IPv6 addresses, compressed or not, and IPv4-mapped ones as IPv4", () => {
    expect(inRange("2620:149:a0c:f000::1", "2620:149::/32")).toBe(true);
    expect(inRange("2620:0149:0000:0000:0000:0000:0000:0001", "2620:149::/32")).toBe(true);
    expect(inRange("2620:14a::1", "2620:149::/32")).toBe(false);
    expect(inRange("::ffff:17.1.2.3", "17.0.0.0/8")).toBe(true);
    expect(inRange("17.1.2.3", "2620:149::/32")).toBe(false);
  });

  it("reads nonsense as no address", () => {
    for (const text of ["", "17.0.0", "256.1.1.1", "1:2:3", "1::2::3", "gggg::1", "1:2:3:4:5:6:7:8:9"]) {
      expect(parseIp(text)).toBeNull();
    }
    expect(inRange("nonsense", "17.0.0.0/8")).toBe(false);
  });
});
