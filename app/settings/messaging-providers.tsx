/** The providers card: which service sends each channel, and which of its secrets are set. */
import { Form } from "react-router";
import type { SecretKey, SecretStatus } from "../../schema/api";
import {
  EMAIL_PROVIDERS,
  PROVIDER_LABELS,
  type Providers,
  type Sender,
  SMS_PROVIDERS,
} from "../../schema/messaging-api";
import { Badge, Button, Card, Field, Select } from "../components/ui";

const LABELS: Record<string, string> = { outbox: "Outbox (keeps messages, sends nothing)", ...PROVIDER_LABELS };

/**
 * What each provider needs before it can send (docs/messaging.md, Providers); the webhook
 * secrets let its delivery events in (docs/messaging-webhooks.md).
 */
const NEEDS: Record<string, { secrets: SecretKey[]; note?: string }> = {
  outbox: { secrets: [] },
  resend: { secrets: ["emailApiKey", "emailWebhookSecret"] },
  postmark: { secrets: ["emailApiKey", "emailWebhookSecret"] },
  sendgrid: { secrets: ["emailApiKey", "emailWebhookSecret"] },
  ses: { secrets: ["emailApiKey", "emailWebhookSecret"] },
  cloudflare: { secrets: [], note: "Needs the EMAIL binding and a domain onboarded in Cloudflare's dashboard." },
  twilio: { secrets: ["smsApiKey", "smsWebhookSecret"], note: "Needs the sender's SMS number." },
};

function Needs({ provider, secrets, smsFrom }: { provider: string; secrets: SecretStatus[]; smsFrom: string }) {
  const needs = NEEDS[provider] ?? { secrets: [] };
  if (needs.secrets.length === 0 && !needs.note) return <p className="text-xs text-muted">Needs no keys.</p>;
  return (
    <ul className="flex flex-col gap-1 text-xs" aria-label={`What ${LABELS[provider]} needs`}>
      {needs.secrets.map((key) => {
        const status = secrets.find((s) => s.key === key);
        return (
          <li key={key} className="flex items-center gap-2">
            <Badge tone={status?.set ? "success" : "danger"}>{status?.set ? "Set" : "Not set"}</Badge>
            {status?.label ?? key}
          </li>
        );
      })}
      {provider === "twilio" ? (
        <li className="flex items-center gap-2">
          <Badge tone={smsFrom ? "success" : "danger"}>{smsFrom ? "Set" : "Not set"}</Badge>
          SMS number
        </li>
      ) : null}
      {needs.note ? <li className="text-muted">{needs.note}</li> : null}
    </ul>
  );
}

export function ProvidersCard(props: {
  providers: Providers;
  sender: Sender;
  secrets: SecretStatus[];
  owner: boolean;
  busy: boolean;
}) {
  const { providers, sender, secrets, owner, busy } = props;
  return (
    <Card title="Providers" description="Keys are set under Provider keys below.">
      <Form method="post" className="grid gap-x-6 gap-y-4 md:grid-cols-2" aria-label="Providers">
        <input type="hidden" name="intent" value="providers" />
        <div className="flex flex-col gap-2">
          <Field label="Email provider">
            <Select name="email" defaultValue={providers.email} disabled={!owner}>
              {EMAIL_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Needs provider={providers.email} secrets={secrets} smsFrom={sender.smsFrom} />
        </div>
        <div className="flex flex-col gap-2">
          <Field label="SMS provider">
            <Select name="sms" defaultValue={providers.sms} disabled={!owner}>
              {SMS_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Needs provider={providers.sms} secrets={secrets} smsFrom={sender.smsFrom} />
        </div>
        <div className="md:col-span-2">
          <Button type="submit" variant="primary" disabled={!owner || busy}>
            Save providers
          </Button>
        </div>
      </Form>
    </Card>
  );
}
