/**
 * "Find email" for one business: its website's home, contact and about pages fetched on the edge
 * (through the URL guard: public addresses only in production), then, when their HTML holds no
 * address, the same pages rendered by Browser Rendering (sites built by scripts); the best address
 * is kept with the page it was on. An email a person typed is never replaced.
 */

import type { UrlGuard } from "../../automation/contact/guard";
import { guardFor } from "../../automation/contact/guard";
import {
  bareHost,
  findEmailOnWebsite,
  findEmailRendered,
  type WebsiteEmail,
  websiteKind,
} from "../../automation/hunting";
import type { FindEmailResult } from "../../schema/hunting-api";
import { acquireBrowser } from "../browser/session";
import { byKey, reader } from "../kinds/tables";
import { HuntingMissingError } from "./errors";
import type { Hunting } from "./tables";
import { huntingOrigin } from "./territories";

export async function findEmail(env: Env, h: Hunting, rowId: string): Promise<FindEmailResult> {
  const [row] = await h.businesses.room.readRows([rowId]);
  if (!row) throw new HuntingMissingError("Business not found");
  const r = reader(h.businesses, row.cells);
  const current = r.text("email");
  const source = r.text("emailSource");
  if (current && (source === "manual" || !source)) return { email: current, source: "manual", page: null };
  const website = r.text("website");
  if (websiteKind(website).kind !== "own") return { email: null, tried: [] };
  const guard = guardFor(env.ROWPILOT_ENV);
  let found = await findEmailOnWebsite({ website, guard });
  if (found.email === null && found.tried.length) found = await rendered(env, found.tried, guard);
  if (found.email === null) return found;
  // The pages took seconds: an address someone typed meanwhile wins.
  const [now] = await h.businesses.room.readRows([rowId]);
  if (!now) throw new HuntingMissingError("Business not found");
  const typed = reader(h.businesses, now.cells).text("email");
  if (typed && typed !== current) return { email: typed, source: "manual", page: null };
  await h.businesses.room.patchRow(
    rowId,
    byKey(h.businesses, { email: found.email, emailSource: "website" }),
    huntingOrigin("find-email"),
  );
  return { email: found.email, source: "website", page: found.page };
}

/** The pages the edge read, rendered in a browser; what the edge tried when no browser could be had. */
async function rendered(env: Env, urls: string[], guard: UrlGuard): Promise<WebsiteEmail> {
  let session: Awaited<ReturnType<typeof acquireBrowser>> | null = null;
  try {
    session = await acquireBrowser(env.BROWSER);
    const page = await session.browser.newPage();
    try {
      const site = bareHost(urls[0]!);
      return await findEmailRendered({ urls, site, guard, page });
    } finally {
      await page.close().catch(() => undefined);
    }
  } catch (error) {
    console.warn(`rowpilot: no browser for email finding: ${(error as Error).message}`);
    return { email: null, tried: urls };
  } finally {
    await session?.release();
  }
}
