/** `npm start`: build the app, prepare local state, and serve the built Worker on PORT (8787). */
import { portFromEnv, STATE_DIR } from "./local-env";
import { prepareLocal, printWelcome } from "./prepare-local";
import { run, serve, waitForHttp } from "./run";
import { seedDemoProject } from "./seed-project";

const port = portFromEnv();
await prepareLocal(port);
console.log("Building the app…");
await run("react-router", ["build"], { quiet: true });
serve("wrangler", ["dev", "--port", String(port), "--persist-to", STATE_DIR, "--log-level", "warn"]);
await waitForHttp(`http://localhost:${port}/sign-in`, 120_000);
await seedDemoProject(port);
await printWelcome(port);
