/**
 * The builder's draft: edits kept in the page until saved (PUT), whether it changed since, and a
 * warning before leaving with unsaved changes (another page in the app, or closing the tab).
 */
import { useEffect, useState } from "react";
import { useBlocker } from "react-router";
import type { JourneyDefinition } from "../../schema/journeys";
import type { journeyClient } from "./api";
import { checkDraft } from "./draft-check";

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

export function useDraft(client: ReturnType<typeof journeyClient>, initial: JourneyDefinition) {
  const [def, setDef] = useState(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ node: string | null; message: string } | null>(null);
  const dirty = JSON.stringify(def) !== saved;

  /** Saves the draft; false (with the reason in `error`) when it could not be. */
  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    const checked = checkDraft(def);
    if (!checked.ok) {
      setError({ node: checked.node, message: checked.message });
      return false;
    }
    setSaving(true);
    setError(null);
    try {
      await client.save(checked.def);
      setSaved(JSON.stringify(def));
      return true;
    } catch (e) {
      setError({ node: null, message: `Could not save: ${(e as Error).message}` });
      return false;
    } finally {
      setSaving(false);
    }
  };

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  const state: SaveState = saving ? "saving" : error && dirty ? "failed" : dirty ? "unsaved" : "saved";
  return { def, update: setDef, save, dirty, state, error, blocker };
}
