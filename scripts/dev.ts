/** `npm run dev`: the same as `npm start`, served by Vite with hot reload. */
import { describeCron, fireCronsWhileRunning } from "./local-cron";
import { portFromEnv } from "./local-env";
import { prepareLocal, printWelcome } from "./prepare-local";
import { describeStandIns, providerStandIns } from "./provider-urls";
import { serve, waitForHttp } from "./run";
import { seedDemoAutopilot } from "./seed-autopilot";
import { seedDemoBilling } from "./seed-billing";
import { seedDemoHunting } from "./seed-hunting";
import { seedDemoJourneys } from "./seed-journeys";
import { connectDemoPayments } from "./seed-payments";
import { seedDemoProject } from "./seed-project";
import { seedDemoSites } from "./seed-sites";

const port = portFromEnv();
const origin = `http://localhost:${port}`;
const standIns = providerStandIns(process.env);
// The Cloudflare Vite plugin reads Worker vars only from .dev.vars, so this run's stand-ins go there.
await prepareLocal(port, standIns);
const server = serve("react-router", ["dev", "--port", String(port), "--strictPort"]);
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
