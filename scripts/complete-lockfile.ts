/**
 * Completes package-lock.json with the platform binaries this machine's registry does not
 * serve (other operating systems' builds of biome, tailwind's oxide, workerd). npm cannot
 * resolve them here, leaves them out of the lock, and `npm ci` then refuses the lock as out of
 * sync (npm/cli#4828, #8320). Each is added as an optional entry tagged with its os/cpu, which
 * npm skips on any other platform, exactly as it would skip the real entry.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isMain } from "./main";

type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
type Lock = { packages: Record<string, Entry> };

const OS: Record<string, string> = {
  android: "android",
  darwin: "darwin",
  win32: "win32",
  windows: "win32",
  freebsd: "freebsd",
  openbsd: "openbsd",
  linux: "linux",
  sunos: "sunos",
  aix: "aix",
};
const CPU: Record<string, string> = {
  arm64: "arm64",
  x64: "x64",
  "64": "x64",
  arm: "arm",
  ia32: "ia32",
  wasm32: "wasm32",
};

/** os/cpu/libc from a platform package's name, e.g. `@biomejs/cli-linux-x64-musl`; null if not one. */
export function platformOf(name: string): Pick<Entry, "os" | "cpu" | "libc"> | null {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  if (!cpu || (!os && cpu !== "wasm32")) return null;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(parts.includes("musl") ? { libc: ["musl"] } : {}) };
}

/** Where Node would look for `name` from the package at `path`: its own node_modules, then each ancestor's. */
export function lookupPaths(path: string, name: string): string[] {
  const out: string[] = [];
  let dir = path;
  while (true) {
    out.push(`${dir ? `${dir}/` : ""}node_modules/${name}`);
    if (!dir) return out;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut === -1 ? "" : dir.slice(0, cut);
  }
}

/** Adds the missing optional platform entries; returns the names added. */
export function completeLock(lock: Lock): string[] {
  const added: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const candidates = lookupPaths(path, name);
      // Node takes the nearest copy; if that one is another version, the right one is missing.
      const nearest = candidates.find((c) => lock.packages[c]);
      if (nearest && lock.packages[nearest]!.version === version) continue;
      const platform = platformOf(name);
      if (!platform) continue;
      const target = nearest ? candidates[0]! : candidates.at(-1)!;
      lock.packages[target] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
      added.push(`${name}@${version}`);
    }
  }
  return added;
}

if (isMain(import.meta.url)) {
  const file = "package-lock.json";
  const lock = JSON.parse(readFileSync(file, "utf8")) as Lock;
  const added = completeLock(lock);
  if (added.length) {
    lock.packages = Object.fromEntries(
      Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
    );
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`package-lock.json: added ${added.length} platform entries npm could not resolve here`);
  }
}
