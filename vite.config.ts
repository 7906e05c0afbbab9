import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { serviceWorkerPrecache } from "./scripts/service-worker.ts";

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
                { name: "shared", test: /^(?!.*node_modules)/, tags: ["$initial"], minShareCount: 2, priority: 1 },
              ],
            },
          },
        },
      },
    },
  },
});
