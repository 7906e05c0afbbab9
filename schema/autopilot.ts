/**
 * Autopilot: the hunting-to-payment pipeline run on a schedule by the conductor. A cycle is one
 * Cloudflare Workflows instance running some of the phases below in order, each capped by the
 * workspace's settings (kept under "autopilot" in `workspace_setting`). The shapes here are the
 * settings, the API's answers and a cycle's record, shared by the Worker, the app and the CLI.
 */
import { z } from "zod";

/** The phases of a cycle, in the order a cycle runs them. */
export const PHASES = ["health", "cleanup", "scraping", "generation", "pitching", "report"] as const;
export type PhaseName = (typeof PHASES)[number];

/** What a phase may be scheduled as: health and cleanup/report are their own schedules. */
export const SCHEDULES = ["scraping", "generation", "sending", "health", "cleanup"] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/** The phases each schedule runs when it is due ("sending" is the pitching phase). */
export const SCHEDULE_PHASES: Record<ScheduleName, readonly PhaseName[]> = {
  scraping: ["scraping"],
  generation: ["generation"],
  sending: ["pitching"],
  health: ["health"],
  cleanup: ["cleanup", "report"],
};

/** Providers whose spend is counted per day against a budget. */
export const SPEND_PROVIDERS = ["outscraper", "google", "anthropic", "email", "sms"] as const;
export type SpendProvider = (typeof SPEND_PROVIDERS)[number];

/** Providers the health phase checks. */
export const HEALTH_CHECKS = ["outscraper", "anthropic", "email", "sms", "payments", "browser", "queues"] as const;
export type HealthCheckName = (typeof HEALTH_CHECKS)[number];

const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);

export const PhaseSchedule = z.object({
  enabled: z.boolean().default(true),
  /** Minutes between runs. */
  everyMinutes: minutes,
});
export type PhaseSchedule = z.infer<typeof PhaseSchedule>;

/** The brief's schedules: scraping every 6 hours, generation hourly, sending every 30 minutes, health every 5, a daily cleanup and report. */
export const DEFAULT_SCHEDULES: Record<ScheduleName, PhaseSchedule> = {
  scraping: { enabled: true, everyMinutes: 360 },
  generation: { enabled: true, everyMinutes: 60 },
  sending: { enabled: true, everyMinutes: 30 },
  health: { enabled: true, everyMinutes: 5 },
  cleanup: { enabled: true, everyMinutes: 24 * 60 },
};

/** A cycle's phase runs in one Workflows step: a cap of more than 1,000 items would not fit in one. */
const cap = z.number().int().min(0).max(1_000);

/** How much one cycle does at most, per phase (the brief's defaults). */
export const AutopilotCaps = z.object({
  /** Due territories scraped. */
  territories: cap.default(10),
  /** New businesses qualified. */
  qualify: cap.default(100),
  /** Failed sites generated again. */
  retrySites: cap.default(3),
  /** New sites generated. */
  generate: cap.default(5),
  /** Sites that passed their quality checks published. */
  publish: cap.default(10),
  /** Pitch messages created for published sites. */
  createPitches: cap.default(10),
  /** Failed pitches sent again. */
  retryPitches: cap.default(5),
  /** Pitches sent (within messaging's own sending caps). */
  send: cap.default(20),
});
export type AutopilotCaps = z.infer<typeof AutopilotCaps>;

/** A day's budget per provider in USD; absent means no budget. */
export const AutopilotBudgets = z.partialRecord(z.enum(SPEND_PROVIDERS), z.number().min(0).max(1_000_000));
export type AutopilotBudgets = z.infer<typeof AutopilotBudgets>;

export const AutopilotSettings = z.object({
  enabled: z.boolean().default(false),
  schedules: z
    .object(
      Object.fromEntries(SCHEDULES.map((name) => [name, PhaseSchedule.default(DEFAULT_SCHEDULES[name])])) as Record<
        ScheduleName,
        z.ZodDefault<typeof PhaseSchedule>
      >,
    )
    .default(DEFAULT_SCHEDULES),
  caps: AutopilotCaps.default(AutopilotCaps.parse({})),
  budgets: AutopilotBudgets.default({}),
  /** Work running longer than this goes back with a reason (the cleanup phase). */
  stuckAfterMinutes: z
    .number()
    .int()
    .min(10)
    .max(24 * 60)
    .default(120),
  /** Optional: alerts are also POSTed here (JSON). */
  alertWebhook: z.url().nullable().default(null),
  /** Alert thresholds (shares of a phase's items that failed). */
  thresholds: z
    .object({
      generationFailed: z.number().min(0).max(1).default(0.5),
      messagesFailed: z.number().min(0).max(1).default(0.3),
    })
    .default({ generationFailed: 0.5, messagesFailed: 0.3 }),
});
export type AutopilotSettings = z.infer<typeof AutopilotSettings>;

