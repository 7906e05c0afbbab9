/** The generation phase's steps, in the order the phase runs them: retry, generate, publish. */
export { generateNewSites } from "./generate";
export { publishReviewedSites } from "./publish";
export { MAX_SITE_RETRIES, retryFailedSites } from "./retry";
export { type SitesRun, usesAgents } from "./run";
