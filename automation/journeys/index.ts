/**
 * Journeys' pure logic: conditions, the graph, publish validation, message rendering, A/B
 * splits, test runs and the prebuilt journeys. Imports only schema/ and automation/.
 */
export { evaluateCondition, evaluateNodeCondition, formulaHolds, type LeadFacts } from "./conditions";
export { workflowEventType } from "./event-names";
export { leadFacts, leadZone, parseChannelScores } from "./facts";
export { edgesOf, edgeTarget, type NamedEdge, nodeById } from "./graph";
export { renderTemplate } from "./render";
export { MAX_TEST_STEPS, simulate } from "./simulate";
export { pickBranch } from "./split";
export { PREBUILT_JOURNEYS, type PrebuiltJourney, type PrebuiltTables } from "./templates";
export { validateDefinition } from "./validate";
export { cellFor } from "./values";
