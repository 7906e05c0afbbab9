/**
 * A test run: a journey walked for one sample lead without sending, writing or waiting. A virtual
 * clock (seconds after entering) stands in for time: waits move it on, a wait for an event takes
 * the sample's event when one comes before the timeout, conditions see the sample's row and the
 * events done by then, and every message that would go out is rendered. Caps and quiet hours are
 * the runner's business and are not applied here.
 */
import {
  JOURNEY_CHANNELS,
  type JourneyChannel,
  type JourneyDefinition,
  type JourneySettings,
  type NodeOf,
  type TestMessage,
  type TestRunAnswer,
  type TestRunRequest,
  type TestStep,
} from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";
import { normalizeEmail, normalizePhone } from "../messaging/address";
import { evaluateNodeCondition } from "./conditions";
import { leadFacts, leadZone } from "./facts";
import { edgeTarget, nodeById } from "./graph";
import { renderTemplate } from "./render";
import { cellFor } from "./values";
import { nextTimeOfDay } from "./wait-time";

/** A test run stops after this many steps: a journey that loops (through waits) would never end. */
export const MAX_TEST_STEPS = 200;
const WRITER_PLACEHOLDER = "(drafted by the AI writer when it runs)";
const SECONDS_PER_DAY = 86_400;

type Sample = TestRunRequest["sample"];
type SampleEvent = Sample["events"][number];
type Run = {
  def: JourneyDefinition;
  row: Record<string, CellValue>;
  events: SampleEvent[];
  taken: Set<SampleEvent>;
  now: number;
  zone: string;
  messages: TestMessage[];
};
/** What a visit did: its outcome and the edge it leaves by (null: the run ends there). */
type Visit = { outcome: string; edge: string | null; seconds?: number; ended?: TestRunAnswer["ended"] };

function inWords(seconds: number): string {
  if (seconds >= SECONDS_PER_DAY && seconds % SECONDS_PER_DAY === 0) {
    const days = seconds / SECONDS_PER_DAY;
    return `${days} day${days === 1 ? "" : "s"}`;
  }
  return `${seconds} s`;
}

function channelFor(node: NodeOf<"send">, run: Run): JourneyChannel {
  if (node.channel !== "best") return node.channel;
  const preference = cellFor(run.row, "Channel preference");
  if (typeof preference === "string" && (JOURNEY_CHANNELS as readonly string[]).includes(preference.toLowerCase()))
    return preference.toLowerCase() as JourneyChannel;
  const scores = leadFacts({
    row: run.row,
    events: [],
    now: run.now,
    enteredAt: run.now,
    zone: run.zone,
  }).channelScores;
  return [...JOURNEY_CHANNELS].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0))[0]!;
}

function addressFor(channel: JourneyChannel, row: Record<string, CellValue>): { to: string } | { problem: string } {
  const read = (column: string) => {
    const value = cellFor(row, column);
    return typeof value === "string" ? value.trim() : "";
  };
  const email = read("Email");
  const phone = read("Phone");
  if (channel === "email" || (channel === "chat" && email))
    return normalizeEmail(email)
      ? { to: normalizeEmail(email)! }
      : { problem: email ? `the Email "${email}" is not an address` : "the row has no Email" };
  if (normalizePhone(phone)) return { to: normalizePhone(phone)! };
  return { problem: phone ? `the Phone "${phone}" is not a number` : "the row has no Phone" };
}

function send(node: NodeOf<"send">, run: Run, at: number): Visit {
  const channel = channelFor(node, run);
  const address = addressFor(channel, run.row);
  const subject = channel === "email" ? (node.template?.subject ?? null) : null;
  run.messages.push({
    node: node.id,
    channel,
    to: "to" in address ? address.to : null,
    subject: node.template ? (subject === null ? null : renderTemplate(subject, run.row)) : null,
    body: node.template ? renderTemplate(node.template.body, run.row) : WRITER_PLACEHOLDER,
  });
  if ("problem" in address) return { outcome: `no address: ${address.problem}`, edge: "fallback" };
  // An explicit send time is honoured: the send waits for it.
  const current = run.now + at * 1000;
  const seconds = node.sendAt ? Math.max(0, Math.ceil((Date.parse(node.sendAt) - current) / 1000)) : 0;
  return { outcome: "sent (test run)", edge: "next", seconds };
}

function wait(node: NodeOf<"wait">, run: Run, at: number): Visit {
  const until = node.until;
  if (until && "event" in until) {
    const deadline = at + until.timeoutSeconds;
    const event = run.events.find(
      (e) =>
        !run.taken.has(e) &&
        e.type === until.event &&
        (!until.key || e.key === until.key) &&
        e.afterSeconds <= deadline,
    );
    if (event) {
      run.taken.add(event);
      return { outcome: `event: ${event.type}`, edge: "next", seconds: Math.max(0, event.afterSeconds - at) };
    }
    const edge = node.timeout ? "timeout" : "next";
    return { outcome: `timed out after ${inWords(until.timeoutSeconds)}`, edge, seconds: until.timeoutSeconds };
  }
  const current = run.now + at * 1000;
  let seconds = node.seconds ?? 0;
  if (until && "date" in until) seconds += Math.max(0, Math.ceil((Date.parse(until.date) - current) / 1000));
  if (until && "time" in until) seconds += Math.ceil((nextTimeOfDay(current, run.zone, until.time) - current) / 1000);
  return { outcome: `waited ${inWords(seconds)}`, edge: "next", seconds };
}

