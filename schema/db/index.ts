/** The D1 schema: identity (better-auth), workspaces, tables and the trigger registry. */
export * from "./auth";
export * from "./messaging";
export * from "./tables";
export * from "./triggers";
export * from "./workspaces";
