/**
 * The prebuilt journeys people start from: a welcome series, re-engagement of dormant leads, a
 * high-intent fast track, geographic messaging with dealer-proximity alerts, and the pitch
 * journey of business hunting. Each is built for the workspace's tables (ids) and comes with a
 * canvas layout, top to bottom, so it opens tidy in the builder.
 */
import { fastTrack } from "./prebuilt/fast-track";
import { geographic } from "./prebuilt/geographic";
import { pitch } from "./prebuilt/pitch";
import { reEngagement } from "./prebuilt/re-engagement";
import type { PrebuiltJourney } from "./prebuilt/shared";
import { welcome } from "./prebuilt/welcome";

export type { PrebuiltJourney, PrebuiltTables } from "./prebuilt/shared";

/** Every prebuilt journey, in the order the builder offers them. */
export const PREBUILT_JOURNEYS: PrebuiltJourney[] = [welcome, reEngagement, fastTrack, geographic, pitch];
