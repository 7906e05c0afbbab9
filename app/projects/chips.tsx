/** Coloured status chips: a project's status, a dealership's contact status, an attempt's outcome. */
import type { AttemptRecord, ContactStatus, ProjectStatus } from "../../schema/projects";
import { cn } from "../components/ui";
import { CONTACT_STATUS_LABEL, CONTACT_STATUS_TONE, OUTCOME_LABEL, OUTCOME_TONE, PROJECT_STATUS_TONE } from "./format";

const CHIP = "inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium";

export function ProjectStatusChip({ status }: { status: ProjectStatus }) {
  return <span className={cn(CHIP, "capitalize", PROJECT_STATUS_TONE[status])}>{status}</span>;
}

export function ContactStatusChip({ status }: { status: ContactStatus }) {
  return (
    <span className={cn(CHIP, CONTACT_STATUS_TONE[status].chip)}>
      {status === "running" ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {CONTACT_STATUS_LABEL[status]}
    </span>
  );
}

export function OutcomeChip({ outcome }: { outcome: AttemptRecord["outcome"] }) {
  return <span className={cn(CHIP, OUTCOME_TONE[outcome])}>{OUTCOME_LABEL[outcome]}</span>;
}
