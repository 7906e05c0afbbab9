/**
 * The Payments card: Recurrente's public and secret keys and the webhook signing secret (stored
 * encrypted, shown only as hints), registering this workspace's webhook at Recurrente, and how
 * long a past-due customer's site stays up. Owners edit; everyone else reads.
 */
import { Lock } from "lucide-react";
import { Form } from "react-router";
import type { SecretStatus } from "../../schema/api";
import type { BillingSettings, WebhookEndpointAnswer } from "../../schema/payments-api";
import { Badge, Button, Card, DateTime, Field, Input, Notice } from "../components/ui";
import { PAYMENTS_SECRET_FIELDS, PAYMENTS_SECRETS } from "./payments-keys";

/** The grace period's bounds, as the API's BillingSettings takes them. */
const GRACE_MIN_DAYS = 0;
const GRACE_MAX_DAYS = 60;

export type PaymentsCardProps = {
  secrets: SecretStatus[];
  billing: BillingSettings | null;
  billingError: string | null;
  webhook: WebhookEndpointAnswer | null;
  webhookError: string | null;
  owner: boolean;
  busy: boolean;
};

export function PaymentsCard(props: PaymentsCardProps) {
  const { secrets, owner, busy } = props;
  const status = (key: string) => secrets.find((s) => s.key === key);
  const keysSet = Boolean(status(PAYMENTS_SECRETS.publicKey)?.set && status(PAYMENTS_SECRETS.apiKey)?.set);
  return (
    <section id="payments" aria-label="Payments">
      <Card
        title="Payments"
        description="Recurrente charges a claimed site's setup fee and monthly plan. Its keys are in Recurrente's dashboard under Developers; stored encrypted, a key is never shown again."
      >
        <div className="flex flex-col gap-6">
          <Form method="post" aria-label="Payments keys" autoComplete="off" className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="payments-keys" />
            <div className="grid gap-x-6 gap-y-4 md:grid-cols-3">
              {PAYMENTS_SECRET_FIELDS.map((f) => (
                <SecretField key={f.key} field={f} status={status(f.key)} owner={owner} busy={busy} />
              ))}
            </div>
            <div>
              <Button type="submit" variant="primary" disabled={!owner || busy}>
                Save payments keys
              </Button>
            </div>
          </Form>
          <Webhook {...props} keysSet={keysSet} />
          <Grace {...props} />
        </div>
      </Card>
    </section>
  );
}

function SecretField(props: {
  field: (typeof PAYMENTS_SECRET_FIELDS)[number];
  status: SecretStatus | undefined;
  owner: boolean;
  busy: boolean;
}) {
  const { field, status, owner, busy } = props;
  const set = status?.set ?? false;
  return (
    <div className="flex flex-col gap-2">
      <Field
        label={field.label}
        hint={
          set ? (
            <>
              Set {status?.hint} · updated <DateTime iso={status?.updatedAt ?? null} />
            </>
          ) : (
            "Not set"
          )
        }
      >
        <Input
          name={`secret:${field.key}`}
          type="password"
          placeholder={set ? "Enter a new value to replace" : field.placeholder}
          disabled={!owner}
          autoComplete="off"
        />
      </Field>
      {set ? (
        <div className="flex items-center gap-2">
          <Badge tone="success">
            <Lock className="mr-1 h-3 w-3" aria-hidden /> Encrypted
          </Badge>
          {owner ? (
            <Button
              type="submit"
              name="clear"
              value={field.key}
              variant="ghost"
              disabled={busy}
              aria-label={`Remove ${field.label.toLowerCase()}`}
              className="h-7 px-2"
            >
              Remove
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Webhook({ webhook, webhookError, owner, busy, keysSet }: PaymentsCardProps & { keysSet: boolean }) {
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-5">
      <div>
        <h3 className="text-[13px] font-medium">Webhook</h3>
        <p className="text-[13px] text-muted">
          Recurrente tells Rowpilot when a claim is paid, a renewal fails or a plan is cancelled. Registering this
          workspace's address at Recurrente stores the signing secret it gives.
        </p>
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="payments-webhook" />
        <Button type="submit" disabled={!owner || !keysSet || busy}>
          Register webhook with Recurrente
        </Button>
        {owner && !keysSet ? (
          <span className="ml-3 text-xs text-muted">Save the public and secret keys first.</span>
        ) : null}
      </Form>
      {webhook ? (
        <Notice tone="success">
          Registered <span className="break-all font-mono">{webhook.url}</span>.{" "}
          {webhook.secretStored
            ? "Its signing secret is stored."
            : "Recurrente gave no signing secret: paste it from its dashboard into Webhook signing secret."}
        </Notice>
      ) : null}
      {webhookError ? <Notice tone="error">Could not register the webhook: {webhookError}</Notice> : null}
    </div>
  );
}

function Grace({ billing, billingError, owner, busy }: PaymentsCardProps) {
  return (
    <Form method="post" aria-label="Grace period" className="flex flex-col gap-3 border-t border-line pt-5">
      <input type="hidden" name="intent" value="payments-grace" />
      {billingError ? <Notice tone="error">{billingError}</Notice> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field label="Grace period (days)">
            <Input
              name="graceDays"
              type="number"
              required
              min={GRACE_MIN_DAYS}
              max={GRACE_MAX_DAYS}
              defaultValue={billing?.graceDays}
              disabled={!owner || !billing}
            />
          </Field>
        </div>
        <Button type="submit" disabled={!owner || !billing || busy}>
          Save grace period
        </Button>
      </div>
      <p className="text-xs text-muted">
        How long a past-due customer's site stays up before it goes offline with a friendly page; it is back as soon as
        they pay.
      </p>
    </Form>
  );
}
