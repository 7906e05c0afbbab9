/**
 * A turn for the page between evaluating the libraries' chunk and evaluating the app. The root
 * route and the workspace layout import this first: imported by two routes, it goes to the head of
 * the app's shared chunk (not root's own), and all the app's code after it waits one task (with
 * the few libraries whose CommonJS code only the app's modules call). A click or key made as the
 * server-drawn page appears (which the page's inline scripts answer) then waits for the shorter
 * of the two, not for both in one long task; React DOM, the third part, is evaluated by the
 * client entry after the routes (`entry.client.tsx`). Only in a browser: the server and the
 * tests go on without waiting.
 */
if (typeof document !== "undefined") await new Promise((resolve) => setTimeout(resolve, 0));

export {};
