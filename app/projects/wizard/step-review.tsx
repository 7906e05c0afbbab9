/** Step 5: everything at once, each part with a way back to change it. */
import type { ReactNode } from "react";
import { renderMessage } from "../../../schema/message-template";
import { Button } from "../../components/ui";
import type { Draft, Step, WizardMode } from "./draft";
import { StepIntro } from "./fields";
import { sampleContext } from "./step-message";

function Part({
  title,
  step,
  onEdit,
  children,
}: {
  title: string;
  step: Step;
  onEdit: (s: Step) => void;
  children: ReactNode;
}) {
  return (
    <section className="border-t border-line py-3 first:border-t-0 first:pt-0">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-[13px] font-semibold">{title}</h3>
        <Button
          variant="ghost"
          className="h-7 px-2 text-xs"
          onClick={() => onEdit(step)}
          aria-label={`Edit ${title.toLowerCase()}`}
        >
          Edit
        </Button>
      </div>
      <dl className="mt-1 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-[13px]">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

type Props = { draft: Draft; onEdit: (step: Step) => void; mode: WizardMode };

export function StepReview({ draft, onEdit, mode }: Props) {
  const extra = draft.extra.filter((f) => f.label.trim());
  return (
    <>
      {mode === "create" ? (
        <StepIntro title="Check and create">
          The project is saved as a draft; nothing is sent until you find dealerships and start the automation.
        </StepIntro>
      ) : (
        <StepIntro title="Check and save">
          A new place, radius or makes finds the dealers they add; the dealers already found keep their statuses.
        </StepIntro>
      )}
      <Part title="Project" step="Project" onEdit={onEdit}>
        <Row label="Name">{draft.name}</Row>
        <Row label="Description">{draft.description || <span className="text-muted">—</span>}</Row>
      </Part>
      <Part title="Search" step="Search" onEdit={onEdit}>
        <Row label="Around">{draft.locationKind === "zip" ? `ZIP ${draft.zip}` : draft.address}</Row>
        <Row label="Radius">{draft.radius} miles</Row>
        <Row label="Makes">{draft.makes.join(", ")}</Row>
        <Row label="Pace">
          Batches of {draft.batchSize}, {draft.concurrency} at once
        </Row>
      </Part>
      <Part title="Sender" step="Sender" onEdit={onEdit}>
        <Row label="Name">
          {draft.firstName} {draft.lastName}
        </Row>
        <Row label="Email">{draft.email}</Row>
        <Row label="Phone">{draft.phone}</Row>
        {draft.senderZip ? <Row label="ZIP">{draft.senderZip}</Row> : null}
        {extra.map((f) => (
          <Row key={f.label} label={f.label}>
            {f.value || <span className="text-muted">—</span>}
          </Row>
        ))}
      </Part>
      <Part title="Message" step="Message" onEdit={onEdit}>
        <Row label="To a sample dealer">
          <span className="block whitespace-pre-wrap rounded-md bg-surface-2 px-3 py-2">
            {renderMessage(draft.message, sampleContext(draft))}
          </span>
        </Row>
      </Part>
    </>
  );
}