/** `POST /api/autopilot`: whole sections replace the current ones; schedules and caps merge by key. */
export const AutopilotInput = z.object({
  enabled: z.boolean(),
  schedules: z.partialRecord(z.enum(SCHEDULES), PhaseSchedule.partial()).optional(),
  caps: AutopilotCaps.partial().optional(),
  budgets: AutopilotBudgets.optional(),
  stuckAfterMinutes: z
    .number()
    .int()
    .min(10)
    .max(24 * 60)
    .optional(),
  alertWebhook: z.url().nullable().optional(),
});
export type AutopilotInput = z.infer<typeof AutopilotInput>;

/** Who started a cycle. */
export const CYCLE_TRIGGERS = ["schedule", "switch", "button", "cli", "api"] as const;
export type CycleTrigger = (typeof CYCLE_TRIGGERS)[number];

export const CYCLE_STATUSES = ["running", "finished", "failed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** One phase's share of a cycle: items done, failed and skipped (over a cap, a budget, a provider down). */
export type PhaseResult = {
  name: PhaseName;
  done: number;
  failed: number;
  skipped: number;
  /** Why the phase stopped or what failed, in a sentence; null when nothing did. */
  error: string | null;
  /** Per-step figures of the phase (e.g. `{ scraped: 3, qualified: 40 }`). */
  counts?: Record<string, number>;
  /** Failures by cause, for the daily report (cause → count). */
  causes?: Record<string, number>;
};

export type CycleRecord = {
  id: string;
  status: CycleStatus;
  trigger: CycleTrigger;
  startedAt: string;
  finishedAt: string | null;
  /** The phases this cycle runs, finished ones with their figures. */
  phases: PhaseResult[];
  /** Phases still to run (in order). */
  pending: PhaseName[];
  error: string | null;
  /** The Cycles row that mirrors it. */
  rowId: string | null;
};

export type HealthLight = "ok" | "warning" | "down" | "off";
export type HealthCheck = {
  name: HealthCheckName;
  light: HealthLight;
  /** What was seen, in a sentence ("no key: the embedded stand-in is used", "401 from Outscraper"). */
  detail: string;
  checkedAt: string;
};

export type SpendLine = { provider: SpendProvider; spent: number; budget: number | null; reached: boolean };

export const ALERT_KINDS = [
  "generation-failures",
  "message-failures",
  "provider-down",
  "bounce-rate",
  "complaint-rate",
  "budget-reached",
  "cycle-failed",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertRecord = {
  /** `kind` or `kind:subject` (e.g. `provider-down:anthropic`): raised once until it clears. */
  key: string;
  kind: AlertKind;
  message: string;
  raisedAt: string;
  clearedAt: string | null;
};

export type NextRun = {
  schedule: ScheduleName;
  enabled: boolean;
  everyMinutes: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
};

/** `GET /api/autopilot`. */
export type AutopilotStatus = {
  settings: AutopilotSettings;
  nextRuns: NextRun[];
  running: CycleRecord | null;
  cycles: CycleRecord[];
  health: HealthCheck[];
  alerts: AlertRecord[];
  spend: SpendLine[];
  /** The Cycles table, for links into the grid. */
  cyclesTableId: string | null;
};

/** The pipeline's stages, from territory to paying customer. */
export const PIPELINE_STAGES = [
  "territories",
  "scraped",
  "qualified",
  "generated",
  "published",
  "pitched",
  "opened",
  "clicked",
  "replied",
  "claimed",
  "paid",
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export type PipelineStageCount = {
  stage: PipelineStage;
  label: string;
  count: number;
  /** Share of the previous stage that reached this one (null for the first, or when the previous is 0). */
  conversion: number | null;
  /** Items at this stage waiting for the next one, and the oldest's age. */
  waiting: number;
  oldestWaitingAt: string | null;
  /** Where the rows behind the number are: a table and a filter the grid opens with. */
  link: {
    tableId: string;
    filter: { columnKey: string; op: "is" | "isAnyOf" | "notEmpty"; value?: string | string[] } | null;
  } | null;
};

/** `GET /api/pipeline`. */
export type PipelineAnswer = {
  stages: PipelineStageCount[];
  /** Per UTC day of the last 14: items moved into each stage that day. */
  throughput: { day: string; scraped: number; generated: number; published: number; pitched: number; paid: number }[];
  computedAt: string;
  /** How long the query took (ms), for the dashboard's footer and the benchmark. */
  ms: number;
};

/** The cycle's id format: `cyc_<time36><rand>`; the Workflows instance id is the same. */
export const CYCLE_ID = /^cyc_[a-z0-9]{8,40}$/;
