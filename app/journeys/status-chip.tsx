/** A journey's status as a colored chip. */
import type { JourneyStatus } from "../../schema/journeys";
import { Badge } from "../components/ui";

const TONES = { draft: "neutral", active: "success", paused: "accent", archived: "neutral" } as const;

export function StatusChip({ status }: { status: JourneyStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
