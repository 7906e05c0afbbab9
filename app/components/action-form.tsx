/**
 * A one-button form that posts an `intent` and a few hidden fields to the route's action,
 * optionally after a confirmation dialog (for destructive actions).
 */
import { type ReactNode, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ConfirmDialog } from "./confirm-dialog";
import { Button } from "./ui";

type Props = {
  intent: string;
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  /** Ask first: the dialog's title, its explanation and the confirming button's label. */
  confirm?: { title: string; body: ReactNode; action: string };
  children: ReactNode;
};

export function ActionForm({ intent, fields = {}, variant = "secondary", confirm, children }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" ref={form}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmDialog
          {...confirm}
          trigger={
            <Button variant={variant} disabled={busy}>
              {children}
            </Button>
          }
          onConfirm={() => form.current?.requestSubmit()}
        />
      ) : (
        <Button type="submit" variant={variant} disabled={busy}>
          {children}
        </Button>
      )}
    </Form>
  );
}
