/** The generation phase of a cycle (being built: it does nothing yet and says so). */
import { emptyResult, type Phase } from "../context";

export const generationPhase: Phase = async () => ({
  ...emptyResult("generation"),
  error: "The generation phase is not built yet",
});
