/** A journey's nodes and entry in words, as the canvas cards, the list and the panels show them. */
import type { ConditionItem, JourneyEntry, JourneyNode, JourneyNodeKind } from "../../schema/journeys";

export const KIND_LABELS: Record<JourneyNodeKind, string> = {
  send: "Send",
  wait: "Wait",
  condition: "Condition",
  update: "Update fields",
  "create-row": "Create a row",
  webhook: "Webhook",
  handoff: "Handoff",
  notify: "Notify",
  "start-contact": "Start contact",
  "generate-site": "Generate site",
  split: "A/B split",
  goal: "Goal",
  exit: "Exit",
};

const UNITS = [
  { seconds: 86_400, name: "day" },
  { seconds: 3_600, name: "hour" },
  { seconds: 60, name: "minute" },
  { seconds: 1, name: "second" },
] as const;

/** Seconds in the largest whole unit: 172800 → "2 days", 90 → "90 seconds". */
export function durationInWords(seconds: number): string {
  const unit = UNITS.find((u) => seconds >= u.seconds && seconds % u.seconds === 0) ?? UNITS[3];
  const n = seconds / unit.seconds;
  return `${n.toLocaleString("en-US")} ${unit.name}${n === 1 ? "" : "s"}`;
}

const OPERATORS: Record<string, string> = {
  equals: "=",
  contains: "contains",
  greater_than: ">",
  less_than: "<",
  exists: "is set",
};

/** One condition item in words: "Score > 50", "(opened is set or clicked is set)". */
export function conditionInWords(item: ConditionItem): string {
  if ("formula" in item) return item.formula;
  if ("all" in item) return `(${item.all.map(conditionInWords).join(" and ")})`;
  if ("any" in item) return `(${item.any.map(conditionInWords).join(" or ")})`;
  const value = item.operator === "exists" ? "" : ` ${JSON.stringify(item.value ?? "")}`.replace(/^ "(.*)"$/, " $1");
  return `${item.not ? "not " : ""}${item.field} ${OPERATORS[item.operator]}${value}`;
}

/** The one line a canvas card shows under its label. */
export function nodeSummary(node: JourneyNode): string {
  switch (node.kind) {
    case "send": {
      const channel = node.channel === "best" ? "Best channel" : channelName(node.channel);
      const text = node.template ? (node.template.subject ?? node.template.body) : "written by the AI writer";
      return `${channel}: ${text}`;
    }
    case "wait": {
      const until = node.until;
      if (!until) return `Wait ${durationInWords(node.seconds ?? 0)}`;
      if ("event" in until) return `Wait ${durationInWords(until.timeoutSeconds)} or until ${until.event}`;
      if ("time" in until) return `Wait until ${until.time}`;
      return `Wait until ${until.date.slice(0, 16).replace("T", " ")}`;
    }
    case "condition": {
      if (node.formula) return `If ${node.formula}`;
      if (node.any) return `If ${node.any.map(conditionInWords).join(" or ")}`;
      return `If ${(node.all ?? []).map(conditionInWords).join(" and ")}`;
    }
    case "update":
      return `Set ${Object.keys(node.fields).join(", ") || "no fields"}`;
    case "create-row":
      return node.table ? `A row with ${Object.keys(node.cells).length} cells` : "Pick a table";
    case "webhook":
      return `POST ${node.url}`;
    case "handoff":
      return `To ${"person" in node.to ? node.to.person : `the ${channelName(node.to.channel)} agent`}: ${node.reason}`;
    case "notify":
      return `Tell ${node.to}: ${node.message}`;
    case "start-contact":
      return "Start dealership contact";
    case "generate-site":
      return node.publish ? "Generate and publish a site" : "Generate a site";
    case "split":
      return node.branches.map((b) => `${b.label} ${b.weight}`).join(" / ");
    case "goal":
      return "Counts as a conversion";
    case "exit":
      return "Leaves the journey";
  }
}

export function channelName(channel: string): string {
  return channel === "sms" ? "SMS" : channel === "chat" ? "Chat" : channel === "email" ? "Email" : channel;
}

/** How rows enter, in words: "By hand or the API", "When a row is added to its table". */
export function entryInWords(entry: JourneyEntry): string {
  switch (entry.kind) {
    case "manual":
      return "By hand or the API";
    case "row-enters":
      return entry.view ? "When a row comes into a view" : "When a row is added";
    case "formula":
      return `When ${entry.when} turns true`;
    case "event":
      return `On ${entry.type}${entry.key ? ` (${entry.key})` : ""}`;
    case "schedule":
      return `On schedule ${entry.cron}`;
    case "webhook":
      return "From its webhook";
  }
}
