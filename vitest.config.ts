/**
 * Three suites: unit tests in Node (`*.test.ts`), tests inside workerd against the real bindings
 * (`*.worker.test.ts`), and browser end-to-end tests against a built, running server (`e2e/`).
 */
import { randomBytes } from "node:crypto";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("schema/migrations");

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["{app,worker,sync,automation,schema,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.worker.test.ts", "**/node_modules/**"],
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./worker/test-entry.ts",
            wrangler: { configPath: "./wrangler.jsonc" },
            miniflare: {
              // The test runner hands each module to workerd in one WebSocket message, which
              // workerd caps at 1 MiB; the ZIP centroid data (zipcodes, 5 MB) is one module.
              // Deployed Workers load it from the bundle and never meet that limit.
              compatibilityFlags: ["nodejs_compat", "increase_websocket_message_size"],
              bindings: {
                ROWPILOT_ENV: "local",
                APP_URL: "http://rowpilot.test",
                // Published sites are served on <slug>.sites.rowpilot.test as well as /s/<slug>/.
                SITES_DOMAIN: "sites.rowpilot.test",
                BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
                SETTINGS_KEY: randomBytes(32).toString("base64"),
                TEST_MIGRATIONS: migrations,
                // Scrapes run on queues and workflows, beyond a test's reach: the Worker itself is
                // pointed at Outscraper's stand-in (worker/test/fake-outscraper-setup.ts).
                OUTSCRAPER_URL: inject("fakeOutscraper").url,
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["{worker,sync,automation}/**/*.worker.test.ts"],
          globalSetup: [
            "./e2e/contact-sites-setup.ts",
            "./worker/test/hook-target-setup.ts",
            "./worker/test/fake-anthropic-setup.ts",
            "./worker/test/fake-providers-setup.ts",
            "./worker/test/fake-doh-setup.ts",
            "./worker/test/fake-recurrente-setup.ts",
            "./worker/test/fake-outscraper-setup.ts",
          ],
          setupFiles: ["./worker/test/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["./e2e/global-setup.ts"],
          setupFiles: ["./e2e/setup-account.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // What one browser does reaches the other through the server; on a loaded machine that
          // takes longer than the default 1 s of expect.poll.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
