/**
 * "Find email" for one business: its website's home, contact and about pages fetched on the edge
 * (through the URL guard: public addresses only in production), the best address kept with the
 * page it was on. An email a person typed is never replaced.
 */

import { guardFor } from "../../automation/contact/guard";
import { findEmailOnWebsite, websiteKind } from "../../automation/hunting";
import type { FindEmailResult } from "../../schema/hunting-api";
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
  const found = await findEmailOnWebsite({ website, guard: guardFor(env.ROWPILOT_ENV) });
  if (found.email === null) return found;
  await h.businesses.room.patchRow(
    rowId,
    byKey(h.businesses, { email: found.email, emailSource: "website" }),
    huntingOrigin("find-email"),
  );
  return { email: found.email, source: "website", page: found.page };
}
