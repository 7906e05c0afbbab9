import { env } from "cloudflare:test";
import puppeteer from "@cloudflare/puppeteer";
import { describe, expect, it } from "vitest";

describe("Browser Rendering binding (local)", () => {
  it("launches a browser that renders a page and takes typed input", async () => {
    const browser = await puppeteer.launch(env.BROWSER);
    try {
      const page = await browser.newPage();
      await page.setContent(`<form><label>Email <input id="email" name="email"></label></form>`);
      await page.type("#email", "buyer@example.com");
      const value = await page.$eval("#email", (el) => (el as HTMLInputElement).value);
      expect(value).toBe("buyer@example.com");
      const shot = await page.screenshot({ type: "png" });
      expect(shot.byteLength).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
