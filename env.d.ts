/** Secrets are not in wrangler.jsonc, so `wrangler types` cannot see them: declared here. */
declare namespace Cloudflare {
  interface Env {
    /** Signs session cookies (better-auth). `wrangler secret put BETTER_AUTH_SECRET`. */
    BETTER_AUTH_SECRET: string;
    /** 32 random bytes, base64: encrypts workspace provider keys. `wrangler secret put SETTINGS_KEY`. */
    SETTINGS_KEY: string;
  }
}

declare module "virtual:react-router/server-build" {
  import type { ServerBuild } from "react-router";

  const build: ServerBuild;
  export = build;
}
