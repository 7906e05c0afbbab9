/** Re-engagement: leads untouched for 30 days get a win-back email, then an SMS, then a chat message. */
import { days, layout, type PrebuiltJourney } from "./shared";

export const reEngagement: PrebuiltJourney = {
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
