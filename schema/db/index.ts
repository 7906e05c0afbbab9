/** The D1 schema: identity (better-auth), workspaces, tables, the trigger registry and webhook events seen, payment claims, journeys. */
export * from "./auth";
export * from "./journeys";
export * from "./messaging";
export * from "./payments";
export * from "./tables";
export * from "./triggers";
export * from "./webhooks";
export * from "./workspaces";
