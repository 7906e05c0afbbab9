/** The D1 schema: identity (better-auth) and workspaces. */
export * from "./auth";
export * from "./workspaces";
export * from "./tables";
