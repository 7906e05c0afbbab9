/**
 * The demo workspace's Autopilot: settings saved with the switch off and caps small enough that
 * one "Run one cycle" click shows every stage moving in a minute (the sample directory for
 * scraping, the fallback generator for sites, the outbox for pitches: no key is needed). Saved
 * once: settings someone changed since are kept.
 */
import { eq } from "drizzle-orm";
import { AutopilotSettings } from "../schema/autopilot";
import { workspace } from "../schema/db";
import { AUTOPILOT_SETTINGS_KEY } from "../worker/autopilot/settings";
import { saveStoredSettings } from "../worker/stored-settings";
import { openLocal } from "./local-db";
import { DEMO } from "./seed";

/**
 * A demo cycle's share: the two territories the hunting seed left unscraped, a handful of sites
 * (the fallback generator takes ~1 s a site with its screenshots) and as many pitches.
 */
export const DEMO_AUTOPILOT = AutopilotSettings.parse({
  enabled: false,
  caps: {
    territories: 2,
    qualify: 20,
    retrySites: 1,
    generate: 3,
    publish: 2,
    createPitches: 2,
    retryPitches: 1,
    send: 2,
  },
});

export async function seedDemoAutopilot(): Promise<void> {
  const local = await openLocal();
  try {
    const ws = await local.db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) });
    if (!ws) return;
    await saveStoredSettings(local.db, ws.id, AUTOPILOT_SETTINGS_KEY, DEMO_AUTOPILOT, null, true);
  } catch (error) {
    console.warn(`Could not seed the demo autopilot: ${(error as Error).message}`);
  } finally {
    await local.dispose();
  }
}
