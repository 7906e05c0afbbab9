/**
 * The "Leads and journeys" tables: Leads (people and businesses being nurtured), Journeys (one
 * row per journey, mirroring its definition's status, version and counts kept in D1), Journey
 * steps (one row per step an enrollment took, written exactly once) and Handoffs (leads handed
 * to a channel's agent or to a person, with the context they carry). Columns carry stable keys,
 * found by key so people may rename them.
 */
import type { ColumnType } from "./tables";

export const JOURNEYS_KINDS = {
  leads: "journeys.leads",
  journeys: "journeys.journeys",
  steps: "journeys.steps",
  handoffs: "journeys.handoffs",
} as const;
export type JourneysTable = keyof typeof JOURNEYS_KINDS;

export const LEAD_STAGES = ["new", "nurturing", "engaged", "qualified", "customer", "lost"] as const;
export const LEAD_CONSENT = ["opted in", "unknown", "opted out"] as const;
export const CHANNEL_PREFERENCES = ["auto", "email", "sms", "chat"] as const;
export const HANDOFF_STATUSES = ["waiting", "taken", "done", "expired"] as const;

/**
 * The engagement score people may edit: opens, clicks and replies of the last 30 days (kept
 * by the event feed), weighted as most nurture tools weigh them (a reply is worth ten opens).
 */
export const DEFAULT_ENGAGEMENT_FORMULA = "{Opens (30d)} + 3 * {Clicks (30d)} + 10 * {Replies (30d)}";

export type JourneysColumn = {
  key: string;
  name: string;
  type: ColumnType;
  links?: JourneysTable;
  /** A link to a table outside the template: left out when the workspace has no such table. */
  linksOutside?: "businesses";
  options?: Record<string, unknown>;
};

const LEADS: JourneysColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "email", name: "Email", type: "email" },
  { key: "phone", name: "Phone", type: "phone" },
  { key: "company", name: "Company", type: "text" },
  { key: "score", name: "Score", type: "number" },
  /** The business this lead came from, when it came from the Businesses table. */
  { key: "business", name: "Business", type: "link", linksOutside: "businesses" },
  /** Any row a lead came from, as `<table id>:<row id>` (Dealerships, a person's own table…). */
  { key: "source", name: "Source", type: "text" },
  { key: "location", name: "Location", type: "text" },
  { key: "timeZone", name: "Time zone", type: "text" },
  { key: "channelPreference", name: "Channel preference", type: "singleSelect" },
  /** Engagement per channel, learned from events: "email 4 · sms 1 · chat 0". */
  { key: "channelScores", name: "Channel scores", type: "text" },
  { key: "opens30", name: "Opens (30d)", type: "number" },
  { key: "clicks30", name: "Clicks (30d)", type: "number" },
  { key: "replies30", name: "Replies (30d)", type: "number" },
  { key: "engagement", name: "Engagement", type: "formula", options: { formula: DEFAULT_ENGAGEMENT_FORMULA } },
  { key: "stage", name: "Stage", type: "singleSelect" },
  /** A workspace member's email. */
  { key: "owner", name: "Owner", type: "email" },
  { key: "consent", name: "Consent", type: "singleSelect" },
  { key: "suppressed", name: "Suppressed", type: "checkbox" },
  /** The journeys the lead is in now and where: "Welcome series · wait for a click". */
  { key: "journeys", name: "Journeys", type: "text" },
  { key: "lastTouch", name: "Last touch", type: "datetime" },
];

const JOURNEYS: JourneysColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "status", name: "Status", type: "status" },
  { key: "version", name: "Version", type: "number" },
  /** The entry in words: "Manual", "Row enters Leads", "Event: clicked"… */
  { key: "entry", name: "Entry", type: "text" },
  { key: "goal", name: "Goal", type: "text" },
  { key: "enrolled", name: "Enrolled", type: "number" },
  { key: "active", name: "Active", type: "number" },
  { key: "converted", name: "Converted", type: "number" },
  { key: "exited", name: "Exited", type: "number" },
  { key: "updated", name: "Updated", type: "datetime" },
];

const STEPS: JourneysColumn[] = [
  /** `<enrollment id>:<sequence>`: the key that makes a step's row exactly once. */
  { key: "stepKey", name: "Step", type: "text" },
  { key: "journey", name: "Journey", type: "link", links: "journeys" },
  { key: "version", name: "Version", type: "number" },
  { key: "leadTable", name: "Lead table", type: "text" },
  { key: "leadRowId", name: "Lead row", type: "text" },
  { key: "leadName", name: "Lead", type: "text" },
  { key: "node", name: "Node", type: "text" },
  { key: "nodeKind", name: "Kind", type: "text" },
  { key: "entered", name: "Entered", type: "datetime" },
  { key: "left", name: "Left", type: "datetime" },
  { key: "outcome", name: "Outcome", type: "text" },
];

const HANDOFFS: JourneysColumn[] = [
  { key: "leadName", name: "Lead", type: "text" },
  { key: "leadTable", name: "Lead table", type: "text" },
  { key: "leadRowId", name: "Lead row", type: "text" },
  { key: "journey", name: "Journey", type: "link", links: "journeys" },
  /** "sms agent", "chat agent", a member's email, "owners". */
  { key: "to", name: "To", type: "text" },
  { key: "reason", name: "Reason", type: "text" },
  { key: "status", name: "Status", type: "status" },
  { key: "takenBy", name: "Taken by", type: "email" },
  { key: "score", name: "Score", type: "number" },
  { key: "previousAgents", name: "Previous agents", type: "text" },
  /** The HandoffContext as JSON: conversation history across channels, score, agents, reason, metadata. */
  { key: "context", name: "Context", type: "longText" },
  { key: "created", name: "Created", type: "datetime" },
  { key: "taken", name: "Taken", type: "datetime" },
  /** The enrollment waiting on it (a person's handoff): taking it moves the journey on. */
  { key: "enrollment", name: "Enrollment", type: "text" },
  /** `<enrollment id>:<sequence>` of the step that wrote it: a retried step finds its row instead of adding one. */
  { key: "stepKey", name: "Step", type: "text" },
];

/** In the order they are created: a link names a table made before it. */
export const JOURNEYS_ORDER: readonly JourneysTable[] = ["leads", "journeys", "steps", "handoffs"];

export const JOURNEYS_TABLES: Record<JourneysTable, { name: string; columns: JourneysColumn[] }> = {
  leads: { name: "Leads", columns: LEADS },
  journeys: { name: "Journeys", columns: JOURNEYS },
  steps: { name: "Journey steps", columns: STEPS },
  handoffs: { name: "Handoffs", columns: HANDOFFS },
};
