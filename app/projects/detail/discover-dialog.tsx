/** "Find dealerships": pick where they come from (a CSV file too) and add them to the project. */
import * as Dialog from "@radix-ui/react-dialog";
import { Search } from "lucide-react";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { DiscoverRequest, DiscoverResult, DiscoverySource } from "../../../schema/projects";
import { Button, Notice, Select } from "../../components/ui";

const SOURCES: Record<DiscoverySource, { label: string; hint: string }> = {
  sample: {
    label: "Sample directory (offline demo)",
    hint: "Fictional dealers around major US cities, for trying Rowpilot out. Their sites are demo pages.",
  },
  overpass: { label: "OpenStreetMap", hint: "Real dealers from OpenStreetMap; coverage varies by area." },
  outscraper: { label: "Outscraper", hint: "Google Maps data through Outscraper; uses the key saved in Settings." },
  google: { label: "Google Places", hint: "Uses the Google Places key saved in Settings." },
  csv: {
    label: "CSV upload",
    hint: "Columns: name, makes, address, city, state, zip, phone, website, latitude, longitude.",
  },
};

type Props = {
  /** Finds and adds them; rejects with a message to show. */
  onDiscover: (request: DiscoverRequest) => Promise<DiscoverResult>;
  trigger: ReactNode;
};

export function DiscoverDialog({ onDiscover, trigger }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<DiscoverySource>("sample");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (source === "csv" && !file) return setProblem("Choose a CSV file first.");
    setBusy(true);
    setProblem(null);
    try {
      await onDiscover({ source, csv: source === "csv" && file ? await file.text() : undefined });
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
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,460px)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-[15px] font-semibold">Find dealerships</Dialog.Title>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            Dealers of the project's makes within its radius are added as pending. Running it again adds only new ones.
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 flex flex-col gap-3">
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${id}-source`} className="text-[13px] font-medium">
                Source
              </label>
              <Select
                id={`${id}-source`}
                value={source}
                onChange={(e) => setSource(e.target.value as DiscoverySource)}
                aria-describedby={`${id}-hint`}
              >
                {(Object.keys(SOURCES) as DiscoverySource[]).map((s) => (
                  <option key={s} value={s}>
                    {SOURCES[s].label}
                  </option>
                ))}
              </Select>
              <span id={`${id}-hint`} className="text-xs text-muted">
                {SOURCES[source].hint}
              </span>
            </div>
            {source === "csv" ? (
              <div className="flex flex-col gap-1.5">
                <label htmlFor={`${id}-file`} className="text-[13px] font-medium">
                  CSV file
                </label>
                <input
                  id={`${id}-file`}
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  className="text-[13px] file:mr-3 file:rounded-md file:border file:border-line file:bg-surface-2 file:px-3 file:py-1.5 file:text-[13px] file:text-fg"
                />
              </div>
            ) : null}
            {problem ? <Notice tone="error">{problem}</Notice> : null}
            <div className="mt-2 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary" disabled={busy}>
                <Search className="h-4 w-4" aria-hidden /> {busy ? "Searching…" : "Find dealerships"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
