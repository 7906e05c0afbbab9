/** The health phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const healthPhase: Phase = async () => ({
  ...emptyResult("health"),
  error: "The health phase is not built yet",
});
