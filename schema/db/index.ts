/** The D1 schema: identity (better-auth), workspaces, tables, the trigger registry and webhook events seen. */
export * from "./auth";
export * from "./messaging";
export * from "./tables";
export * from "./triggers";
export * from "./webhooks";
export * from "./workspaces";
