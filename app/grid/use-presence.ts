/** Presence through awareness: who else is on this table and which cell each has selected. */
import { useCallback, useEffect, useState } from "react";
import type { TableSync } from "../../sync/provider";
import type { Peer } from "./grid-row";

const COLORS = ["#e11d48", "#0891b2", "#16a34a", "#d97706", "#7c3aed", "#db2777", "#2563eb", "#65a30d"];

export function colorFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

type State = {
  user?: { id: string; name: string; color: string };
  cell?: { rowId: string | null; colId: string | null };
};

export function usePresence(sync: TableSync | null, me: { id: string; name: string }) {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!sync) return;
    const { awareness } = sync;
    awareness.setLocalStateField("user", { id: me.id, name: me.name, color: colorFor(me.id) });
    const read = () => {
      const out: Peer[] = [];
      for (const [clientId, state] of awareness.getStates() as Map<number, State>) {
        if (clientId === awareness.clientID || !state.user) continue;
        out.push({
          clientId,
          name: state.user.name,
          color: state.user.color,
          rowId: state.cell?.rowId ?? null,
          colId: state.cell?.colId ?? null,
        });
      }
      setPeers(out);
    };
    awareness.on("change", read);
    read();
    return () => awareness.off("change", read);
  }, [sync, me.id, me.name]);
  // One function for the page's life, and a message only when the cell really changed: every
  // awareness update goes to every collaborator.
  const select = useCallback(
    (rowId: string | null, colId: string | null) => {
      if (!sync) return;
      const cell = (sync.awareness.getLocalState() as State | null)?.cell;
      if (cell?.rowId === rowId && cell?.colId === colId) return;
      sync.awareness.setLocalStateField("cell", { rowId, colId });
    },
    [sync],
  );
  return { peers, select };
}
