/**
 * The prebuilt journeys people start from: a welcome series, re-engagement of dormant leads, a
 * high-intent fast track, geographic messaging with dealer-proximity alerts, and the pitch
 * journey of business hunting. Each is built for the workspace's tables (ids) and comes with a
 * canvas layout, top to bottom, so it opens tidy in the builder.
 */
import type { JourneyDefinitionInput } from "../../schema/journeys";

export type PrebuiltTables = { leads: string; businesses: string | null; dealerships: string | null };
export type PrebuiltJourney = {
  key: string;
  name: string;
  description: string;
  build(tables: PrebuiltTables): JourneyDefinitionInput;
};

const DAY = 86_400;
const days = (n: number) => n * DAY;
/** Canvas spacing: a node card is ~100 px tall and ~200 px wide. */
const ROW_GAP = 160;
const COLUMN_GAP = 260;

/** Positions for rows of node ids, top to bottom, each row centred on x = 0. */
function layout(rows: string[][]): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  rows.forEach((ids, row) => {
    ids.forEach((id, i) => {
      out[id] = { x: (i - (ids.length - 1) / 2) * COLUMN_GAP, y: row * ROW_GAP };
    });
  });
  return out;
}

const welcome: PrebuiltJourney = {
  key: "welcome",
  name: "Welcome series",
  description: "Day 0 welcome email, an SMS on day 2 if it was not opened, content on day 5, an offer on day 7.",
  build: ({ leads }) => ({
    name: "Welcome series",
    description: welcome.description,
    table: leads,
    reentry: "never",
    entry: { kind: "row-enters" },
    start: "welcome",
    nodes: [
      {
        id: "welcome",
        kind: "send",
        channel: "email",
        template: {
          subject: "Welcome, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nThanks for your interest in us. Over the next week we will send a few ideas for {{lead.Company}}.",
        },
        next: "wait-open",
      },
      {
        id: "wait-open",
        kind: "wait",
        label: "Opened within 2 days?",
        until: { event: "opened", timeoutSeconds: days(2) },
        next: "wait-content",
        timeout: "nudge",
      },
      {
        id: "nudge",
        kind: "send",
        channel: "sms",
        template: { body: "Hi {{lead.first_name}}, we sent you a welcome email: reply here if text suits you better." },
        next: "wait-content",
      },
      { id: "wait-content", kind: "wait", seconds: days(3), next: "content" },
      {
        id: "content",
        kind: "send",
        channel: "email",
        template: {
          subject: "How teams like {{lead.Company}} get started",
          body: "Hi {{lead.first_name}},\n\nHere is the short guide our customers read first.",
        },
        next: "wait-offer",
      },
      { id: "wait-offer", kind: "wait", seconds: days(2), next: "offer" },
      {
        id: "offer",
        kind: "send",
        channel: "email",
        template: {
          subject: "An offer for {{lead.Company}}",
          body: "Hi {{lead.first_name}},\n\nFor this week only: your first month free. Reply or click to claim it.",
        },
        next: "wait-click",
      },
      {
        id: "wait-click",
        kind: "wait",
        label: "Clicked within 3 days?",
        until: { event: "clicked", timeoutSeconds: days(3) },
        next: "converted",
        timeout: "replied",
      },
      {
        id: "replied",
        kind: "condition",
        label: "Replied?",
        all: [{ type: "behavior", field: "replied", operator: "exists", withinDays: 7 }],
        yes: "converted",
        no: "done",
      },
      { id: "converted", kind: "goal", label: "Engaged" },
      { id: "done", kind: "exit" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([
      ["welcome"],
      ["wait-open"],
      ["nudge"],
      ["wait-content"],
      ["content"],
      ["wait-offer"],
      ["offer"],
      ["wait-click"],
      ["replied"],
      ["converted", "done"],
    ]),
  }),
};

const reEngagement: PrebuiltJourney = {
  key: "re-engagement",
  name: "Re-engagement",
  description:
    "Every morning, leads untouched for 30 days get a win-back email, then an SMS, then a chat message, until they reply.",
  build: ({ leads }) => ({
    name: "Re-engagement",
    description: reEngagement.description,
    table: leads,
    reentry: "after-exit",
    entry: {
      kind: "schedule",
      cron: "0 9 * * *",
      when: 'AND({Last touch} != "", DATETIME_DIFF(NOW(), {Last touch}, "days") > 30)',
    },
    start: "win-back",
    nodes: [
      {
        id: "win-back",
        kind: "send",
        channel: "email",
        template: {
          subject: "We miss you, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nIt has been a while. Here is what is new since we last spoke.",
        },
        next: "wait-email",
      },
      {
        id: "wait-email",
        kind: "wait",
        label: "Reply within 3 days?",
        until: { event: "replied", timeoutSeconds: days(3) },
        next: "back",
        timeout: "sms",
      },
      {
        id: "sms",
        kind: "send",
        channel: "sms",
        template: {
          body: "Hi {{lead.first_name}}, still interested? Reply YES and we will pick up where we left off.",
        },
        next: "wait-sms",
      },
      {
        id: "wait-sms",
        kind: "wait",
        label: "Reply within 3 days?",
        until: { event: "replied", timeoutSeconds: days(3) },
        next: "back",
        timeout: "chat",
      },
      {
        id: "chat",
        kind: "send",
        channel: "chat",
        template: { body: "Hi {{lead.first_name}}, one last note from us: ask anything here, we answer fast." },
        next: "wait-chat",
      },
      {
        id: "wait-chat",
        kind: "wait",
        label: "Reply within 3 days?",
        until: { event: "replied", timeoutSeconds: days(3) },
        next: "back",
        timeout: "dormant",
      },
      { id: "back", kind: "goal", label: "Re-engaged" },
      { id: "dormant", kind: "exit", label: "Still dormant" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([["win-back"], ["wait-email"], ["sms"], ["wait-sms"], ["chat"], ["wait-chat"], ["back", "dormant"]]),
  }),
};

const fastTrack: PrebuiltJourney = {
  key: "fast-track",
  name: "High-intent fast track",
  description:
    "When a lead's engagement passes 30: an immediate SMS, a calendar link, the owner notified and handed the lead.",
  build: ({ leads }) => ({
    name: "High-intent fast track",
    description: fastTrack.description,
    table: leads,
    reentry: "after-exit",
    entry: { kind: "formula", when: "{Engagement} >= 30" },
    start: "sms",
    nodes: [
      {
        id: "sms",
        kind: "send",
        channel: "sms",
        template: {
          body: "Hi {{lead.first_name}}, thanks for all the interest! Want a quick call? We can talk today.",
        },
        next: "calendar",
      },
      {
        id: "calendar",
        kind: "send",
        channel: "email",
        template: {
          subject: "Pick a time, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nBook 15 minutes with us here: https://cal.com/your-team",
        },
        next: "notify",
      },
      {
        id: "notify",
        kind: "notify",
        to: "owner",
        message: "{{lead.Name}} ({{lead.Company}}) is showing high intent: engagement {{lead.Engagement}}.",
        next: "handoff",
      },
      {
        id: "handoff",
        kind: "handoff",
        to: { person: "owner" },
        reason: "High intent: engagement over 30",
        next: "taken",
        timeout: "missed",
      },
      { id: "taken", kind: "goal", label: "Owner took it" },
      { id: "missed", kind: "exit", label: "Not taken in time" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([["sms"], ["calendar"], ["notify"], ["handoff"], ["taken", "missed"]]),
  }),
};

const geographic: PrebuiltJourney = {
  key: "geographic",
  name: "Geographic",
  description:
    "Messages by the lead's location (Texas or elsewhere), then a dealer-proximity alert naming the dealership the lead came from.",
  build: ({ leads, dealerships }) => ({
    name: "Geographic",
    description: dealerships
      ? `${geographic.description} Dealer leads are those made from the Dealerships table (${dealerships}).`
      : geographic.description,
    table: leads,
    reentry: "never",
    entry: { kind: "manual" },
    start: "region",
    nodes: [
      {
        id: "region",
        kind: "condition",
        label: "In Texas?",
        any: [{ type: "property", field: "Location", operator: "contains", value: ["TX", "Texas"] }],
        yes: "texas",
        no: "elsewhere",
      },
      {
        id: "texas",
        kind: "send",
        channel: "email",
        template: {
          subject: "News for Texas, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nHere is what is happening near {{lead.Location}} this month.",
        },
        next: "wait",
      },
      {
        id: "elsewhere",
        kind: "send",
        channel: "email",
        template: {
          subject: "News near {{lead.Location}}",
          body: "Hi {{lead.first_name}},\n\nHere is what is happening near you this month.",
        },
        next: "wait",
      },
      { id: "wait", kind: "wait", seconds: days(2), next: "near-dealer" },
      {
        id: "near-dealer",
        kind: "condition",
        label: "Near a dealer?",
        all: [
          { type: "property", field: "Location", operator: "exists" },
          dealerships
            ? { type: "property", field: "Source", operator: "contains", value: `${dealerships}:` }
            : { type: "property", field: "Company", operator: "exists" },
        ],
        yes: "dealer-alert",
        no: "done",
      },
      {
        id: "dealer-alert",
        kind: "send",
        channel: "email",
        label: "Dealer proximity alert",
        template: {
          subject: "A dealer near {{lead.Location}}",
          body: "Hi {{lead.first_name}},\n\nThe nearest dealership to you is {{lead.Company}}. Stop by this week and mention this email.",
        },
        next: "done",
      },
      { id: "done", kind: "exit" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([["region"], ["texas", "elsewhere"], ["wait"], ["near-dealer"], ["dealer-alert"], ["done"]]),
  }),
};

const pitch: PrebuiltJourney = {
  key: "pitch",
  name: "Pitch journey",
  description:
    "A qualified business gets a generated, published site and a pitch email; a follow-up if not opened; an SMS if it clicked without claiming; then a person takes over.",
  build: ({ leads, businesses }) => ({
    name: "Pitch journey",
    description: pitch.description,
    table: businesses ?? leads,
    reentry: "never",
    entry: { kind: "formula", when: businesses ? '{Lead status} = "qualified"' : '{Stage} = "qualified"' },
    start: "site",
    nodes: [
      { id: "site", kind: "generate-site", label: "Generate and publish a site", publish: true, next: "pitch" },
      {
        id: "pitch",
        kind: "send",
        channel: "email",
        template: {
          subject: "We built {{lead.Name}} a website",
          body: "Hi,\n\nWe made a free preview website for {{lead.Name}}. Have a look, and claim it if you like it.",
        },
        next: "wait-open",
      },
      {
        id: "wait-open",
        kind: "wait",
        label: "Opened within 3 days?",
        until: { event: "opened", timeoutSeconds: days(3) },
        next: "wait-click",
        timeout: "follow-up",
      },
      {
        id: "follow-up",
        kind: "send",
        channel: "email",
        template: {
          subject: "Your new website, {{lead.Name}}",
          body: "Hi,\n\nJust checking you saw the website we built for {{lead.Name}}. It is ready to claim.",
        },
        next: "wait-click",
      },
      {
        id: "wait-click",
        kind: "wait",
        label: "Clicked within 4 days?",
        until: { event: "clicked", timeoutSeconds: days(4) },
        next: "claimed",
        timeout: "done",
      },
      {
        id: "claimed",
        kind: "condition",
        label: "Claimed already?",
        all: [{ type: "behavior", field: "claimed", operator: "exists" }],
        yes: "won",
        no: "sms",
      },
      {
        id: "sms",
        kind: "send",
        channel: "sms",
        template: {
          body: "Hi from the team that built {{lead.Name}}'s new website: want help claiming it? Reply here.",
        },
        next: "handoff",
      },
      {
        id: "handoff",
        kind: "handoff",
        to: { person: "owner" },
        reason: "Clicked the site without claiming it",
        next: "done",
        timeout: "done",
      },
      { id: "won", kind: "goal", label: "Claimed" },
      { id: "done", kind: "exit" },
    ],
    exitOn: ["claimed", "unsubscribed", "replied"],
    layout: layout([
      ["site"],
      ["pitch"],
      ["wait-open"],
      ["follow-up"],
      ["wait-click"],
      ["claimed"],
      ["sms", "won"],
      ["handoff"],
      ["done"],
    ]),
  }),
};

/** Every prebuilt journey, in the order the builder offers them. */
export const PREBUILT_JOURNEYS: PrebuiltJourney[] = [welcome, reEngagement, fastTrack, geographic, pitch];
