/**
 * The paid providers' checks: Outscraper (scraping), Anthropic (site generation) and Recurrente
 * (payments), each with the workspace's own key against its `*_URL` stand-in when one is set.
 * No key is not a fault: the autopilot then uses its embedded stand-in, and the light is "off".
 */
import Anthropic from "@anthropic-ai/sdk";
import { OUTSCRAPER_URL } from "../../../automation/hunting/sources/outscraper";
import { PaymentsError } from "../../../automation/payments/recurrente/types";
import { readWorkspaceSecret } from "../../api/settings";
import type { Db } from "../../db";
import { recurrenteOf } from "../../payments/recurrente";
import { providerKeys } from "../../projects/discover";
import { clientFor } from "../../sites/anthropic";
import { bounded, type CheckOutcome, reason } from "./bounded";

export type CheckInput = { env: Env; db: Db; workspaceId: string };

/** Outscraper's account balance: authenticated, free, and touches no search credits. */
const OUTSCRAPER_BALANCE_PATH = "/profile/balance";

/** An HTTP status as the light and detail of a provider's check. */
export function fromStatus(provider: string, status: number): CheckOutcome {
  if (status >= 200 && status < 300) return { light: "ok", detail: `${provider} accepted the key` };
  if (status === 401 || status === 403) return { light: "down", detail: `${status}: the key was refused` };
  if (status === 429) return { light: "warning", detail: `429: ${provider} is rate limiting the key` };
  return { light: "down", detail: `${status} from ${provider}` };
}

export async function checkOutscraper({ env, db, workspaceId }: CheckInput): Promise<CheckOutcome> {
  const { outscraper: key } = await providerKeys(env, db, workspaceId);
  if (!key) return { light: "off", detail: "no key: scraping uses the sample directory" };
  const base = (env.OUTSCRAPER_URL || OUTSCRAPER_URL).replace(/\/$/, "");
  try {
    const res = await bounded("Outscraper", (signal) =>
      fetch(`${base}${OUTSCRAPER_BALANCE_PATH}`, { headers: { "X-API-KEY": key }, signal }),
    );
    await res.body?.cancel();
    // A missing status endpoint says nothing of the key: not an outage of scraping.
    if (res.status === 404)
      return { light: "warning", detail: "404: Outscraper's balance endpoint was not found; the key was not checked" };
    return fromStatus("Outscraper", res.status);
  } catch (error) {
    return { light: "down", detail: `no answer: ${reason(error)}` };
  }
}

export async function checkAnthropic({ env, db, workspaceId }: CheckInput): Promise<CheckOutcome> {
  const key = await readWorkspaceSecret(env, db, workspaceId, "anthropicApiKey");
  if (!key) return { light: "off", detail: "no key: sites are written by the fallback generator" };
  try {
    // One retry of the SDK's own would double the wait; the next health check is the retry.
    const client = clientFor(env, key).withOptions({ maxRetries: 0 });
    await bounded("Anthropic", (signal) => client.models.list({ limit: 1 }, { signal }));
    return { light: "ok", detail: "Anthropic accepted the key" };
  } catch (error) {
    if (error instanceof Anthropic.APIError && typeof error.status === "number")
      return fromStatus("Anthropic", error.status);
    return { light: "down", detail: `no answer: ${reason(error)}` };
  }
}

export async function checkPayments({ env, db, workspaceId }: CheckInput): Promise<CheckOutcome> {
  const client = await recurrenteOf(env, db, workspaceId);
  if (!client) return { light: "off", detail: "no keys: payments are not set up" };
  try {
    await bounded("Recurrente", () => client.test());
    return { light: "ok", detail: "Recurrente accepted the keys" };
  } catch (error) {
    if (error instanceof PaymentsError && error.status !== null) return fromStatus("Recurrente", error.status);
    return { light: "down", detail: `no answer: ${reason(error)}` };
  }
}
