/** The cleanup phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const cleanupPhase: Phase = async () => ({
  ...emptyResult("cleanup"),
  error: "The cleanup phase is not built yet",
});
