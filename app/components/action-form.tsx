/**
 * A one-button form that posts an `intent` and a few hidden fields to the route's action,
 * optionally after a confirmation dialog (for destructive actions).
 */
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { type ReactNode, useRef } from "react";
import { Form, useNavigation } from "react-router";
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
        <AlertDialog.Root>
          <AlertDialog.Trigger asChild>
            <Button variant={variant} disabled={busy}>
              {children}
            </Button>
          </AlertDialog.Trigger>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
            <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,420px)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-5 shadow-xl">
              <AlertDialog.Title className="text-[15px] font-semibold">{confirm.title}</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-[13px] text-muted">{confirm.body}</AlertDialog.Description>
              <div className="mt-5 flex justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button>Cancel</Button>
                </AlertDialog.Cancel>
                <AlertDialog.Action asChild>
                  <Button variant="danger" onClick={() => form.current?.requestSubmit()}>
                    {confirm.action}
                  </Button>
                </AlertDialog.Action>
              </div>
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      ) : (
        <Button type="submit" variant={variant} disabled={busy}>
          {children}
        </Button>
      )}
    </Form>
  );
}
