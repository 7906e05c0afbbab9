/** The pitching phase's steps, in the order the phase runs them: create, retry, send. */
export { createPitches } from "./create";
export type { PitchRun } from "./run";
export { MAX_PITCH_RETRIES, retryFailedPitches, sendPitches } from "./send";
