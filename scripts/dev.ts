/** `npm run dev`: the same as `npm start`, served by Vite with hot reload. */
import { portFromEnv } from "./local-env";
import { prepareLocal, printWelcome } from "./prepare-local";
import { serve, waitForHttp } from "./run";
import { seedDemoProject } from "./seed-project";

const port = portFromEnv();
await prepareLocal(port);
serve("react-router", ["dev", "--port", String(port), "--strictPort"]);
await waitForHttp(`http://localhost:${port}/sign-in`, 120_000);
await seedDemoProject(port);
await printWelcome(port);
