/**
 * React Router's default client entry, kept in the app so it is built as its own chunk. The
 * default one lives under node_modules, so the build put it in the libraries' chunk and evaluated
 * React DOM (~12 ms) with them, in the one long task that evaluated everything. Here, the page's
 * module script imports this after the routes (`import()`), and React DOM is evaluated in a task
 * of its own (`lib/page-turn.ts` splits the rest in two).
 */
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});
