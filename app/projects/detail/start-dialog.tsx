/** "Start automation": says what will happen, offers a dry run, and starts. */
import * as Dialog from "@radix-ui/react-dialog";
import { Play } from "lucide-react";
import { type ReactNode, useState } from "react";
import type { ProjectDetail } from "../../../schema/projects";
import { Button, Notice } from "../../components/ui";

type Props = {
  project: ProjectDetail;
  trigger: ReactNode;
  onStart: (dryRun: boolean) => Promise<void>;
};

export function StartDialog({ project, trigger, onStart }: Props) {
  const [open, setOpen] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { counts, settings } = project;
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onStart(dryRun);
      setOpen(false);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setProblem(null);
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,440px)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-[15px] font-semibold">Start automation</Dialog.Title>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            {counts.pending.toLocaleString()} pending dealership{counts.pending === 1 ? "" : "s"} will be contacted
            through their websites' forms, {settings.concurrency} at a time in batches of {settings.batchSize}. You can
            stop at any time.
          </Dialog.Description>
          <label className="mt-4 flex items-start gap-2 text-[13px]">
            <input type="checkbox" className="mt-0.5" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
            <span>
              <span className="font-medium">Dry run: fill and screenshot without sending</span>
              <span className="block text-xs text-muted">
                Check how the forms get filled before anything reaches a dealer.
              </span>
            </span>
          </label>
          {problem ? (
            <div className="mt-3">
              <Notice tone="error">{problem}</Notice>
            </div>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button>Cancel</Button>
            </Dialog.Close>
            <Button variant="primary" onClick={() => void start()} disabled={busy}>
              <Play className="h-4 w-4" aria-hidden /> {busy ? "Starting…" : dryRun ? "Start dry run" : "Start sending"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
