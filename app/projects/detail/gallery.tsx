/**
 * Screenshots as thumbnails; one opens large in a dialog with its dealer and status, and the
 * arrow keys (or buttons) move between them.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useState } from "react";
import { attachmentUrl, isImage } from "../../../schema/attachments";
import type { ContactStatus, DealershipRecord } from "../../../schema/projects";
import { cn } from "../../components/ui";
import { ContactStatusChip } from "../chips";

export type Shot = { key: string; src: string; name: string; dealer: string; status: ContactStatus };

/** Every image screenshot of the dealerships' latest attempts, in the dealerships' order. */
export function shotsOf(dealerships: DealershipRecord[], tableId: string): Shot[] {
  return dealerships.flatMap((d) =>
    d.screenshots.filter(isImage).map((s) => ({
      key: s.key,
      src: attachmentUrl(tableId, s.key),
      name: s.name,
      dealer: d.name,
      status: d.status,
    })),
  );
}

export function Gallery({ shots, label, small = false }: { shots: Shot[]; label: string; small?: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const current = open === null ? undefined : shots[open];
  const move = (by: number) => setOpen((i) => (i === null ? i : (i + by + shots.length) % shots.length));
  return (
    <>
      <ul
        aria-label={label}
        className={cn(
          "grid gap-2",
          small ? "grid-cols-[repeat(auto-fill,minmax(88px,1fr))]" : "grid-cols-[repeat(auto-fill,minmax(150px,1fr))]",
        )}
      >
        {shots.map((shot, i) => (
          <li key={shot.key}>
            <button
              type="button"
              onClick={() => setOpen(i)}
              className="group flex w-full flex-col gap-1 text-left"
              aria-label={`Open screenshot of ${shot.dealer}: ${shot.name}`}
            >
              <img
                src={shot.src}
                alt=""
                loading="lazy"
                className={cn(
                  "w-full rounded border border-line bg-surface-2 object-cover object-top group-hover:border-accent",
                  small ? "h-14" : "h-24",
                )}
              />
              {small ? null : <span className="truncate text-xs text-muted">{shot.dealer}</span>}
            </button>
          </li>
        ))}
      </ul>
      <Dialog.Root open={current !== undefined} onOpenChange={(o) => !o && setOpen(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
          <Dialog.Content
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(1);
              else if (e.key === "ArrowLeft") move(-1);
            }}
            className="fixed top-1/2 left-1/2 z-50 flex max-h-[92vh] w-[min(94vw,1000px)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-xl"
          >
            {current ? (
              <>
                <div className="flex items-center justify-between gap-3">
                  <Dialog.Title className="flex min-w-0 items-center gap-2 text-[15px] font-semibold">
                    <span className="truncate">{current.dealer}</span>
                    <ContactStatusChip status={current.status} />
                  </Dialog.Title>
                  <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
                    <X className="h-4 w-4" />
                  </Dialog.Close>
                </div>
                <Dialog.Description className="text-xs text-muted">
                  {current.name} · {(open ?? 0) + 1} of {shots.length}
                  {shots.length > 1 ? " · ← → to move" : ""}
                </Dialog.Description>
                <div className="relative grid min-h-64 flex-1 place-items-center overflow-auto rounded bg-surface-2">
                  <img
                    src={current.src}
                    alt={`${current.dealer}: ${current.name}`}
                    className="max-h-[72vh] max-w-full object-contain"
                  />
                  {shots.length > 1 ? (
                    <>
                      <button
                        type="button"
                        aria-label="Previous screenshot"
                        onClick={() => move(-1)}
                        className="absolute left-2 rounded-full bg-surface p-1.5 shadow"
                      >
                        <ChevronLeft className="h-4 w-4" />
                      </button>
                      <button
                        type="button"
                        aria-label="Next screenshot"
                        onClick={() => move(1)}
                        className="absolute right-2 rounded-full bg-surface p-1.5 shadow"
                      >
                        <ChevronRight className="h-4 w-4" />
                      </button>
                    </>
                  ) : null}
                </div>
              </>
            ) : null}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
