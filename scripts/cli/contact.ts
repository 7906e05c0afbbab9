/**
 * `rowpilot contact`: one or more contact attempts with the system Chromium, the same engine the
 * Worker runs through Browser Rendering. Prints one JSON object per URL with `--json`.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  claudeAssistant,
  type FieldAssistant,
  type FieldMapping,
  type MappingCache,
} from "../../automation/contact/assist";
import { ATTEMPT_BUDGET_MS, runContact } from "../../automation/contact/engine";
import { localGuard } from "../../automation/contact/guard";
import { type ContactResult, SCREENSHOT_FORMAT, SenderProfile } from "../../schema/contact";
import { describeIssues } from "../../worker/api/errors";
import { attemptPage, launchChromium } from "../chromium";
import type { Command } from "./commands";
import { CliError } from "./workspace-owner";

/** Pages one Chromium drives at once; more than this on two cores only queues in the renderer. */
const MAX_CONCURRENCY = 8;

function readProfile(path: string): SenderProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`--profile ${path}: ${(error as Error).message}`);
  }
  const parsed = SenderProfile.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    throw new CliError(`--profile ${path} is not a sender profile: ${issues}`);
  }
  return parsed.data;
}

/** A file name for a screenshot: host, path and time, so runs never overwrite each other. */
function shotName(url: string, label: string): string {
  const { host, pathname } = new URL(url);
  const slug = `${host}${pathname}`.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  return `${slug}-${Date.now()}-${label}.${SCREENSHOT_FORMAT.extension}`;
}

/** Claude's field mappings, kept between runs in the user's cache folder. */
function fileCache(path: string): MappingCache {
  const load = async (): Promise<Record<string, FieldMapping>> =>
    JSON.parse(await readFile(path, "utf8").catch(() => "{}")) as Record<string, FieldMapping>;
  return {
    get: async (key) => (await load())[key] ?? null,
    async put(key, mapping) {
      const all = await load();
      all[key] = mapping;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify(all, null, 1));
    },
  };
}

function assistantFromEnv(): FieldAssistant {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (!apiKey) throw new CliError("--claude needs ANTHROPIC_API_KEY in the environment");
  const cacheDir = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return claudeAssistant({
    apiKey,
    model: process.env.ROWPILOT_CLAUDE_MODEL,
    cache: fileCache(join(cacheDir, "rowpilot", "field-maps.json")),
  });
}

function printable(result: ContactResult) {
  const { outcome, category, reason, suggestedFix, submitted, fields, evidence, contactPage, durationMs, url, notes } =
    result;
  return {
    url,
    outcome,
    category,
    reason,
    suggestedFix,
    submitted,
    contactPage,
    fields,
    evidence,
    notes,
    screenshots: result.screenshots.map((s) => s.ref),
    durationMs,
  };
}

function summary(result: ContactResult): string {
  const head = result.outcome === "success" ? "success" : `failed: ${result.category}`;
  const lines = [`${result.url}  ${head}  (${(result.durationMs / 1000).toFixed(1)} s)`, `  ${result.reason}`];
  if (result.suggestedFix) lines.push(`  Next: ${result.suggestedFix}`);
  if (result.evidence?.request) {
    const { method, url, status, fields } = result.evidence.request;
    lines.push(`  Sent: ${method} ${url} → HTTP ${status}, carrying ${fields.join(", ")}`);
  }
  if (result.evidence?.confirmation) {
    const { text, where } = result.evidence.confirmation;
    lines.push(`  Confirmed: “${text}” (${where})`);
  }
  for (const note of result.notes) lines.push(`  Note: ${note}`);
  for (const [field, where] of Object.entries(result.fields)) lines.push(`  ${field.padEnd(17)} ${where}`);
  for (const shot of result.screenshots) lines.push(`  screenshot ${shot.ref}`);
  return lines.join("\n");
}

export const contactCommand: Command = {
  usage:
    "contact --url <home URL> [--url …] --profile <profile.json> [--dry-run] [--json] [--concurrency N] [--claude]",
  summary: "Find each dealer's contact form, fill it from the profile and send it (Chromium on this machine).",
  options: {
    url: { type: "string", multiple: true, description: "a dealer's home page (repeat for several)" },
    profile: {
      type: "string",
      description: "JSON file: firstName, lastName, email, phone, zip, message, vehicleOfInterest",
    },
    "dry-run": { type: "boolean", description: "fill and screenshot, but do not send" },
    json: { type: "boolean", description: "print one JSON object per URL" },
    concurrency: { type: "string", description: `pages at once (default 1, at most ${MAX_CONCURRENCY})` },
    screenshots: { type: "string", description: "folder for screenshots (default: the system temp folder)" },
    claude: { type: "boolean", description: "ask Claude when unsure of a field (ANTHROPIC_API_KEY)" },
    budget: { type: "string", description: `seconds one attempt may take (default ${ATTEMPT_BUDGET_MS / 1000})` },
  },
  async run(values) {
    const urls = Array.isArray(values.url) ? values.url : [];
    if (urls.length === 0) throw new CliError("--url is required");
    if (typeof values.profile !== "string") throw new CliError("--profile is required");
    for (const url of urls) {
      await localGuard()
        .check(url)
        .catch((error: Error) => {
          throw new CliError(`--url ${url}: ${error.message}`);
        });
    }
    const profile = readProfile(values.profile);
    const concurrency = Number(values.concurrency ?? 1);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new CliError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
    }
    const budget = Number(values.budget ?? ATTEMPT_BUDGET_MS / 1000);
    if (!Number.isFinite(budget) || budget < 1 || budget > 600) throw new CliError("--budget must be 1 to 600 seconds");
    const assistant = values.claude === true ? assistantFromEnv() : undefined;
    const dir = typeof values.screenshots === "string" ? values.screenshots : join(tmpdir(), "rowpilot-contact");
    await mkdir(dir, { recursive: true });

    const browser = await launchChromium();
    try {
      const queue = [...urls];
      const worker = async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          const { page, close } = await attemptPage(browser);
          try {
            const result = await runContact(page, {
              url,
              profile,
              guard: localGuard(),
              assistant,
              budgetMs: budget * 1000,
              dryRun: values["dry-run"] === true,
              async saveScreenshot(label, png) {
                const path = join(dir, shotName(url!, label));
                await writeFile(path, png);
                return path;
              },
            });
            console.log(values.json ? JSON.stringify(printable(result)) : summary(result));
          } finally {
            await close();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
    } finally {
      await browser.close();
    }
  },
};
