import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Every route is in the page's first manifest (a few KB for this app): no `/__manifest` request
  // and route patching after hydration, and links work offline without it.
  routeDiscovery: { mode: "initial" },
} satisfies Config;
