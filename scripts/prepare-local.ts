/**
 * What `npm start` and `npm run dev` do before serving: local secrets, Browser Rendering's
 * Chromium, D1 migrations and the demo workspace (seeded once).
 */

import { openLocal, signInLink } from "./local-db";
import { ensureLocalEnv, STATE_DIR } from "./local-env";
import { prepareBrowser } from "./prepare-browser";
import { run } from "./run";
import { DEMO, seedDemo } from "./seed";

/** `devVars`: the provider stand-ins `.dev.vars` is to hold (see `ensureLocalEnv`). */
export async function prepareLocal(port: number, devVars: Record<string, string>): Promise<void> {
  ensureLocalEnv(port, devVars);
  const { chromium } = prepareBrowser();
  if (!chromium) console.warn("Browser Rendering: no Chromium found; install it with `apt-get install -y chromium`.");
  await run(
    "wrangler",
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE_DIR, "-c", "wrangler.jsonc"],
    {
      quiet: true,
    },
  );
  const local = await openLocal();
  try {
    const { created } = await seedDemo(local.db);
    if (created) console.log(`Seeded the demo workspace "${DEMO.slug}".`);
  } finally {
    await local.dispose();
  }
}

/** Prints where the product runs, a sign-in link, and `notes` (what runs how locally). */
export async function printWelcome(port: number, notes: string[]): Promise<void> {
  const origin = `http://localhost:${port}`;
  const local = await openLocal();
  try {
    const link = await signInLink(local, origin, DEMO.ownerEmail, `/w/${DEMO.slug}`);
    console.log(
      `\n  Rowpilot is running at ${origin}\n\n  Sign in as the demo owner (one-time link, valid 15 minutes):\n  ${link}\n\n` +
        `  Another link later: npm run --silent rowpilot -- login-link --workspace ${DEMO.slug}\n\n` +
        notes.map((note) => `  ${note}\n`).join(""),
    );
  } finally {
    await local.dispose();
  }
}
