/** Reading something again every few seconds while the page is visible (the builder's live counts). */
import { useEffect, useRef, useState } from "react";

/** How often the builder reads the journey's counts: often enough to watch a compressed journey move. */
export const LIVE_POLL_MS = 3_000;

export function usePolled<T>(read: () => Promise<T>, everyMs = LIVE_POLL_MS) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(read);
  latest.current = read;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` restarts the loop at once when the page becomes visible again
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (document.visibilityState === "visible") {
        try {
          const next = await latest.current();
          if (live) {
            setValue(next);
            setError(null);
          }
        } catch (e) {
          if (live) setError(e instanceof Error ? e.message : String(e));
        }
      }
      if (live) timer = setTimeout(run, everyMs);
    };
    void run();
    const wake = () => document.visibilityState === "visible" && setTick((n) => n + 1);
    document.addEventListener("visibilitychange", wake);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [everyMs, tick]);
  return { value, error, refresh: () => setTick((n) => n + 1) };
}
