/**
 * The new-project wizard: one step at a time, each checked before Next (Enter), Back keeping
 * everything typed, and Create sending the whole draft.
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
  toCreateProject,
} from "./draft";
import { StepMessage } from "./step-message";
import { StepProject } from "./step-project";
import { StepReview } from "./step-review";
import { StepSearch } from "./step-search";
import { StepSender } from "./step-sender";
import { Stepper } from "./stepper";

type Props = {
  /** Sends the project; resolves once it exists, rejects with a message to show. */
  onCreate: (body: ReturnType<typeof toCreateProject>) => Promise<void>;
  onCancel: () => void;
};

export function ProjectWizard({ onCreate, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
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
      return go(STEPS[at + 1]!);
    }
    const wrong = firstStepWithProblems(draft);
    if (wrong) return refuse(wrong);
    setBusy(true);
    setFailure(null);
    try {
      await onCreate(toCreateProject(draft));
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  };

  const stepProps = { draft, set, problems };
  return (
    <>
      <Stepper current={step} onGo={go} />
      <form
        ref={form}
        onSubmit={submit}
        noValidate
        aria-label={`New project, step ${at + 1} of ${STEPS.length}: ${step}`}
      >
        <Card>
          {step === "Project" ? <StepProject {...stepProps} /> : null}
          {step === "Search" ? <StepSearch {...stepProps} /> : null}
          {step === "Sender" ? <StepSender {...stepProps} /> : null}
          {step === "Message" ? <StepMessage {...stepProps} /> : null}
          {step === "Review" ? <StepReview draft={draft} onEdit={go} /> : null}
          {failure ? (
            <div className="mt-4">
              <Notice tone="error">Could not create the project: {failure}</Notice>
            </div>
          ) : null}
        </Card>
        <div className="mt-4 flex items-center justify-between gap-2">
          {at === 0 ? (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : (
            <Button onClick={() => go(STEPS[at - 1]!)}>
              <ArrowLeft className="h-4 w-4" aria-hidden /> Back
            </Button>
          )}
          <span className="hidden text-xs text-muted sm:inline">Enter goes on</span>
          <Button type="submit" variant="primary" disabled={busy}>
            {step === "Review" ? (busy ? "Creating…" : "Create as draft") : "Next"}
            {step === "Review" ? null : <ArrowRight className="h-4 w-4" aria-hidden />}
          </Button>
        </div>
      </form>
    </>
  );
}
