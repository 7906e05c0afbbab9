/**
 * Whether the app has a network: the browser's word (`navigator.onLine`, which stays true where
 * only its own emulation or a dead uplink cuts the network), and the app's own, since a page's
 * data that could not be fetched (`serverOrKept`) says the server is out of reach until a fetch
 * gets through again or the browser says it is back online.
 */
import { useSyncExternalStore } from "react";

let unreachable = false;
const listeners = new Set<() => void>();

function set(value: boolean) {
  if (unreachable === value) return;
  unreachable = value;
  for (const changed of listeners) changed();
}

/** A fetch of the app's server failed for want of a network. */
export const markUnreachable = () => set(true);
/** A fetch of the app's server got an answer. */
export const markReachable = () => set(false);

function subscribe(changed: () => void) {
  const back = () => {
    set(false);
    changed();
  };
  listeners.add(changed);
  window.addEventListener("online", back);
  window.addEventListener("offline", changed);
  return () => {
    listeners.delete(changed);
    window.removeEventListener("online", back);
    window.removeEventListener("offline", changed);
  };
}

/** Online while the server renders and the page hydrates (as the server's HTML was), then the browser's and the app's word. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine && !unreachable,
    () => true,
  );
}
