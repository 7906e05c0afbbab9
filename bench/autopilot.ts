/**
 * `npm run bench:autopilot`: Autopilot's figures.
 * 1. The pipeline dashboard's figures over 100,000 rows (`bench/autopilot-pipeline.ts`): ms.
 * 2. One cycle through the Worker over a workspace of 10,000 businesses, with providers' stand-ins
 *    at a fixed latency (`bench/autopilot-cycle.ts`): minutes, each phase's counts, and the share
 *    of the time spent waiting for providers against our own code.
 * Figures only, no timed assertions.
 */
import { benchAutopilotCycle } from "./autopilot-cycle";
import { benchPipeline } from "./autopilot-pipeline";

benchPipeline();
await benchAutopilotCycle();
