/** The D1 schema: identity (better-auth), workspaces, tables, the trigger registry and webhook events seen, payment claims, journeys, autopilot. */
export * from "./auth";
export * from "./autopilot";
export * from "./journeys";
export * from "./messaging";
export * from "./payments";
export * from "./tables";
export * from "./triggers";
export * from "./webhooks";
export * from "./workspaces";
