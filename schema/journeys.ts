/**
 * A journey's definition, as the API takes it and the builder reads and writes it: an entry, a
 * start node and a graph of nodes (send, wait, condition, actions, handoff, split, goal, exit),
 * with frequency caps and quiet hours. Checked in two steps: this schema refuses what cannot be
 * a journey at all (a 400 on save); `automation/journeys/validate` refuses what cannot run (a
 * cycle without a wait, an unreachable node, a condition on a missing column…) at publish, with
 * the node named.
 */
import { z } from "zod";
import { MAX_FORMULA_LENGTH } from "./formula";
import { cronProblem } from "./schedule";
import type { CellValue } from "./tables";
import { isTimeZone } from "./time-zone";

export const JOURNEY_STATUSES = ["draft", "active", "paused", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** Whether a row may enter a journey again: never, once its last enrollment ended, or any time. */
export const REENTRY = ["never", "after-exit", "any"] as const;
export type Reentry = (typeof REENTRY)[number];

export const ENROLLMENT_STATUSES = ["active", "finished", "exited"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const JOURNEY_CHANNELS = ["email", "sms", "chat"] as const;
export type JourneyChannel = (typeof JOURNEY_CHANNELS)[number];

/**
 * Events a lead's journeys hear: the messaging events of messages sent to the lead's row, a
 * visit to their site, a claim, and anything an outside system posts. Other names are allowed
 * (a webhook's own event), lower case.
 */
export const KNOWN_EVENTS = [
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "unsubscribed",
  "visited",
  "claimed",
  "converted",
  "handoff-taken",
] as const;
export const EventType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "an event name: lower case letters, digits, - and _, up to 40");
/** A key narrowing an event (a campaign, a link, an order number): the event must carry the same key. */
export const EventKey = z.string().trim().min(1).max(80);

/**
 * The longest wait or timeout a definition may name: a year. Cloudflare Workflows sleeps up to
 * 365 days (its documented step.sleep and waitForEvent limit).
 */
export const MAX_WAIT_SECONDS = 365 * 86_400;
const Seconds = z.number().int().min(0).max(MAX_WAIT_SECONDS);

const NodeId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "a node id: letters, digits, - and _, up to 40");
/** An edge: the id of the node to go to. */
const Edge = NodeId;

const CellParam: z.ZodType<CellValue> = z.lazy(() =>
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(CellParam)]),
);

// ── conditions ──────────────────────────────────────────────────────────────────────────────

