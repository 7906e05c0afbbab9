/**
 * The project wizard: one step at a time, each checked before Next (Enter), Back keeping
 * everything typed, and the last step sending the draft. A new project goes step by step; an
 * edit starts from the project, every step already valid, and moves freely between them.
 */
import { ArrowLeft, ArrowRight } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, Card, Notice } from "../../components/ui";
import {
  type Draft,
  EMPTY_DRAFT,
  firstStepWithProblems,
  type Problems,
  problemsAt,
  STEPS,
  type Step,
  stepsWithProblems,
  type WizardMode,
  withSenderZip,
} from "./draft";
import { StepMessage } from "./step-message";
import { StepProject } from "./step-project";
import { StepReview } from "./step-review";
import { StepSearch } from "./step-search";
import { StepSender } from "./step-sender";
import { Stepper } from "./stepper";

/** The words that differ between making a project and editing one. */
const WORDS = {
  create: { form: "New project", submit: "Create as draft", busy: "Creating…", failed: "Could not create the project" },
  edit: { form: "Edit project", submit: "Save changes", busy: "Saving…", failed: "Could not save the changes" },
} satisfies Record<WizardMode, Record<string, string>>;

type Props = {
  mode?: WizardMode;
  /** Where the draft starts: empty for a new project, the project's own for an edit. */
  initial?: Draft;
  /** Sends the complete draft; resolves once it is saved, rejects with a message to show. */
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel: () => void;
};

export function ProjectWizard({ mode = "create", initial = EMPTY_DRAFT, onSubmit, onCancel }: Props) {
  const words = WORDS[mode];
  const [draft, setDraft] = useState<Draft>(initial);
  const [step, setStep] = useState<Step>("Project");
  /** Whether this step's problems show: after a refused Next, and then as the user fixes them. */
  const [checking, setChecking] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const problems: Problems = checking ? problemsAt(step, draft) : {};
  const at = STEPS.indexOf(step);

  useEffect(() => {
    if (focusTick) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [focusTick]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const go = (to: Step) => {
    setStep(to);
    setChecking(false);
    setFailure(null);
  };
  const refuse = (to: Step) => {
    setStep(to);
    setChecking(true);
    setFocusTick((t) => t + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step !== "Review") {
      if (Object.keys(problemsAt(step, draft)).length) return refuse(step);
      if (step === "Search") setDraft(withSenderZip);
      return go(STEPS[at + 1]!);
    }
    const wrong = firstStepWithProblems(draft);
    if (wrong) return refuse(wrong);
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(draft);
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  const stepProps = { draft, set, problems };
  return (
    <>
      <Stepper
        current={step}
        onGo={go}
        free={mode === "edit"}
        unfinished={mode === "edit" ? stepsWithProblems(draft) : []}
      />
      <form
        ref={form}
        onSubmit={submit}
        noValidate
        aria-label={`${words.form}, step ${at + 1} of ${STEPS.length}: ${step}`}
      >
        <Card>
          {step === "Project" ? <StepProject {...stepProps} /> : null}
          {step === "Search" ? <StepSearch {...stepProps} /> : null}
          {step === "Sender" ? <StepSender {...stepProps} /> : null}
          {step === "Message" ? <StepMessage {...stepProps} /> : null}
          {step === "Review" ? <StepReview draft={draft} onEdit={go} mode={mode} /> : null}
          {failure ? (
            <div className="mt-4">
              <Notice tone="error">
                {words.failed}: {failure}
              </Notice>
            </div>
          ) : null}
        </Card>
        <div className="mt-4 flex items-center justify-between gap-2">
          <div className="flex items-center gap-2">
            {at === 0 || mode === "edit" ? (
              <Button variant="ghost" onClick={onCancel}>
                Cancel
              </Button>
            ) : null}
            {at > 0 ? (
              <Button onClick={() => go(STEPS[at - 1]!)}>
                <ArrowLeft className="h-4 w-4" aria-hidden /> Back
              </Button>
            ) : null}
          </div>
          <span className="hidden text-xs text-muted sm:inline">Enter goes on</span>
          <Button type="submit" variant="primary" disabled={busy}>
            {step === "Review" ? (busy ? words.busy : words.submit) : "Next"}
            {step === "Review" ? null : <ArrowRight className="h-4 w-4" aria-hidden />}
          </Button>
        </div>
      </form>
    </>
  );
}
