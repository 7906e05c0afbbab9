import { afterEach, describe, expect, it } from "vitest";
import { holdServiceWorker, MAX_WAIT_MS, registerWhenSettled, type Schedule } from "./service-worker";

/** A schedule the test drives: the window's load, the browser going idle, the clock. */
function manual() {
  let onLoad: (() => void) | null = null;
  let onIdle: (() => void) | null = null;
  const timers: { at: number; fn: () => void }[] = [];
  let now = 0;
  const schedule: Schedule = {
    afterLoad(fn) {
      onLoad = fn;
      return () => {
        onLoad = null;
      };
    },
    whenIdle(fn) {
      onIdle = fn;
      return () => {
        onIdle = null;
      };
    },
    after(ms, fn) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer) >>> 0, 1);
    },
  };
  return {
    schedule,
    load: () => onLoad?.(),
    idle: () => {
      const fn = onIdle;
      onIdle = null;
      fn?.();
    },
    idleScheduled: () => onIdle !== null,
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        const at = timers.indexOf(timer);
        if (at < 0) continue; // cancelled by a timer that fired before it
        timers.splice(at, 1);
        timer.fn();
      }
    },
  };
}

const releases: (() => void)[] = [];
const hold = () => {
  const release = holdServiceWorker();
  releases.push(release);
  return release;
};
afterEach(() => {
  for (const release of releases.splice(0)) release();
});

describe("registering the service worker once the page has settled", () => {
  it("waits for the window's load and an idle moment", () => {
    const clock = manual();
    let registered = 0;
    registerWhenSettled(() => registered++, clock.schedule);
    clock.idle();
    expect(registered).toBe(0);
    clock.load();
    expect(registered).toBe(0);
    clock.idle();
    expect(registered).toBe(1);
  });

  it("waits while a page holds it (a table whose rows are loading), and registers once released", () => {
    const clock = manual();
    let registered = 0;
    const release = hold();
    registerWhenSettled(() => registered++, clock.schedule);
    clock.load();
    expect(clock.idleScheduled()).toBe(false);
    clock.advance(MAX_WAIT_MS - 1);
    expect(registered).toBe(0);
    release();
    clock.idle();
    expect(registered).toBe(1);
  });

  it("does not register in an idle moment asked for before a page took hold", () => {
    const clock = manual();
    let registered = 0;
    registerWhenSettled(() => registered++, clock.schedule);
    clock.load();
    expect(clock.idleScheduled()).toBe(true);
    const release = hold();
    clock.idle();
    expect(registered).toBe(0);
    release();
    clock.idle();
    expect(registered).toBe(1);
  });

  it("registers after MAX_WAIT_MS whatever holds it, and only once", () => {
    const clock = manual();
    let registered = 0;
    hold();
    registerWhenSettled(() => registered++, clock.schedule);
    clock.advance(MAX_WAIT_MS);
    expect(registered).toBe(1);
    for (const release of releases.splice(0)) release();
    clock.load();
    clock.idle();
    clock.advance(MAX_WAIT_MS);
    expect(registered).toBe(1);
  });

  it("never registers once cancelled", () => {
    const clock = manual();
    let registered = 0;
    const cancel = registerWhenSettled(() => registered++, clock.schedule);
    clock.load();
    cancel();
    clock.idle();
    clock.advance(MAX_WAIT_MS);
    expect(registered).toBe(0);
  });
});
