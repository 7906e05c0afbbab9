/** The Workflows class wrangler.jsonc binds as `AUTOPILOT`: the conductor of a cycle (worker/autopilot/workflow.ts). */
export { AutopilotWorkflow } from "../autopilot/workflow";
