/** The report phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const reportPhase: Phase = async () => ({
  ...emptyResult("report"),
  error: "The report phase is not built yet",
});
