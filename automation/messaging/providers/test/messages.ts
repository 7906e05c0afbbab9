/** One pitch email and one SMS as the send path hands them to a client. */
import type { OutgoingEmail, OutgoingSms } from "../../outgoing";

export const pitchEmail: OutgoingEmail = {
  messageId: "msg_01HZX3K9",
  from: { email: "ana@studio.example", name: "Ana, Studio Web" },
  to: "owner@bakery.example",
  replyTo: "replies@studio.example",
  subject: "A new site for Rosa's Bakery",
  text: "Hi Rosa, here is a draft of your new site.",
  html: "<p>Hi Rosa, here is a draft of your new site.</p>",
  headers: {
    "List-Unsubscribe": "<https://rowpilot.example.com/u/tok_123>, <mailto:unsubscribe@studio.example>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  idempotencyKey: "send/msg_01HZX3K9",
};

export const pitchSms: OutgoingSms = {
  messageId: "msg_01HZX3KA",
  from: "+15125550100",
  to: "+15125550199",
  text: "Hi Rosa, your draft site is ready: https://rowpilot.example.com/s/rosa",
  idempotencyKey: "send/msg_01HZX3KA",
};
