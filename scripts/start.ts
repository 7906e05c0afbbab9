/** `npm start`: build the app, prepare local state, and serve the built Worker on PORT (8787). */
import { describeCron, fireCronsWhileRunning } from "./local-cron";
import { portFromEnv, STATE_DIR } from "./local-env";
import { prepareLocal, printWelcome } from "./prepare-local";
import { describeStandIns, providerStandIns } from "./provider-urls";
import { run, serve, waitForHttp } from "./run";
import { seedDemoAutopilot } from "./seed-autopilot";
import { seedDemoBilling } from "./seed-billing";
import { seedDemoHunting } from "./seed-hunting";
import { seedDemoJourneys } from "./seed-journeys";
import { connectDemoPayments } from "./seed-payments";
import { seedDemoProject } from "./seed-project";
import { seedDemoSites } from "./seed-sites";
import { wranglerDevArgs } from "./wrangler-dev";

const port = portFromEnv();
const origin = `http://localhost:${port}`;
const standIns = providerStandIns(process.env);
// wrangler dev takes the stand-ins as --var; .dev.vars keeps none (an earlier `npm run dev`'s go).
await prepareLocal(port, {});
console.log("Building the app…");
await run("react-router", ["build"], { quiet: true });
const args = wranglerDevArgs({ port, state: STATE_DIR, logLevel: "warn", vars: standIns });
// Only silences wrangler's warning that crons are not fired locally (the ticker below fires them):
// wrangler adds the flag's /__scheduled route only to Workers it bundles, and the build is served as is.
args.push("--test-scheduled");
const server = serve("wrangler", args);
await waitForHttp(`${origin}/sign-in`, 120_000);
const crons = fireCronsWhileRunning(server, origin);
await seedDemoProject(port);
await seedDemoHunting(port);
await seedDemoSites(port);
await seedDemoBilling(port);
await seedDemoJourneys(port);
await seedDemoAutopilot();
const payments = await connectDemoPayments(port, standIns.RECURRENTE_URL);
await printWelcome(port, [describeCron(crons), describeStandIns(standIns), ...(payments ? [payments] : [])]);
