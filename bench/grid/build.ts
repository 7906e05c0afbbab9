/**
 * A private copy of a fresh production build for the benchmark's server. wrangler dev serves
 * `build/` from disk, so a rebuild elsewhere during the run (another `npm test` or `npm run
 * build` in this checkout) would swap the app's hashed assets under the page mid-measure.
 * The copy sits inside the repository (under the ignored `.wrangler/`) so its server code still
 * resolves the repository's node_modules.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../scripts/run";

/** A build and its copy can be caught mid-write by a concurrent build; a few tries are enough. */
const ATTEMPTS = 3;

export type BuildCopy = { config: string; remove(): void };

/** Builds, copies build/ and checks the copy's server names only client assets the copy has. */
export async function buildCopy(): Promise<BuildCopy> {
  const dir = join(".wrangler", `bench-grid-${process.pid}`);
  let missing: string[] = [];
  // Vite bundles React's development build unless NODE_ENV is "production" (or unset) at build
  // time; a shell or test runner that set it to "development" or "test" would skew every figure.
  process.env.NODE_ENV = "production";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await run("react-router", ["build"], { quiet: true });
    rmSync(dir, { recursive: true, force: true });
    cpSync("build", dir, { recursive: true });
    missing = missingAssets(dir);
    if (!missing.length && existsSync(join(dir, "server", "wrangler.json"))) {
      return {
        config: join(dir, "server", "wrangler.json"),
        remove: () => rmSync(dir, { recursive: true, force: true }),
      };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(
    `build/ was inconsistent after ${ATTEMPTS} builds (another build running at the same time?): ` +
      `the server names ${missing.slice(0, 3).join(", ")} that build/client lacks`,
  );
}

/** Client assets (`/assets/…`) the server code refers to but the client folder lacks. */
function missingAssets(dir: string): string[] {
  const serverFiles = [join(dir, "server", "index.js")];
  const assets = join(dir, "server", "assets");
  if (existsSync(assets)) {
    for (const f of readdirSync(assets)) if (f.endsWith(".js")) serverFiles.push(join(assets, f));
  }
  const named = new Set<string>();
  for (const file of serverFiles) {
    if (!existsSync(file)) return [file];
    for (const m of readFileSync(file, "utf8").matchAll(/"\/assets\/([\w.-]+\.(?:js|css))"/g)) named.add(m[1]!);
  }
  if (!named.size) return ["any /assets/ file"];
  return [...named].filter((name) => !existsSync(join(dir, "client", "assets", name)));
}