export const CONDITION_OPERATORS = ["equals", "contains", "greater_than", "less_than", "exists"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * One test, the brief's `WorkflowCondition`:
 * - `property`: `field` is a column name of the row (formula columns computed);
 * - `behavior`: `field` is an event name; the value compared is how many times the lead did it
 *   (within `withinDays` when given); `exists` means at least once;
 * - `time`: `field` is `hour` (0–23), `weekday` (1 Monday … 7 Sunday), `date` (YYYY-MM-DD) in the
 *   lead's zone, or `days_in_journey`;
 * - `engagement`: `field` is `score` (the row's engagement score) or a channel (`email`, `sms`,
 *   `chat`: that channel's engagement score).
 * `not` negates the test. A missing field makes every operator false but `exists` (false too),
 * so `not` + `exists` asks "is empty".
 */
export const Condition = z.object({
  type: z.enum(["property", "behavior", "time", "engagement"]),
  field: z.string().trim().min(1).max(120),
  operator: z.enum(CONDITION_OPERATORS),
  value: CellParam.optional(),
  not: z.boolean().optional(),
  withinDays: z.number().positive().max(3650).optional(),
});
export type Condition = z.infer<typeof Condition>;

/** A formula over the row (the table's formula language), true when it is truthy. */
export const FormulaCondition = z.object({ formula: z.string().trim().min(1).max(MAX_FORMULA_LENGTH) });
export type FormulaCondition = z.infer<typeof FormulaCondition>;

export type ConditionGroup = { all: ConditionItem[] } | { any: ConditionItem[] };
export type ConditionItem = Condition | FormulaCondition | ConditionGroup;
/** AND (`all`) and OR (`any`) groups, nested to any depth, of conditions and formulas. */
export const ConditionItem: z.ZodType<ConditionItem> = z.lazy(() =>
  z.union([
    Condition,
    FormulaCondition,
    z.object({ all: z.array(ConditionItem).min(1).max(50) }),
    z.object({ any: z.array(ConditionItem).min(1).max(50) }),
  ]),
);

// ── entries ─────────────────────────────────────────────────────────────────────────────────

export const JourneyEntry = z.discriminatedUnion("kind", [
  /** Enrolled by a person (the Enroll action) or the API. */
  z.object({ kind: z.literal("manual") }),
  /** A row added to `table` (the journey's table when omitted), or one that comes to match a view's filters. */
  z.object({ kind: z.literal("row-enters"), table: z.string().min(1).optional(), view: z.string().min(1).optional() }),
  /** A formula over the row turns true (a change rule on the journey's table). */
  z.object({ kind: z.literal("formula"), when: z.string().trim().min(1).max(MAX_FORMULA_LENGTH) }),
  /** An event for the row (opened, clicked, replied, visited, claimed, a webhook's own…), optionally keyed. */
  z.object({ kind: z.literal("event"), type: EventType, key: EventKey.optional() }),
  /** On a cron schedule (UTC), every row where `when` holds (every row when omitted). */
  z.object({
    kind: z.literal("schedule"),
    cron: z
      .string()
      .trim()
      .max(120)
      .superRefine((cron, ctx) => {
        const problem = cronProblem(cron);
        if (problem) ctx.addIssue({ code: "custom", message: `not a cron expression: ${problem}` });
      }),
    when: z.string().trim().max(MAX_FORMULA_LENGTH).optional(),
  }),
  /** `POST /hooks/journey/<journeyId>` with the journey's secret. */
  z.object({ kind: z.literal("webhook") }),
]);
export type JourneyEntry = z.infer<typeof JourneyEntry>;

// ── caps and quiet hours ────────────────────────────────────────────────────────────────────

/**
 * A frequency cap per lead, counted across every journey and channel of the workspace: at most
 * `max` messages (on `channel`, or any) in `perDays` days (or `perSeconds`, for tests and
 * compressed runs). A message over it is deferred to the next moment the cap allows, or dropped.
 */
export const CapRule = z
  .object({
    channel: z.enum(["any", ...JOURNEY_CHANNELS]).default("any"),
    max: z.number().int().min(1).max(1000),
    perDays: z.number().positive().max(365).optional(),
    perSeconds: z.number().int().positive().max(MAX_WAIT_SECONDS).optional(),
    over: z.enum(["defer", "drop"]).default("defer"),
  })
  .refine((c) => (c.perDays === undefined) !== (c.perSeconds === undefined), "give perDays or perSeconds");
export type CapRule = z.infer<typeof CapRule>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM (24-hour)");
/** No sends from `from` to `to` in the lead's zone; `from` after `to` spans midnight (21:00–08:00). */
export const QuietHours = z.object({ from: ClockTime, to: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;

/** The workspace's journey settings (settings section `journeys`): caps and quiet hours every journey keeps. */
export const JourneySettings = z.object({
  caps: z.array(CapRule).max(20).default([]),
  quietHours: QuietHours.nullable().default(null),
  /** The zone used for a lead whose row has none (IANA). */
  zone: z.string().refine(isTimeZone, "use an IANA time zone such as America/Chicago").default("UTC"),
});
export type JourneySettings = z.infer<typeof JourneySettings>;

// ── nodes ───────────────────────────────────────────────────────────────────────────────────

const Base = { id: NodeId, label: z.string().trim().max(80).optional() };

/** A message's text: `{{lead.<column name>}}` placeholders are filled from the row. */
export const MessageTemplate = z.object({
  subject: z.string().max(300).optional(),
  body: z.string().min(1, "a message needs a body").max(10_000),
});

const SendNode = z.object({
  ...Base,
  kind: z.literal("send"),
  /** `best`: the lead's preferred channel, engagement breaking ties (see automation/journeys/channel). */
  channel: z.enum([...JOURNEY_CHANNELS, "best"]),
  /** The message; absent with `writer`, the AI writer drafts it. */
  template: MessageTemplate.optional(),
  writer: z.object({ instructions: z.string().max(2000).optional() }).optional(),
  /** An explicit moment (ISO) to send at: honoured as given, quiet hours do not move it. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
  next: Edge.optional(),
  /** Where to go when it cannot be sent (no address, suppressed, dropped by a cap); `next` when absent. */
  fallback: Edge.optional(),
});

const WaitNode = z.object({
  ...Base,
  kind: z.literal("wait"),
  seconds: Seconds.optional(),
  until: z
    .union([
      z.object({ date: z.iso.datetime({ offset: true }) }),
      /** The next time of day in the lead's zone. */
      z.object({ time: ClockTime }),
      z.object({ event: EventType, key: EventKey.optional(), timeoutSeconds: Seconds }),
    ])
    .optional(),
  next: Edge.optional(),
  /** After a wait for an event: where to go when it did not come in time. */
  timeout: Edge.optional(),
});

const ConditionNode = z.object({
  ...Base,
  kind: z.literal("condition"),
  all: z.array(ConditionItem).min(1).max(50).optional(),
  any: z.array(ConditionItem).min(1).max(50).optional(),
  formula: z.string().trim().min(1).max(MAX_FORMULA_LENGTH).optional(),
  yes: Edge.optional(),
  no: Edge.optional(),
});

const UpdateNode = z.object({
  ...Base,
  kind: z.literal("update"),
  /** Column name → value; text values may use placeholders. */
  fields: z.record(z.string().min(1), CellParam),
  next: Edge.optional(),
});

const CreateRowNode = z.object({
  ...Base,
  kind: z.literal("create-row"),
  table: z.string().min(1),
  cells: z.record(z.string().min(1), CellParam),
  next: Edge.optional(),
});

const WebhookNode = z.object({
  ...Base,
  kind: z.literal("webhook"),
  url: z.url({ protocol: /^https?$/ }),
  next: Edge.optional(),
});

/** Hand the lead to another channel's agent (the journey goes on there) or to a person (it waits for them to take it). */
const HandoffNode = z.object({
  ...Base,
  kind: z.literal("handoff"),
  to: z.union([
    z.object({ channel: z.enum(JOURNEY_CHANNELS) }),
    /** `owner`: the row's Owner, else the workspace's owners; or a member's email. */
    z.object({ person: z.string().trim().min(1).max(200) }),
  ]),
  reason: z.string().trim().min(1).max(300),
  /** How long a person's handoff waits to be taken before `timeout` (7 days when absent). */
  timeoutSeconds: Seconds.optional(),
  next: Edge.optional(),
  timeout: Edge.optional(),
});

const NotifyNode = z.object({
  ...Base,
  kind: z.literal("notify"),
  to: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(2000),
  next: Edge.optional(),
});

/** Start dealership contact automation for the row (an outreach Dealerships row). */
const ContactNode = z.object({ ...Base, kind: z.literal("start-contact"), next: Edge.optional() });
/** Generate (and with `publish`, publish) a site for the row (a Businesses or Sites row). */
const SiteNode = z.object({
  ...Base,
  kind: z.literal("generate-site"),
  publish: z.boolean().optional(),
  next: Edge.optional(),
});

const SplitNode = z.object({
  ...Base,
  kind: z.literal("split"),
  branches: z
    .array(z.object({ label: z.string().trim().min(1).max(40), weight: z.number().positive().max(1000), next: Edge }))
    .min(2)
    .max(6),
});

/** The journey's goal: reaching it counts as a conversion; it may go on (`next`) or end here. */
const GoalNode = z.object({ ...Base, kind: z.literal("goal"), next: Edge.optional() });
const ExitNode = z.object({ ...Base, kind: z.literal("exit") });

export const JourneyNode = z.discriminatedUnion("kind", [
  SendNode,
  WaitNode,
  ConditionNode,
  UpdateNode,
  CreateRowNode,
  WebhookNode,
  HandoffNode,
  NotifyNode,
  ContactNode,
  SiteNode,
  SplitNode,
  GoalNode,
  ExitNode,
]);
export type JourneyNode = z.infer<typeof JourneyNode>;
export type JourneyNodeKind = JourneyNode["kind"];
export type NodeOf<K extends JourneyNodeKind> = Extract<JourneyNode, { kind: K }>;

/** The most nodes a journey may have: a canvas people can still read. */
export const MAX_NODES = 200;

export const JourneyDefinition = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).optional(),
  /** The table whose rows go through it (the Leads table, Businesses, Dealerships…). */
  table: z.string().min(1),
  reentry: z.enum(REENTRY).default("never"),
  entry: JourneyEntry,
  start: NodeId,
  nodes: z.array(JourneyNode).min(1).max(MAX_NODES),
  /** This journey's own caps, kept besides the workspace's. */
  caps: z.array(CapRule).max(20).default([]),
  /** Overrides the workspace's quiet hours for this journey (null: none). */
  quietHours: QuietHours.nullable().optional(),
  /** Events that take a lead out of this journey (a reply, an unsubscribe, a claim…). */
  exitOn: z.array(EventType).max(20).default(["unsubscribed"]),
  /** Canvas positions by node id (the builder's layout; ignored by the runner). */
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;
/** A definition as sent, before defaults are filled in. */
export type JourneyDefinitionInput = z.input<typeof JourneyDefinition>;

// ── API ─────────────────────────────────────────────────────────────────────────────────────

export type JourneyCounts = { enrolled: number; active: number; finished: number; exited: number; converted: number };

export type JourneyItem = {
  id: string;
  name: string;
  status: JourneyStatus;
  /** The latest published version; 0 before the first publish. */
  version: number;
  /** The draft people edit (what `PUT` replaces). */
  definition: JourneyDefinition;
  /** The latest published definition, or null. */
  published: JourneyDefinition | null;
  /** The draft differs from the latest published version. */
  changed: boolean;
  counts: JourneyCounts;
  /** For a webhook entry: where to post (the secret is shown once, when the journey is made or its secret renewed). */
  hookUrl: string | null;
  updatedAt: string;
};

export const PublishProblem = z.object({ node: z.string().nullable(), message: z.string() });
export type PublishProblem = z.infer<typeof PublishProblem>;

export const SetJourneyStatus = z.object({ status: z.enum(JOURNEY_STATUSES) });

export const EnrollRequest = z.object({
  table: z.string().min(1),
  rowIds: z.array(z.string().min(1)).min(1).max(1000),
  /** Every wait, timeout and cap window counted in seconds instead of days (a day becomes a second): demos and tests. */
  compressWaits: z.boolean().optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;
export type EnrollAnswer = {
  enrolled: { rowId: string; enrollmentId: string }[];
  skipped: { rowId: string; reason: string }[];
};

export type EnrollmentItem = {
  id: string;
  rowId: string;
  tableId: string;
  version: number;
  status: EnrollmentStatus;
  /** The node the lead is at (or ended at). */
  node: string | null;
  enteredAt: string;
  updatedAt: string;
  /** The last cap decision on this enrollment, when one held or dropped a message. */
  capped: "deferred" | "dropped" | null;
  exitReason: string | null;
};

/** Moves the active enrollments of older versions to the latest, each at the same node when it still exists. */
export type MoveAnswer = { moved: number; restarted: number };

/** Events only Rowpilot itself sends: a person taking a handoff is a person's act, not an API call. */
export const INTERNAL_EVENTS: readonly string[] = ["handoff-taken"];

export const JourneyEventRequest = z.object({
  /** The row (a Leads row, or a row of the journey's table). */
  leadId: z.string().min(1),
  /** The row's table; the workspace's Leads table when absent. */
  table: z.string().min(1).optional(),
  type: EventType.refine(
    (type) => !INTERNAL_EVENTS.includes(type),
    "handoff-taken is sent when a person takes a handoff",
  ),
  key: EventKey.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type JourneyEventRequest = z.infer<typeof JourneyEventRequest>;
export type JourneyEventAnswer = { delivered: number; enrolled: number; exited: number; coalesced: boolean };

export const TestRunRequest = z.object({
  sample: z.object({
    /** A real row to read (not changed): its cells are the lead's. */
    rowId: z.string().min(1).optional(),
    /** Cells by column name, over the row's (or alone). */
    cells: z.record(z.string(), CellParam).optional(),
    /** Events the sample lead does, seconds after entering. */
    events: z
      .array(z.object({ type: EventType, key: EventKey.optional(), afterSeconds: Seconds }))
      .max(50)
      .default([]),
    /** Which branch each split takes (node id → branch label); the first when absent. */
    splits: z.record(z.string(), z.string()).optional(),
  }),
  /** Test the draft (default) or a published version. */
  version: z.number().int().min(1).optional(),
});
export type TestRunRequest = z.infer<typeof TestRunRequest>;

export type TestStep = {
  node: string;
  kind: JourneyNodeKind;
  /** Seconds after entering (waits compressed: nothing actually waits). */
  at: number;
  outcome: string;
};
export type TestMessage = {
  node: string;
  channel: JourneyChannel;
  to: string | null;
  subject: string | null;
  body: string;
};
export type TestRunAnswer = {
  path: TestStep[];
  messages: TestMessage[];
  /** How the run ended: an exit node, a node with no edge, a goal with no next, or the step limit. */
  ended: "exit" | "end" | "goal" | "limit";
};

export type NodeStats = {
  id: string;
  kind: JourneyNodeKind;
  label: string;
  /** Enrollments that reached the node (each counted once per visit). */
  entered: number;
  /** Enrollments at the node now. */
  now: number;
  /** Time spent in the node, seconds (null with no finished visit). */
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Outcomes there, by outcome text ("sent", "capped: dropped", "yes"…). */
  outcomes: Record<string, number>;
};
export type EdgeStats = {
  from: string;
  to: string;
  count: number /** Share of those entering `from` that did not go on to any node. */;
  dropOff: number;
};
export type SplitStats = {
  node: string;
  branches: { label: string; next: string; entered: number; converted: number; rate: number }[];
  /** Plain words on whether the difference is significant (a two-proportion z-test, 95%). */
  note: string;
};
export type JourneyAnalytics = {
  journeyId: string;
  /** The version counted; null: every version. */
  version: number | null;
  enrolled: number;
  converted: number;
  /** converted / enrolled (0 with none). */
  conversion: number;
  nodes: NodeStats[];
  edges: EdgeStats[];
  splits: SplitStats[];
  /** Step rows read. */
  steps: number;
};

export type TimelineEntry = {
  at: string;
  kind: "enrolled" | "step" | "message" | "event" | "cap" | "handoff" | "exited" | "finished";
  journeyId: string | null;
  journeyName: string | null;
  node: string | null;
  detail: string;
};
export type LeadTimeline = { tableId: string; rowId: string; entries: TimelineEntry[] };

export type HandoffItem = {
  id: string;
  leadTable: string;
  leadRowId: string;
  leadName: string;
  journeyId: string | null;
  journeyName: string | null;
  to: string;
  reason: string;
  /** expired: nobody took it before the journey's timeout. */
  status: "waiting" | "taken" | "done" | "expired";
  takenBy: string | null;
  createdAt: string;
  context: HandoffContext;
};

/** What a handoff carries (the brief's HandoffContext). */
export type HandoffContext = {
  leadId: string;
  conversationHistory: { at: string; channel: string; direction: "in" | "out"; subject: string | null; body: string }[];
  leadScore: number | null;
  previousAgents: string[];
  handoffReason: string;
  metadata: Record<string, unknown>;
};
