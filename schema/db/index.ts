/** The D1 schema: identity (better-auth) and workspaces. */
export * from "./auth";
export * from "./tables";
export * from "./workspaces";
