/**
 * Fails when a folder imports one it may not (ARCHITECTURE.md → "Folders"): schema/ imports
 * nothing of ours; sync/ and automation/ only schema/; worker/ schema/, sync/ and automation/;
 * app/ schema/ and sync/.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isMain } from "./main";

export const ALLOWED: Record<string, string[]> = {
  schema: [],
  sync: ["schema"],
  automation: ["schema"],
  worker: ["schema", "sync", "automation"],
  app: ["schema", "sync"],
};

const SOURCE = /\.(ts|tsx|mts)$/;
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']/g;

export type Violation = { file: string; specifier: string; from: string; to: string };

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

export function checkFile(root: string, file: string, source: string): Violation[] {
  const from = relative(root, file).split(/[\\/]/)[0]!;
  const allowed = ALLOWED[from];
  if (!allowed) return [];
  const out: Violation[] = [];
  for (const specifier of importsOf(source)) {
    if (!specifier.startsWith(".")) continue;
    const to = relative(root, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!;
    if (to !== from && !allowed.includes(to)) out.push({ file: relative(root, file), specifier, from, to });
  }
  return out;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (SOURCE.test(name)) yield path;
  }
}

if (isMain(import.meta.url)) {
  const root = process.cwd();
  const violations = Object.keys(ALLOWED).flatMap((folder) =>
    [...walk(join(root, folder))].flatMap((file) => checkFile(root, file, readFileSync(file, "utf8"))),
  );
  for (const v of violations) console.error(`${v.file}: ${v.from}/ may not import ${v.to}/ ("${v.specifier}")`);
  if (violations.length) {
    console.error(`\n${violations.length} import(s) break the folder rules in ARCHITECTURE.md.`);
    process.exit(1);
  }
  console.log("Imports follow the folder rules.");
}
