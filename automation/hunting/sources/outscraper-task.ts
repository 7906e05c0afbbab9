/**
 * One Outscraper task (a Maps search or a reviews fetch): Outscraper answers either with the data
 * or, by default, with `{ id, status: "Pending", results_location }`, a place to ask again until
 * the task is done. This waits for it, polling with a growing pause, up to a time limit.
 * https://app.outscraper.com/api-docs (Requests: "Asynchronous requests")
 */
import { z } from "zod";
import { DiscoveryError } from "../../discovery/errors";
import { type RetryPolicy, requestJson, sleep } from "../../discovery/http";

export type OutscraperTaskOptions = {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Each HTTP request's own limit. */
  timeoutMs: number;
  /** How long a queued task may take before we give up on it. */
  pollTimeoutMs: number;
  /** The first pause between polls; doubled after each, up to `OUTSCRAPER_POLL_MAX_MS`. */
  pollIntervalMs: number;
  retry: RetryPolicy;
};

/** The longest pause between two polls: a long task is still checked twice a minute. */
export const OUTSCRAPER_POLL_MAX_MS = 30_000;

const Answer = z.object({
  id: z.string().optional(),
  status: z.string().optional(),
  results_location: z.string().optional(),
  data: z.array(z.unknown()).optional(),
});

/** Hosts Outscraper serves results from; the key goes only there or to the configured base URL. */
const OUTSCRAPER_HOSTS = /(^|\.)outscraper\.(com|cloud)$/;

/** Runs the task at `url` and returns its `data`, or throws a `DiscoveryError` that says what to try. */
export async function runOutscraperTask(url: string, what: string, options: OutscraperTaskOptions): Promise<unknown[]> {
  const deadline = Date.now() + options.pollTimeoutMs;
  let answer = await ask(url, options);
  const location = answer.results_location;
  let pauseMs = options.pollIntervalMs;
  for (;;) {
    const status = answer.status ?? "Success";
    if (status === "Success") {
      if (!answer.data) throw new DiscoveryError("bad_response", `Outscraper sent the ${what} with no data`);
      return answer.data;
    }
    if (status !== "Pending") {
      throw new DiscoveryError(
        "upstream_error",
        `Outscraper could not finish the ${what} (request ${answer.id ?? "?"}, status ${status}): try again later`,
      );
    }
    if (!location) throw new DiscoveryError("bad_response", `Outscraper queued the ${what} without a results_location`);
    if (Date.now() + pauseMs > deadline) {
      throw new DiscoveryError(
        "not_finished",
        `Outscraper had not finished the ${what} (request ${answer.id ?? "?"}) after ${options.pollTimeoutMs / 1000} s: try again later, or a smaller radius`,
      );
    }
    await sleep(pauseMs);
    pauseMs = Math.min(pauseMs * 2, OUTSCRAPER_POLL_MAX_MS);
    answer = await ask(location, options);
  }
}

async function ask(url: string, options: OutscraperTaskOptions): Promise<z.infer<typeof Answer>> {
  const keyed = sendsKeyTo(url, options.baseUrl);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (keyed) headers["X-API-KEY"] = options.apiKey;
  const json = await requestJson({
    provider: "Outscraper",
    url,
    init: { headers },
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    keyed,
    retry: options.retry,
  });
  const parsed = Answer.safeParse(json);
  if (!parsed.success) throw new DiscoveryError("bad_response", "Outscraper sent an answer that is not a task");
  return parsed.data;
}

/** The user's key goes to the configured Outscraper origin or Outscraper's own hosts, nowhere else. */
function sendsKeyTo(url: string, baseUrl: string): boolean {
  try {
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin || OUTSCRAPER_HOSTS.test(target.hostname);
  } catch {
    return false;
  }
}
