/** What each phase of a cycle runs, by name (the conductor runs them in `PHASES` order). */
import type { PhaseName } from "../../../schema/autopilot";
import type { Phase } from "../context";
import { cleanupPhase } from "./cleanup";
import { generationPhase } from "./generation";
import { healthPhase } from "./health";
import { pitchingPhase } from "./pitching";
import { reportPhase } from "./report";
import { scrapingPhase } from "./scraping";

export const PHASE_RUNNERS: Record<PhaseName, Phase> = {
  health: healthPhase,
  cleanup: cleanupPhase,
  scraping: scrapingPhase,
  generation: generationPhase,
  pitching: pitchingPhase,
  report: reportPhase,
};
