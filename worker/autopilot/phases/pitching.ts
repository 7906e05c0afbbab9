/** The pitching phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const pitchingPhase: Phase = async () => ({
  ...emptyResult("pitching"),
  error: "The pitching phase is not built yet",
});
