/**
 * When the service worker (public/sw.js) is registered: once the page has what it opened with.
 * Its first install fetches every file of the build (46 files, 2.7 MB) and has the server render
 * the offline shell. Registered as the app started, that work ran while a table's blocks were
 * loading and took the CPU they needed: on a 2-core machine the last of 20,000 rows came about
 * 300 ms later (`npm run bench:grid`). A page that still loads after its first render (a table,
 * until its rows are in) holds registration back; it is made once the window has loaded, nothing
 * holds it and the browser is idle, and MAX_WAIT_MS after it was asked for at the latest.
 */

/** The longest registration waits, whatever holds it (a table that cannot load offline). */
export const MAX_WAIT_MS = 10_000;
/** How long the browser may stay busy before an idle callback runs anyway. */
const IDLE_TIMEOUT_MS = 2_000;

const holds = new Set<object>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of [...listeners]) listener();
};

/** Holds registration back until the returned function is called. */
export function holdServiceWorker(): () => void {
  const hold = {};
  holds.add(hold);
  changed();
  return () => {
    if (holds.delete(hold)) changed();
  };
}

/** What registration waits on: each returns a function that cancels what it scheduled. */
export type Schedule = {
  /** Calls `fn` once the window's load event has fired (soon, if it has). */
  afterLoad(fn: () => void): () => void;
  whenIdle(fn: () => void): () => void;
  after(ms: number, fn: () => void): () => void;
};

const browserSchedule: Schedule = {
  afterLoad(fn) {
    if (document.readyState === "complete") return browserSchedule.after(0, fn);
    window.addEventListener("load", fn, { once: true });
    return () => window.removeEventListener("load", fn);
  },
  whenIdle(fn) {
    if (typeof requestIdleCallback !== "function") return browserSchedule.after(200, fn);
    const id = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  },
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/**
 * Calls `register` once the page has settled (see above), once; the returned function cancels it
 * if it has not been called yet (the component asking unmounted).
 */
export function registerWhenSettled(register: () => void, schedule: Schedule = browserSchedule): () => void {
  let done = false;
  let loaded = false;
  let idle: (() => void) | null = null;
  const cancelIdle = () => {
    idle?.();
    idle = null;
  };
  const check = () => {
    if (done || !loaded) return;
    if (holds.size) cancelIdle();
    else idle ??= schedule.whenIdle(go);
  };
  const cancelLoad = schedule.afterLoad(() => {
    loaded = true;
    check();
  });
  const cancelCap = schedule.after(MAX_WAIT_MS, () => go());
  const stop = () => {
    done = true;
    listeners.delete(check);
    cancelLoad();
    cancelCap();
    cancelIdle();
  };
  function go() {
    if (done) return;
    stop();
    register();
  }
  listeners.add(check);
  return stop;
}
