/**
 * Updates from the server, applied in the order they came, but not while someone is using the
 * page. Applying a block's first load (1,000 rows) takes 100–150 ms of the main thread on a slow
 * laptop; a table of 20 blocks arrives as 20 of them back to back, and a click, the arrow key after
 * it and the frame that shows the move each waited behind one. The inbox holds large updates back
 * while `holdBack` says the person is active, and never longer than MAX_HOLD_MS. Once large updates
 * are seen to apply quickly (SHORT_APPLY_MS: a block of rows kept in their bases takes ~20 ms on
 * a 2-core machine), they no longer wait: a key behind one waits less than a long task.
 */

/** An update this large is a block's first load or a big paste, not a collaborator's keystroke. */
export const LARGE_UPDATE_BYTES = 32 * 1024;
/** A large update applied within this no longer holds the next ones back (a long task is 50 ms). */
export const SHORT_APPLY_MS = 50;
/** How long after the last click, key or wheel the page counts as in use. */
export const QUIET_MS = 300;
/** Loading waits at most this long for a pause (someone scrolling without stop). */
export const MAX_HOLD_MS = 2_000;

/** `hold`: whether the job, once first, still waits for a pause in the person's input. */
type Job = { run: () => void; since: number; hold: boolean };

export type InboxOptions = {
  /** The clock applies are timed by. */
  now?: () => number;
};

export class Inbox {
  private readonly jobs: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Ms the last large update took to apply; unknown (so held) until one has. */
  private lastLargeMs = Number.POSITIVE_INFINITY;
  private readonly now: () => number;

  /** `holdBack` gives the ms to wait before the next large update (0: go); none applies everything at once. */
  constructor(
    private readonly holdBack?: () => number,
    { now = () => performance.now() }: InboxOptions = {},
  ) {
    this.now = now;
  }

  /**
   * Runs `apply` now, or after what came before it once the page is quiet. `later` runs it in a
   * task of its own as soon as what came before it has run, whatever the person is doing: updates
   * the page is waiting for, replayed from inside other work (the page's hydration, which a click
   * would otherwise wait behind as well).
   */
  push(apply: () => void, bytes: number, later = false): void {
    const large = !later && bytes >= LARGE_UPDATE_BYTES;
    const run = large ? () => this.timed(apply) : apply;
    if (!later && !this.jobs.length && (!this.holdBack || !large || this.holdBack() <= 0)) {
      run();
      return;
    }
    // A small change queued behind others waits only for them.
    this.jobs.push({ run, since: Date.now(), hold: large });
    this.schedule();
  }

  /** Runs a large update, timing it; one that throws proves nothing about the next ones' cost. */
  private timed(apply: () => void): void {
    const started = this.now();
    try {
      apply();
    } catch (error) {
      this.lastLargeMs = Number.POSITIVE_INFINITY;
      throw error;
    }
    this.lastLargeMs = this.now() - started;
  }

  /** Updates waiting. */
  get size(): number {
    return this.jobs.length;
  }

  /** Drops what waits (the connection is being destroyed). */
  clear(): void {
    this.jobs.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || !this.jobs.length) return;
    // One update a task: whatever the person does next runs between two of them.
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        if (this.wait() <= 0) this.jobs.shift()?.run();
      } finally {
        // An update that threw (a broken observer) does not stop the ones behind it.
        this.schedule();
      }
    }, this.wait());
  }

  /** Ms the first job should still wait: while the page is in use, up to MAX_HOLD_MS after it came. */
  private wait(): number {
    const first = this.jobs[0];
    if (!first?.hold || this.lastLargeMs < SHORT_APPLY_MS) return 0;
    return Math.max(0, Math.min(this.holdBack?.() ?? 0, first.since + MAX_HOLD_MS - Date.now()));
  }
}

/**
 * How long loading stops giving way to input once the person has asked for something it blocks:
 * long enough for a 20-block table to arrive on a slow laptop (about 5 s).
 */
export const WAITING_MS = 10_000;

let lastInput = Number.NEGATIVE_INFINITY;
let listening = false;
let waitingUntil = Number.NEGATIVE_INFINITY;

/**
 * For the browser: the person asked for something that needs rows still loading (an edit the grid
 * refused). For WAITING_MS their clicks and keys no longer hold loading back: they are waiting for
 * it, and each try to type would otherwise put it off.
 */
export function waitingForLoad(): void {
  waitingUntil = performance.now() + WAITING_MS;
}

/**
 * For the browser: ms until QUIET_MS have passed since the last click, key, touch or wheel on the
 * page; 0 while the person waits for loading (`waitingForLoad`).
 */
export function inputHoldBack(): number {
  if (!listening && typeof window !== "undefined") {
    listening = true;
    const seen = () => {
      lastInput = performance.now();
    };
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart"])
      window.addEventListener(type, seen, { capture: true, passive: true });
  }
  if (performance.now() < waitingUntil) return 0;
  return Math.max(0, lastInput + QUIET_MS - performance.now());
}
