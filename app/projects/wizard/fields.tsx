/** The wizard's labelled fields: the problem with a field shows beside it and is read out with it. */
import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { cn, Input } from "../../components/ui";

export function FieldError({ id, problem }: { id: string; problem?: string }) {
  if (!problem) return null;
  return (
    <span id={id} className="text-xs text-danger">
      {problem}
    </span>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  hint?: ReactNode;
};

export function TextField({ label, value, onChange, problem, hint, className, ...props }: TextFieldProps) {
  const id = useId();
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-[13px] font-medium">
        {label}
      </label>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : hint ? `${id}-hint` : undefined}
        className={problem ? "border-danger" : undefined}
        {...props}
      />
      {hint && !problem ? (
        <span id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-problem`} problem={problem} />
    </div>
  );
}

/** A step's heading and what it is for. */
export function StepIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mb-5">
      <h2 className="text-[15px] font-semibold">{title}</h2>
      <p className="mt-0.5 text-[13px] text-muted">{children}</p>
    </div>
  );
}
