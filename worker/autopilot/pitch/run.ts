/** What the pitching phase's steps share: the cycle, Businesses, Sites and Messaging with their Autopilot columns. */
import type { Hunting } from "../../hunting/tables";
import type { TableHandle } from "../../kinds/tables";
import type { Messaging } from "../../messaging/tables";
import type { CycleContext } from "../context";
import { canSpend } from "../spend";

export type PitchRun = {
  ctx: CycleContext;
  h: Hunting;
  sites: TableHandle;
  messaging: Messaging;
  /** With the workspace's Anthropic key Claude writes the pitches (and costs); without, the pitch template. */
  agents: boolean;
};

/** Stops a step that would spend on the provider once today's budget for it is reached. */
export const budgetGate =
  (run: PitchRun, provider: "anthropic" | "email", when = true) =>
  async () =>
    when && !(await canSpend(run.ctx, provider, run.ctx.startedAt))
      ? `The ${provider === "email" ? "email" : "Anthropic"} budget for today is reached`
      : null;
