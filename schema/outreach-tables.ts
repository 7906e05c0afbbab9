/**
 * The "Dealership outreach" tables: Projects, Dealerships and Attempts. Each column carries a
 * stable `key` in its options, so the Worker finds "Contact status" even after someone renames
 * it in the grid; links name their table by kind, resolved to ids when the tables are created.
 */
import type { ColumnType } from "./tables";

export const OUTREACH_KINDS = {
  projects: "outreach.projects",
  dealerships: "outreach.dealerships",
  attempts: "outreach.attempts",
} as const;
export type OutreachTable = keyof typeof OUTREACH_KINDS;

export type OutreachColumn = {
  key: string;
  name: string;
  type: ColumnType;
  /** For a link column: which of the three tables it points at. */
  links?: OutreachTable;
  options?: Record<string, unknown>;
};

const button = (label: string, op: string, confirm: string | null = null, disabledWhen: string | null = null) => ({
  label,
  action: { name: "outreach", params: { op } },
  confirm,
  disabledWhen,
});

const PROJECTS: OutreachColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "status", name: "Status", type: "status" },
  { key: "description", name: "Description", type: "longText" },
  { key: "created", name: "Created", type: "datetime" },
  { key: "location", name: "Search location", type: "text" },
  { key: "place", name: "Place", type: "text" },
  { key: "centerLat", name: "Center latitude", type: "number" },
  { key: "centerLng", name: "Center longitude", type: "number" },
  { key: "radius", name: "Radius (miles)", type: "number" },
  { key: "makes", name: "Makes", type: "multiSelect" },
  { key: "senderFirstName", name: "Sender first name", type: "text" },
  { key: "senderLastName", name: "Sender last name", type: "text" },
  { key: "senderEmail", name: "Sender email", type: "email" },
  { key: "senderPhone", name: "Sender phone", type: "phone" },
  { key: "senderZip", name: "Sender ZIP", type: "text" },
  { key: "senderExtra", name: "Extra fields", type: "longText" },
  { key: "message", name: "Message template", type: "longText" },
  { key: "batchSize", name: "Batch size", type: "number" },
  { key: "concurrency", name: "Concurrency", type: "number" },
  { key: "total", name: "Dealerships", type: "number" },
  { key: "pending", name: "Pending", type: "number" },
  { key: "inProgress", name: "In progress", type: "number" },
  { key: "success", name: "Success", type: "number" },
  { key: "failed", name: "Failed", type: "number" },
  { key: "manual", name: "Manual", type: "number" },
  {
    key: "progress",
    name: "Progress",
    type: "formula",
    options: {
      formula: "IF({Dealerships}, ({Success} + {Failed} + {Manual}) / {Dealerships}, BLANK())",
      display: "progress",
    },
  },
  {
    key: "successRate",
    name: "Success rate",
    type: "formula",
    options: {
      formula:
        "IF({Success} + {Failed} + {Manual}, ({Success} + {Manual}) / ({Success} + {Failed} + {Manual}), BLANK())",
      display: "percent",
    },
  },
  { key: "source", name: "Discovery source", type: "singleSelect" },
  { key: "discovering", name: "Discovering since", type: "datetime" },
  { key: "runStarted", name: "Run started", type: "datetime" },
  { key: "dryRun", name: "Dry run", type: "checkbox" },
  { key: "lastExport", name: "Last export", type: "attachment" },
  { key: "discover", name: "Discover", type: "button", options: button("Discover", "discover") },
  {
    key: "start",
    name: "Start automation",
    type: "button",
    options: button(
      "Start",
      "start",
      "Fill the contact form of every pending dealership?",
      "AND({Pending} = 0, {In progress} = 0)",
    ),
  },
  {
    key: "retryFailed",
    name: "Retry failed",
    type: "button",
    options: button("Retry failed", "retry-failed", null, "{Failed} = 0"),
  },
  { key: "export", name: "Export", type: "button", options: button("Export CSV", "export") },
  { key: "duplicate", name: "Duplicate", type: "button", options: button("Duplicate", "duplicate") },
  {
    key: "archive",
    name: "Archive",
    type: "button",
    options: button("Archive", "archive", "Archive this project?", '{Status} = "archived"'),
  },
];

const DEALERSHIPS: OutreachColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "project", name: "Project", type: "link", links: "projects" },
  { key: "status", name: "Contact status", type: "status" },
  { key: "makes", name: "Makes", type: "multiSelect" },
  { key: "distance", name: "Distance (miles)", type: "number" },
  { key: "website", name: "Website", type: "url" },
  { key: "phone", name: "Phone", type: "phone" },
  { key: "address", name: "Address", type: "text" },
  { key: "city", name: "City", type: "text" },
  { key: "latitude", name: "Latitude", type: "number" },
  { key: "longitude", name: "Longitude", type: "number" },
  { key: "category", name: "Failure category", type: "singleSelect" },
  { key: "reason", name: "Failure reason", type: "longText" },
  { key: "suggestedFix", name: "Suggested fix", type: "longText" },
  { key: "attempts", name: "Attempts", type: "number" },
  { key: "lastAttempt", name: "Last attempt", type: "datetime" },
  { key: "screenshots", name: "Screenshots", type: "attachment" },
  { key: "notes", name: "Notes", type: "longText" },
  { key: "source", name: "Source", type: "text" },
  {
    key: "contactNow",
    name: "Contact now",
    type: "button",
    options: button(
      "Contact",
      "contact",
      "Fill this dealer's contact form now?",
      'OR({Contact status} = "running", {Contact status} = "queued", {Website} = "")',
    ),
  },
  {
    key: "markManual",
    name: "Mark manual",
    type: "button",
    options: button("Mark manual", "mark-manual", "Mark this dealer as contacted by hand?"),
  },
  {
    key: "retry",
    name: "Retry",
    type: "button",
    options: button("Retry", "retry", null, 'NOT({Contact status} = "failed")'),
  },
];

const ATTEMPTS: OutreachColumn[] = [
  { key: "dealership", name: "Dealership", type: "link", links: "dealerships" },
  { key: "project", name: "Project", type: "link", links: "projects" },
  { key: "started", name: "Started", type: "datetime" },
  { key: "finished", name: "Finished", type: "datetime" },
  { key: "outcome", name: "Outcome", type: "status" },
  { key: "category", name: "Category", type: "singleSelect" },
  { key: "reason", name: "Reason", type: "longText" },
  { key: "evidence", name: "Evidence", type: "longText" },
  { key: "suggestedFix", name: "Suggested fix", type: "longText" },
  { key: "screenshots", name: "Screenshots", type: "attachment" },
  { key: "fields", name: "Fields filled", type: "multiSelect" },
  { key: "duration", name: "Duration (s)", type: "number" },
  { key: "contactPage", name: "Contact page", type: "url" },
];

export const OUTREACH_TABLES: Record<OutreachTable, { name: string; columns: OutreachColumn[] }> = {
  projects: { name: "Projects", columns: PROJECTS },
  dealerships: { name: "Dealerships", columns: DEALERSHIPS },
  attempts: { name: "Attempts", columns: ATTEMPTS },
};

/** The operations the outreach buttons run (the `outreach` action's `op`). */
export const OUTREACH_OPS = [
  "discover",
  "start",
  "retry-failed",
  "export",
  "duplicate",
  "archive",
  "contact",
  "mark-manual",
  "retry",
] as const;
export type OutreachOp = (typeof OUTREACH_OPS)[number];
