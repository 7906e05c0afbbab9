/** Asks how dealers were contacted outside Rowpilot before marking them as contacted manually. */
import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useId, useState } from "react";
import { OverrideRequest } from "../../../schema/projects";
import { Button, cn } from "../../components/ui";

type Props = {
  /** Whom it is about: "Crescent Chevrolet", or "3 dealerships". */
  who: string | null;
  onClose: () => void;
  /** Saves the note; rejects with a message to show. */
  onSave: (note: string) => Promise<void>;
};

export function OverrideDialog({ who, onClose, onSave }: Props) {
  const id = useId();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = OverrideRequest.shape.note.safeParse(note);
    if (!parsed.success) return setProblem(`Note: ${parsed.error.issues[0]?.message ?? "is not valid"}`);
    setBusy(true);
    try {
      await onSave(parsed.data);
      setNote("");
      setProblem(null);
      onClose();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open={who !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,440px)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-[15px] font-semibold">Mark {who} as contacted manually</Dialog.Title>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            For dealers you reached yourself (a call, an email). The automation skips them from now on.
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 flex flex-col gap-1.5">
            <label htmlFor={id} className="text-[13px] font-medium">
              Note
            </label>
            <textarea
              id={id}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
              maxLength={2000}
              autoFocus
              placeholder="Called the sales desk on Tuesday; spoke to Maria."
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
              }}
              className={cn(
                "rounded-md border border-line bg-surface px-3 py-2 text-[13px] focus:border-accent focus:outline-none",
                problem && "border-danger",
              )}
            />
            {problem ? (
              <span id={`${id}-problem`} role="alert" className="text-xs text-danger">
                {problem}
              </span>
            ) : null}
            <div className="mt-4 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary" disabled={busy}>
                {busy ? "Saving…" : "Mark as contacted"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
