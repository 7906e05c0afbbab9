import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { serviceWorkerPrecache } from "./scripts/service-worker.ts";

type ModuleInfo = { importers: readonly string[] } | null;

/** The modules of the table page's routes (root, the workspace layout, the table), whatever the build appends. */
const TABLE_PAGE_ROUTE = /[\\/]app[\\/](root|routes[\\/]workspace|routes[\\/]table)\.tsx(\?|$)/;

/**
 * The app's modules that several pages share go in two chunks: those the table page imports, and
 * the rest (the project wizard, the journey form and their schemas), which the table page, the
 * product's main screen, would otherwise load and evaluate for nothing.
 */
function sharedChunk(id: string, ctx: { getModuleInfo(id: string): ModuleInfo }): string {
  const seen = new Set<string>();
  const needed = (module: string): boolean => {
    if (TABLE_PAGE_ROUTE.test(module)) return true;
    if (seen.has(module)) return false;
    seen.add(module);
    return (ctx.getModuleInfo(module)?.importers ?? []).some(needed);
  };
  return needed(id) ? "shared" : "shared-pages";
}

export default defineConfig({
  plugins: [cloudflare({ viteEnvironment: { name: "ssr" } }), tailwindcss(), reactRouter(), serviceWorkerPrecache()],
  environments: {
    client: {
      build: {
        rolldownOptions: {
          output: {
            // A page's scripts in a handful of files rather than thirty: every page needs most of the
            // libraries, and each extra request waited its turn (six at a time over HTTP/1.1).
            // Libraries loaded on demand (exceljs) keep their own chunks, and so do those only the
            // journey builder draws with (@xyflow and what it alone uses, ~175 KB): every other page,
            // the table's first, would load and evaluate them before it could be used.
            codeSplitting: {
              groups: [
                {
                  name: "vendor",
                  test: /node_modules[\\/](?!@xyflow[\\/]|d3-|zustand[\\/]|classcat[\\/])/,
                  tags: ["$initial"],
                  priority: 2,
                },
                { name: sharedChunk, test: /^(?!.*node_modules)/, tags: ["$initial"], minShareCount: 2, priority: 1 },
              ],
            },
          },
        },
      },
    },
  },
});
