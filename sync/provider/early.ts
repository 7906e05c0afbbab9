/**
 * A table's sync socket opened by its page's HTML, before the page's scripts have loaded: an
 * inline script (`earlySocketScript`) connects and asks for the docs the page needs first (the
 * manifest and the blocks of the rows served with it), and keeps what the server sends until the
 * page's `TableSync` takes the socket over (`takeEarlySocket`, a task after the page has hydrated).
 * The table's first rows can then be edited as soon as that, not a round trip and a block's load after.
 */
import { LAYOUT_VERSION } from "../layout";
import { encodeFrame, encodeMessage } from "../protocol";

/** The state vector of an empty doc (`Y.encodeStateVector(new Y.Doc())`): "send me everything". */
const NOTHING_YET = new Uint8Array([0]);

/** A socket nobody took in this time (the page failed to hydrate) is closed. */
const UNCLAIMED_MS = 15_000;

const HANDOVER = "__rowpilotEarlySocket";

export type EarlySocket = {
  tableId: string;
  socket: WebSocket;
  /** What the server sent so far, in order. */
  held: ArrayBuffer[];
  /** The docs asked for once the socket opened; null while it is still connecting. */
  asked: string[] | null;
};

declare global {
  interface Window {
    [HANDOVER]?: EarlySocket;
  }
}

/** Runs in the page as the inline script: serialized, so it may use only its arguments. */
function openEarly(
  handover: string,
  tableId: string,
  layout: number,
  docs: string[],
  frames: number[][],
  unclaimedMs: number,
) {
  try {
    const socket = new WebSocket(
      `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync/${tableId}?layout=${layout}`,
    );
    socket.binaryType = "arraybuffer";
    const early = { tableId, socket, held: [] as ArrayBuffer[], asked: null as string[] | null };
    socket.onopen = () => {
      for (const frame of frames) socket.send(new Uint8Array(frame));
      early.asked = docs;
    };
    socket.onmessage = (event) => early.held.push(event.data);
    const page = window as unknown as Record<string, unknown>;
    page[handover] = early;
    setTimeout(() => {
      if (page[handover] !== early) return;
      delete page[handover];
      socket.close();
    }, unclaimedMs);
  } catch {
    // No socket now (a blocked or malformed address): the page connects as it would have.
  }
}

/** The frames that ask the server for the whole of each of `docs` (sync step 1 from nothing). */
export function askFrames(docs: readonly string[]): Uint8Array[] {
  return docs.map((doc) => encodeFrame(doc, encodeMessage({ type: "sync-step-1", stateVector: NOTHING_YET })));
}

/** The inline script that opens table `tableId`'s socket and asks for `docs`. */
export function earlySocketScript(tableId: string, docs: readonly string[]): string {
  const frames = askFrames(docs).map((frame) => [...frame]);
  // `<` escaped: nothing in the arguments can end the script element.
  const args = [HANDOVER, tableId, LAYOUT_VERSION, docs, frames, UNCLAIMED_MS]
    .map((a) => JSON.stringify(a).replaceAll("<", "\\u003c"))
    .join(",");
  return `(${openEarly.toString()})(${args})`;
}

/** The socket the page opened for table `tableId`, once (another table's is left for it). */
export function takeEarlySocket(tableId: string): EarlySocket | null {
  if (typeof window === "undefined") return null;
  const early = window[HANDOVER];
  if (early?.tableId !== tableId) return null;
  delete window[HANDOVER];
  return early;
}
