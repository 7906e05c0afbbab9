/**
 * An attachment cell: thumbnails of its images and a count of its files; opening it shows a
 * viewer (images large, one at a time, with arrows) where editors add files and remove them.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, FileText, Paperclip, Trash2, Upload, X } from "lucide-react";
import { useState } from "react";
import { type Attachment, attachmentsOf, attachmentUrl, isImage, MAX_ATTACHMENT_BYTES } from "../../schema/attachments";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { Button } from "../components/ui";
import { ApiError, apiJson } from "../lib/api-client";

type Props = {
  tableId: string;
  column: ColumnDef;
  value: CellValue | undefined;
  readOnly: boolean;
  /** Writes the cell's new list of attachments. */
  onChange: (files: Attachment[]) => void;
};

function uploadFile(tableId: string, file: File): Promise<Attachment> {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return Promise.reject(new ApiError(413, `${file.name} is over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`));
  const path = `/api/tables/${encodeURIComponent(tableId)}/files?name=${encodeURIComponent(file.name)}`;
  return apiJson<Attachment>(path, { method: "POST", file });
}

export function AttachmentCell({ tableId, column, value, readOnly, onChange }: Props) {
  const files = attachmentsOf(value);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = files[Math.min(shown, files.length - 1)];

  const add = async (picked: FileList | null) => {
    if (!picked?.length) return;
    setBusy(true);
    setProblem(null);
    const added: Attachment[] = [];
    for (const file of picked) {
      try {
        added.push(await uploadFile(tableId, file));
      } catch (error) {
        setProblem((error as Error).message);
      }
    }
    if (added.length) onChange([...files, ...added]);
    setBusy(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        aria-label={`${column.name}: ${files.length} file${files.length === 1 ? "" : "s"}`}
        onMouseDown={(e) => e.stopPropagation()}
        className="flex h-full min-w-0 items-center gap-1"
      >
        {files.length === 0 ? (
          <Paperclip className="h-3.5 w-3.5 text-muted opacity-0 group-hover:opacity-100" aria-hidden />
        ) : (
          files
            .slice(0, 4)
            .map((f) =>
              isImage(f) ? (
                <img
                  key={f.key}
                  src={attachmentUrl(tableId, f.key)}
                  alt={f.name}
                  className="h-6 w-8 rounded border border-line object-cover"
                  loading="lazy"
                />
              ) : (
                <FileText key={f.key} className="h-4 w-4 text-muted" aria-label={f.name} />
              ),
            )
        )}
        {files.length > 4 ? <span className="text-xs text-muted">+{files.length - 4}</span> : null}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[92vh] w-[min(94vw,960px)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-xl">
          <div className="flex items-center justify-between gap-3">
            <Dialog.Title className="truncate text-[15px] font-semibold">
              {column.name}
              {current ? ` · ${current.name}` : ""}
            </Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2">
              <X className="h-4 w-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">The files in this cell</Dialog.Description>
          <div className="relative grid min-h-64 flex-1 place-items-center overflow-auto rounded bg-surface-2">
            {!current ? (
              <p className="text-[13px] text-muted">No files yet.{readOnly ? "" : " Add one below."}</p>
            ) : isImage(current) ? (
              <img
                src={attachmentUrl(tableId, current.key)}
                alt={current.name}
                className="max-h-[70vh] max-w-full object-contain"
              />
            ) : (
              <a href={attachmentUrl(tableId, current.key)} className="flex items-center gap-2 text-accent underline">
                <FileText className="h-5 w-5" aria-hidden /> Download {current.name}
              </a>
            )}
            {files.length > 1 ? (
              <>
                <button
                  type="button"
                  aria-label="Previous file"
                  onClick={() => setShown((i) => (i + files.length - 1) % files.length)}
                  className="absolute left-2 rounded-full bg-surface p-1.5 shadow"
                >
                  <ChevronLeft className="h-4 w-4" />
                </button>
                <button
                  type="button"
                  aria-label="Next file"
                  onClick={() => setShown((i) => (i + 1) % files.length)}
                  className="absolute right-2 rounded-full bg-surface p-1.5 shadow"
                >
                  <ChevronRight className="h-4 w-4" />
                </button>
              </>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-[13px]">
            <span className="text-muted">
              {files.length ? `${Math.min(shown, files.length - 1) + 1} of ${files.length}` : ""}
              {current ? ` · ${(current.size / 1024).toFixed(0)} KB` : ""}
            </span>
            {problem ? (
              <span role="alert" className="text-danger">
                {problem}
              </span>
            ) : null}
            {readOnly ? null : (
              <span className="flex gap-2">
                {current ? (
                  <Button variant="danger" onClick={() => onChange(files.filter((f) => f.key !== current.key))}>
                    <Trash2 className="h-4 w-4" aria-hidden /> Remove
                  </Button>
                ) : null}
                <label className="inline-flex h-9 cursor-pointer items-center gap-1.5 rounded-md border border-transparent bg-accent px-3 font-medium text-accent-fg hover:bg-accent-hover">
                  <Upload className="h-4 w-4" aria-hidden /> {busy ? "Uploading…" : "Add files"}
                  <input
                    type="file"
                    multiple
                    className="sr-only"
                    aria-label="Add files"
                    disabled={busy}
                    onChange={(e) => void add(e.target.files)}
                  />
                </label>
              </span>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
