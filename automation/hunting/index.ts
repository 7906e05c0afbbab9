/**
 * Business hunting: providers that find local businesses for a territory (a category in a
 * place), tiles for searches that come back full, de-duplication against what is known, chain
 * detection, the lead score and its formulas for the grid, email finding and the hunting report.
 * Pure logic; `fetch`, the URL guard and providers' keys are injected.
 */
export * from "./chains";
export {
  businessKeys,
  businessPatch,
  type MergeResult,
  type MergeTarget,
  mergeBusinesses,
} from "./dedupe";
export * from "./emails";
export {
  DEFAULT_SCORING_COLUMNS,
  qualifiedFormula,
  type ScoringColumns,
  scoreFormula,
  socialOnlyFormula,
} from "./formulas";
export * from "./pace";
export {
  type HuntingReportInput,
  huntingReport,
  MAX_BEST_TERRITORIES,
  MAX_REPORT_GROUPS,
  REPORT_WEEKS,
  type ReportBusiness,
  type ReportRun,
  type ReportTerritory,
} from "./report";
export { DEFAULT_SCORING, type LeadScore, type ScoreParts, type ScoringFacts, scoreBusiness } from "./score";
export { SOCIAL_HOSTS, type WebsiteKind, websiteKind } from "./social";
export * from "./sources";
export { MAX_TILE_DEPTH, MAX_TILES, searchTiled, type TiledResult, tilesOf } from "./tiles";
