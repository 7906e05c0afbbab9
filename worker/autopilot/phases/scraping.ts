/** The scraping phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const scrapingPhase: Phase = async () => ({
  ...emptyResult("scraping"),
  error: "The scraping phase is not built yet",
});
