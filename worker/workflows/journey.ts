/** The Workflows class wrangler.jsonc binds as `JOURNEY`: the journey interpreter (worker/journeys/workflow.ts). */
export { JourneyWorkflow } from "../journeys/workflow";
