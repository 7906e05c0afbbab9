/**
 * Makes wrangler's local Browser Rendering work offline: miniflare launches Chrome from
 * `<cache>/.wrangler/chrome/linux-<BROWSER_VERSION>/chrome-linux64/chrome` and would download it
 * there. When that folder is missing and the system has Chromium, put a wrapper there that runs
 * it (with --no-sandbox, which Chromium needs when run as root).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { isMain } from "./main";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Every installed miniflare's BROWSER_VERSION (wrangler and the vitest plugin may pin different ones). */
export function miniflareBrowserVersions(root = "node_modules"): string[] {
  const candidates = [join(root, "miniflare")];
  for (const dir of safeList(root)) {
    if (dir.startsWith("@"))
      for (const sub of safeList(join(root, dir))) candidates.push(join(root, dir, sub, "node_modules", "miniflare"));
    else candidates.push(join(root, dir, "node_modules", "miniflare"));
  }
  const versions = new Set<string>();
  for (const dir of candidates) {
    const file = join(dir, "dist", "src", "index.js");
    if (!existsSync(file)) continue;
    const match = /BROWSER_VERSION = "([\d.]+)"/.exec(readFileSync(file, "utf8"));
    if (match?.[1]) versions.add(match[1]);
  }
  return [...versions];
}

export function findSystemChromium(): string | null {
  return SYSTEM_CHROMIUM.find((path) => existsSync(path)) ?? null;
}

export function prepareBrowser(): { seeded: string[]; chromium: string | null } {
  const chromium = findSystemChromium();
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), ".wrangler", "chrome");
  const seeded: string[] = [];
  for (const version of miniflareBrowserVersions()) {
    const folder = join(cache, `linux-${version}`);
    if (existsSync(folder) || !chromium) continue;
    const bin = join(folder, "chrome-linux64");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "chrome"), `#!/bin/sh\nexec ${chromium} --no-sandbox "$@"\n`);
    chmodSync(join(bin, "chrome"), 0o755);
    seeded.push(folder);
  }
  return { seeded, chromium };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

if (isMain(import.meta.url)) {
  const { seeded, chromium } = prepareBrowser();
  if (!chromium) {
    console.warn(
      "Browser Rendering: no Chromium found (looked for /usr/bin/chromium). Contact automation and browser tests need it:\n" +
        "  sudo apt-get install -y chromium",
    );
  }
  for (const folder of seeded) console.log(`Browser Rendering: using ${chromium} for ${folder}`);
}
