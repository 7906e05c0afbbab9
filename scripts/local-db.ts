/**
 * The local D1 database (the one `npm start` serves, in `.wrangler/state`) opened from Node
 * through wrangler's platform proxy, for the seed and the operator CLI.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { experimental_readRawConfig, getPlatformProxy } from "wrangler";
import { createAuth } from "../worker/auth/auth";
import { getDb } from "../worker/db";
import { STATE_DIR } from "./local-env";

/**
 * A config holding only what Node-side scripts touch (D1 and vars), so the proxy does not try to
 * emulate the Durable Object and Workflow bindings, which it cannot do outside the Worker.
 */
function proxyConfig(): string {
  const { rawConfig } = experimental_readRawConfig({ config: "wrangler.jsonc" });
  const path = ".wrangler/tmp/node-scripts.wrangler.json";
  mkdirSync(".wrangler/tmp", { recursive: true });
  const { name, compatibility_date, compatibility_flags, vars, d1_databases } = rawConfig;
  const migrationsDir = "../../schema/migrations";
  const d1 = d1_databases?.map((db: object) => ({ ...db, migrations_dir: migrationsDir }));
  writeFileSync(path, JSON.stringify({ name, compatibility_date, compatibility_flags, vars, d1_databases: d1 }));
  return path;
}

/** The local database `npm start` serves, or the one a server started with `--persist-to state` serves. */
export async function openLocal(state = STATE_DIR) {
  process.env.WRANGLER_LOG ??= "error";
  const proxy = await getPlatformProxy<Env>({
    configPath: proxyConfig(),
    envFiles: [".dev.vars"],
    persist: { path: `${state}/v3` },
  });
  return { env: proxy.env, db: getDb(proxy.env.DB), dispose: () => proxy.dispose() };
}

/** A one-time sign-in URL for `email` that lands on `callbackPath`, made by better-auth itself. */
export async function signInLink(
  local: Awaited<ReturnType<typeof openLocal>>,
  origin: string,
  email: string,
  callbackPath: string,
): Promise<string> {
  let link: string | null = null;
  const auth = createAuth({
    db: local.db,
    baseURL: origin,
    secret: local.env.BETTER_AUTH_SECRET,
    deliverSignInLink: (_email, url) => {
      link = url;
    },
  });
  await auth.api.signInMagicLink({
    body: { email, callbackURL: callbackPath, errorCallbackURL: "/sign-in/link-error" },
    headers: new Headers(),
  });
  if (!link) throw new Error(`No sign-in link was made for ${email}`);
  return link;
}
