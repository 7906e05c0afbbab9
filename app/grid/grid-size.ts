/**
 * The grid's size before the browser can measure it (server rendering and hydration). The page
 * draws only the rows and columns that fit this size, so it should be the reader's own grid: once
 * measured, the browser keeps it in a cookie that the next page load is rendered for. A first
 * visit assumes the grid of a 1,440 × 900 window (the sidebar and the header take the rest).
 */
import { type RefObject, useEffect } from "react";

export type GridSize = { width: number; height: number };

export const GRID_SIZE_COOKIE = "rowpilot-grid";
export const DEFAULT_GRID_SIZE: GridSize = { width: 1193, height: 723 };
/** Sizes outside this range are not a grid on a screen: the default stands instead. */
const SMALLEST = 120;
const LARGEST = 8_000;
/** A resize settles before the cookie is written again. */
const WRITE_AFTER_MS = 500;

const COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${GRID_SIZE_COOKIE}=(\\d{1,5})x(\\d{1,5})(?:;|$)`);

/** The size a request's cookies remember, or the default. */
export function gridSizeFrom(cookieHeader: string | null): GridSize {
  const match = cookieHeader ? COOKIE_VALUE.exec(cookieHeader) : null;
  if (!match) return DEFAULT_GRID_SIZE;
  const [width, height] = [Number(match[1]), Number(match[2])];
  const fits = (n: number) => n >= SMALLEST && n <= LARGEST;
  return fits(width) && fits(height) ? { width, height } : DEFAULT_GRID_SIZE;
}

/** A year, in milliseconds: a window's size outlives any one session. */
const KEEP_MS = 365 * 24 * 3600 * 1000;

/** Keeps the grid's measured size in the cookie while the page is open (`rendered` is what this page assumed). */
export function useRememberedGridSize(scroller: RefObject<HTMLElement | null>, rendered: GridSize) {
  useEffect(() => {
    const el = scroller.current;
    // Without the Cookie Store API (older Safari and Firefox) pages keep assuming the default.
    if (!el || typeof ResizeObserver === "undefined" || typeof cookieStore === "undefined") return;
    let written = `${rendered.width}x${rendered.height}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const size = { width: el.clientWidth, height: el.clientHeight };
      const value = `${Math.round(size.width)}x${Math.round(size.height)}`;
      if (value === written || size.width < SMALLEST || size.height < SMALLEST) return;
      written = value;
      cookieStore
        .set({ name: GRID_SIZE_COOKIE, value, path: "/", expires: Date.now() + KEEP_MS, sameSite: "lax" })
        // A refused write (storage off, a sandboxed frame) only means the next page assumes the default.
        .catch(() => {});
    };
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_AFTER_MS);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [scroller, rendered.width, rendered.height]);
}
