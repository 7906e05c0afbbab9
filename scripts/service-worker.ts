/**
 * The service worker's precache: once the whole app is built, the build's copy of `public/sw.js`
 * gets the list of the build's files and a version made from them, so installing it keeps
 * everything the app needs to open with no network, in a cache named after the build.
 *
 * Made at build time rather than served by the Worker: the browser installs a new service worker
 * only when the bytes of sw.js change, so the list and version must be in the script itself, and
 * a static sw.js is served by Workers Assets without running the Worker. The list is every file of
 * the client build directory, which React Router empties before each build: the Vite client
 * bundle (chunks and styles, including those loaded on demand, such as exceljs, that the route
 * manifest does not name) and the route manifest (`assets/manifest-<version>.js`) React Router
 * writes after the client build. Vite's own `.vite/manifest.json` would not do: React Router deletes
 * it at the end of the build, and it does not name the route manifest.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Plugin } from "vite";

/** The service worker's file, in `public/` and so at the root of the client build. */
export const SERVICE_WORKER = "sw.js";

/** Files of the client build the app never asks for: the worker itself, Workers Assets' settings, source maps. */
const NOT_ASKED = [/^sw\.js$/, /^_headers$/, /^_redirects$/, /(^|\/)\./, /\.map$/];

/** The route manifest React Router writes: a build without one is not the build this list expects. */
const ROUTE_MANIFEST = /^assets\/manifest-[\w-]+\.js$/;

/** The addresses to keep at install, from the client build's files (paths relative to its directory). */
export function precacheList(files: string[]): string[] {
  const list = files
    .map((file) => file.split(sep).join("/"))
    .filter((file) => !NOT_ASKED.some((skip) => skip.test(file)))
    .sort();
  if (!list.some((file) => ROUTE_MANIFEST.test(file)))
    throw new Error("The client build has no React Router route manifest (assets/manifest-*.js): was it built whole?");
  return list.map((file) => `/${file}`);
}

/** The build's version: changes with any file (their names hold content hashes) and with the worker's code. */
export function buildVersion(precache: string[], worker: string): string {
  return createHash("sha256").update(JSON.stringify(precache)).update(worker).digest("hex").slice(0, 12);
}

/** The worker's code with the build's version and files set before it (`self.ROWPILOT_BUILD`, read at its top). */
export function withPrecache(worker: string, precache: string[]): string {
  const build = { version: buildVersion(precache, worker), precache };
  return `self.ROWPILOT_BUILD = ${JSON.stringify(build)};\n${worker}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Vite plugin: writes the precache into the client build's sw.js after the app's whole build. */
export function serviceWorkerPrecache(): Plugin {
  return {
    name: "rowpilot:service-worker-precache",
    apply: "build",
    // "post": after React Router's build of the client and the server, which writes the route manifest.
    buildApp: {
      order: "post",
      async handler(builder) {
        const client = builder.environments.client;
        if (!client) throw new Error("The build has no client environment to precache");
        const dir = resolve(client.config.root, client.config.build.outDir);
        const path = join(dir, SERVICE_WORKER);
        writeFileSync(path, withPrecache(readFileSync(path, "utf8"), precacheList(filesUnder(dir))));
      },
    },
  };
}
