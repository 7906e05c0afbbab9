/**
 * The demo workspace a fresh `npm start` opens: its owner (no password: they sign in through a
 * one-time link), the workspace itself and its messaging sender. Runs once; later starts find it
 * and change nothing (a demo made before senders existed gets the default sender).
 */
import { eq } from "drizzle-orm";
import { user, workspace } from "../schema/db";
import { DEFAULT_PACE_ZONE, MessagingSettings } from "../schema/messaging-api";
import { audit } from "../worker/api/audit";
import { createWorkspace } from "../worker/api/workspaces";
import { newId } from "../worker/auth/tokens";
import type { Db } from "../worker/db";
import { saveMessagingSettings } from "../worker/messaging/settings";

export const DEMO = {
  slug: "demo",
  name: "Demo workspace",
  ownerEmail: "demo@rowpilot.local",
  ownerName: "Demo Owner",
};

/** Who the demo's messages come from; the outbox keeps them, so nothing leaves the machine. */
export const DEMO_MESSAGING = {
  sender: {
    fromName: "Rowpilot Demo",
    fromEmail: "demo@rowpilot.example",
    replyTo: "demo@rowpilot.example",
    postalAddress: "Rowpilot Demo, 100 Congress Ave, Suite 200, Austin, TX 78701",
    // No SMS number: the outbox sends SMS without one; Twilio needs one of the account's numbers.
    smsFrom: "",
  },
  providers: { email: "outbox", sms: "outbox" },
  // No cap, quiet hours or warm-up that would hold a demo's (or a test's) sends.
  pace: {
    senderDailyCap: 100_000,
    workspaceDailyCap: 100_000,
    minSpacingSeconds: 0,
    window: { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] },
    warmUp: null,
    zone: DEFAULT_PACE_ZONE,
  },
} as const;

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const existing = await db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) });
  if (existing) {
    await saveMessagingSettings(db, existing.id, MessagingSettings.parse(DEMO_MESSAGING), null, true);
    return { created: false };
  }
  let owner = await db.query.user.findFirst({ where: eq(user.email, DEMO.ownerEmail) });
  if (!owner) {
    const now = new Date();
    owner = {
      id: newId(),
      name: DEMO.ownerName,
      email: DEMO.ownerEmail,
      emailVerified: true,
      image: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.insert(user).values(owner);
  }
  const ws = await createWorkspace(db, owner.id, DEMO.name, DEMO.slug);
  await saveMessagingSettings(db, ws.id, MessagingSettings.parse(DEMO_MESSAGING), owner.id, true);
  await audit(
    db,
    { workspace: ws, actor: { kind: "user", userId: owner.id, name: owner.name, email: owner.email } },
    "workspace.created",
    ws.slug,
    {
      name: ws.name,
      seeded: true,
    },
  );
  return { created: true };
}