function condition(node: NodeOf<"condition">, run: Run, at: number): Visit {
  const now = run.now + at * 1000;
  const events = run.events
    .map((e) => ({ type: e.type, key: e.key ?? null, at: run.now + e.afterSeconds * 1000 }))
    .filter((e) => e.at <= now);
  const met = evaluateNodeCondition(node, leadFacts({ row: run.row, events, now, enteredAt: run.now, zone: run.zone }));
  return { outcome: met ? "yes" : "no", edge: met ? "yes" : "no" };
}

function visit(nodeId: string, run: Run, at: number, splits: Record<string, string>): Visit {
  const node = nodeById(run.def, nodeId)!;
  switch (node.kind) {
    case "send":
      return send(node, run, at);
    case "wait":
      return wait(node, run, at);
    case "condition":
      return condition(node, run, at);
    case "split": {
      const branch = node.branches.find((b) => b.label === splits[node.id]) ?? node.branches[0]!;
      return { outcome: `branch ${branch.label}`, edge: branch.label };
    }
    case "update":
      for (const [column, value] of Object.entries(node.fields))
        run.row[column] = typeof value === "string" ? renderTemplate(value, run.row) : value;
      return { outcome: `updated ${Object.keys(node.fields).join(", ")} (test run)`, edge: "next" };
    case "create-row":
      return { outcome: "would create a row (test run)", edge: "next" };
    case "webhook":
      return { outcome: `would call ${node.url} (test run)`, edge: "next" };
    case "notify":
      return { outcome: `would notify ${node.to} (test run)`, edge: "next" };
    case "start-contact":
      return { outcome: "would start contact automation (test run)", edge: "next" };
    case "generate-site":
      return { outcome: `would generate${node.publish ? " and publish" : ""} a site (test run)`, edge: "next" };
    case "handoff":
      return "person" in node.to
        ? { outcome: "taken (test run)", edge: "next" }
        : { outcome: `handed to the ${node.to.channel} agent (test run)`, edge: "next" };
    case "goal":
      return { outcome: "goal reached", edge: "next", ended: "goal" };
    case "exit":
      return { outcome: "exit", edge: null, ended: "exit" };
  }
}

/** The first of the journey's exit events (`exitOn`) the sample does by `at`, if any. */
function exitEvent(run: Run, at: number): SampleEvent | null {
  const exits = run.events.filter((e) => run.def.exitOn.includes(e.type) && e.afterSeconds <= at);
  return exits.sort((a, b) => a.afterSeconds - b.afterSeconds)[0] ?? null;
}

/**
 * The path `def` takes for the sample lead, and the messages it would send.
 * @example simulate(def, { events: [{ type: "clicked", afterSeconds: 3 }] }, { row, settings, now: Date.now() })
 */
export function simulate(
  def: JourneyDefinition,
  sample: Sample,
  options: { row: Record<string, CellValue>; settings: JourneySettings; now: number },
): TestRunAnswer {
  const row = { ...options.row, ...(sample.cells ?? {}) };
  const run: Run = {
    def,
    row,
    events: [...(sample.events ?? [])].sort((a, b) => a.afterSeconds - b.afterSeconds),
    taken: new Set(),
    now: options.now,
    zone: leadZone(row, options.settings.zone),
    messages: [],
  };
  const path: TestStep[] = [];
  let at = 0;
  let current: string | null = nodeById(def, def.start) ? def.start : null;
  while (current) {
    if (path.length >= MAX_TEST_STEPS) return { path, messages: run.messages, ended: "limit" };
    const node = nodeById(def, current)!;
    const left = exitEvent(run, at);
    if (left) {
      path.push({
        node: node.id,
        kind: node.kind,
        at: left.afterSeconds,
        outcome: `left: ${left.type} (exit criteria)`,
      });
      return { path, messages: run.messages, ended: "exit" };
    }
    const result = visit(current, run, at, sample.splits ?? {});
    const leftDuring = result.seconds ? exitEvent(run, at + result.seconds) : null;
    if (leftDuring && node.kind === "wait") {
      path.push({ node: node.id, kind: node.kind, at, outcome: `left: ${leftDuring.type} (exit criteria)` });
      return { path, messages: run.messages, ended: "exit" };
    }
    path.push({ node: node.id, kind: node.kind, at, outcome: result.outcome });
    at += result.seconds ?? 0;
    const next = result.edge === null ? null : edgeTarget(node, result.edge);
    if (!next || !nodeById(def, next)) return { path, messages: run.messages, ended: result.ended ?? "end" };
    current = next;
  }
  return { path, messages: run.messages, ended: "end" };
}
