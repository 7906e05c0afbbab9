/**
 * Step 4: the message, with buttons that insert each placeholder at the cursor and a preview
 * filled in for a sample dealer by the same `renderMessage` the contact jobs use.
 */
import { useId, useRef } from "react";
import {
  MESSAGE_PLACEHOLDERS,
  type MessageContext,
  type Placeholder,
  renderMessage,
  unknownPlaceholders,
} from "../../../schema/message-template";
import { cn } from "../../components/ui";
import type { Draft } from "./draft";
import { FieldError, StepIntro } from "./fields";
import type { StepProps } from "./step-project";

/** The dealer the preview writes to: fictional, of the first make the project asks for. */
export function sampleContext(draft: Draft): MessageContext {
  const make = draft.makes[0] ?? "Chevrolet";
  return {
    dealership: { name: `Crescent ${make}`, city: "Springfield" },
    makes: draft.makes.length ? draft.makes.slice(0, 2) : [make],
    sender: {
      firstName: draft.firstName,
      lastName: draft.lastName,
      email: draft.email,
      phone: draft.phone,
      zip: draft.senderZip,
    },
    project: { name: draft.name },
  };
}

/** The preview with what is left of unknown placeholders marked, so the user sees what is wrong. */
function Highlighted({ text, unknown }: { text: string; unknown: string[] }) {
  if (!unknown.length) return text;
  const names = unknown.map((u) => u.replaceAll(".", "\\.")).join("|");
  return text.split(new RegExp(`(\\{\\{\\s*(?:${names})\\s*\\}\\})`)).map((part, i) =>
    i % 2 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <mark key={i} className="rounded bg-danger-soft px-0.5 text-danger">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

export function StepMessage({ draft, set, problems }: StepProps) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownPlaceholders(draft.message);
  const insert = (name: Placeholder) => {
    const el = area.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? draft.message.length;
    const end = el?.selectionEnd ?? start;
    set({ message: draft.message.slice(0, start) + token + draft.message.slice(end) });
    // After React writes the new value: the cursor goes after what was inserted.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const ctx = sampleContext(draft);
  return (
    <>
      <StepIntro title="What to say">
        The message each dealer receives. Placeholders are filled in per dealer; the preview shows one.
      </StepIntro>
      <div className="grid gap-5 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <label htmlFor={id} className="text-[13px] font-medium">
            Message
          </label>
          <textarea
            id={id}
            ref={area}
            value={draft.message}
            onChange={(e) => set({ message: e.target.value })}
            rows={12}
            maxLength={5000}
            autoFocus
            aria-invalid={problems.message ? true : undefined}
            aria-describedby={`${id}-placeholders${problems.message ? ` ${id}-problem` : ""}`}
            className={cn(
              "rounded-md border border-line bg-surface px-3 py-2 font-mono text-[13px] leading-relaxed focus:border-accent focus:outline-none",
              problems.message && "border-danger",
            )}
          />
          <FieldError id={`${id}-problem`} problem={problems.message} />
          {unknown.length && !problems.message ? (
            <p role="status" className="text-xs text-danger">
              Not a placeholder, sent as written: {unknown.map((u) => `{{${u}}}`).join(", ")}
            </p>
          ) : null}
          <div id={`${id}-placeholders`} className="flex flex-col gap-1.5">
            <span className="text-xs text-muted">Insert at the cursor:</span>
            <div className="flex flex-wrap gap-1">
              {(Object.keys(MESSAGE_PLACEHOLDERS) as Placeholder[]).map((name) => (
                <button
                  key={name}
                  type="button"
                  onClick={() => insert(name)}
                  title={MESSAGE_PLACEHOLDERS[name]}
                  aria-label={`Insert ${name}: ${MESSAGE_PLACEHOLDERS[name]}`}
                  className="rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs hover:border-accent hover:text-accent"
                >
                  {name}
                </button>
              ))}
            </div>
          </div>
        </div>
        <section aria-label="Preview" className="flex flex-col gap-2">
          <h3 className="text-[13px] font-medium">
            Preview <span className="font-normal text-muted">· to {ctx.dealership.name}, a sample dealer</span>
          </h3>
          <div
            data-message-preview
            className="min-h-48 flex-1 rounded-md border border-line bg-surface-2 px-3 py-2 text-[13px] leading-relaxed whitespace-pre-wrap"
          >
            {draft.message.trim() ? (
              <Highlighted text={renderMessage(draft.message, ctx)} unknown={unknown} />
            ) : (
              <span className="text-muted">The message is empty.</span>
            )}
          </div>
        </section>
      </div>
    </>
  );
}
