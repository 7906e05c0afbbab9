/** The builder's header: name, status, version, save state, and Save / Publish / status / Enroll / Test run. */
import { Check, FlaskConical, Send, UserPlus } from "lucide-react";
import type { JourneyStatus } from "../../schema/journeys";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Button } from "../components/ui";
import { StatusChip } from "./status-chip";
import type { SaveState } from "./use-draft";

const SAVE_WORDS: Record<SaveState, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  failed: "Not saved",
};

export function Toolbar(props: {
  name: string;
  status: JourneyStatus;
  version: number;
  saveState: SaveState;
  busy: boolean;
  canWrite: boolean;
  onSave: () => void;
  onPublish: () => void;
  onStatus: (status: JourneyStatus) => void;
  onEnroll: () => void;
  onTest: () => void;
}) {
  const { status, version, saveState, busy, canWrite } = props;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex min-w-0 items-center gap-2">
        <h1 className="truncate text-lg font-semibold tracking-tight">{props.name || "Untitled journey"}</h1>
        <StatusChip status={status} />
        <span className="text-xs text-muted">{version > 0 ? `version ${version}` : "never published"}</span>
        <span role="status" className="flex items-center gap-1 text-xs text-muted">
          {saveState === "saved" ? <Check className="h-3.5 w-3.5 text-success" aria-hidden /> : null}
          {SAVE_WORDS[saveState]}
        </span>
      </div>
      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={props.onTest}>
            <FlaskConical className="h-4 w-4" aria-hidden /> Test run
          </Button>
          <Button onClick={props.onSave} disabled={busy || saveState === "saved"}>
            Save
          </Button>
          <Button variant="primary" onClick={props.onPublish} disabled={busy || status === "archived"}>
            <Send className="h-4 w-4" aria-hidden /> Publish
          </Button>
          {status === "active" ? <Button onClick={() => props.onStatus("paused")}>Pause</Button> : null}
          {(status === "paused" || status === "draft") && version > 0 ? (
            <Button onClick={() => props.onStatus("active")}>Activate</Button>
          ) : null}
          {status !== "archived" ? (
            <ConfirmDialog
              trigger={<Button variant="danger">Archive</Button>}
              title="Archive this journey?"
              body="No new leads enter it; leads already inside finish their way. It leaves the journeys list's active ones."
              action="Archive"
              onConfirm={() => props.onStatus("archived")}
            />
          ) : null}
          <Button onClick={props.onEnroll} disabled={version === 0 || status !== "active"}>
            <UserPlus className="h-4 w-4" aria-hidden /> Enroll
          </Button>
        </div>
      ) : null}
    </div>
  );
}
