import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Every route is in the page's first manifest (a few KB for this app): no `/__manifest` request
  // and route patching after hydration, and links work offline without it.
  routeDiscovery: { mode: "initial" },
  // `npm run dev` scans the client entry and every route for dependencies as it starts: without
  // it, Vite found most of them as the first page loaded, and reloaded that page.
  future: { unstable_optimizeDeps: true },
} satisfies Config;
