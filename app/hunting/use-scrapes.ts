/** Scrape now and Scrape next on the Hunting page: one at a time, each answer said in words, the page refreshed after. */
import { useState } from "react";
import type { TerritoryRecord } from "../../schema/hunting-api";
import { huntingApi, territoryApi } from "./api";
import { type ScrapeAnswer, scrapeAnswerText, sendScrape } from "./scrape";

export type PageMessage = { tone: "success" | "error" | "info"; text: string };

const TONE: Record<ScrapeAnswer["kind"], PageMessage["tone"]> = {
  done: "success",
  started: "info",
  "nothing-due": "info",
  refused: "error",
};

/** `scraping` is the territory's id during Scrape now, `"next"` during Scrape next, else null. */
export function useScrapes(slug: string, territories: TerritoryRecord[], refresh: () => Promise<void>) {
  const [scraping, setScraping] = useState<string | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);

  const run = async (key: string, path: string) => {
    setScraping(key);
    setMessage(null);
    try {
      const answer = await sendScrape(path);
      const id =
        answer.kind === "done" ? answer.result.territoryId : answer.kind === "started" ? answer.territoryId : key;
      const name = territories.find((t) => t.id === id)?.name;
      setMessage({ tone: TONE[answer.kind], text: scrapeAnswerText(answer, name) });
      // Even a refusal changes what the list should show: a cooldown seen late, a territory marked failed.
      await refresh();
    } finally {
      setScraping(null);
    }
  };

  return {
    scraping,
    message,
    setMessage,
    scrapeNow: (t: TerritoryRecord) => run(t.id, territoryApi(slug, t.id, "/scrape")),
    scrapeNext: () => run("next", huntingApi(slug, "/api/territories/scrape-next")),
  };
}
