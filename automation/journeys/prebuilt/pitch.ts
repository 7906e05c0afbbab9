/** The pitch journey of business hunting: site, pitch, follow-up, SMS and a person. */
import { days, layout, type PrebuiltJourney } from "./shared";

export const pitch: PrebuiltJourney = {
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
