import { Lock } from "lucide-react";
import { Form, useActionData, useLoaderData, useNavigation } from "react-router";
import type { JourneySettings } from "../../schema/journeys";
import type { BillingSettings } from "../../schema/payments-api";
import { billingApi } from "../billing/api";
import { Badge, Button, Card, DateTime, Field, Input, Notice, PageHeader } from "../components/ui";
import { journeysApi } from "../journeys/api";
import { apiGet, apiSend } from "../lib/api.server";
import { DomainCard } from "../settings/domain-check";
import { JourneysCard } from "../settings/journeys";
import { messagingAction } from "../settings/messaging-action.server";
import { PaceCard } from "../settings/messaging-pace";
import { ProvidersCard } from "../settings/messaging-providers";
import { SenderCard } from "../settings/messaging-sender";
import { PaymentsCard } from "../settings/payments";
import { paymentsAction } from "../settings/payments-action.server";
import { isPaymentsSecret } from "../settings/payments-keys";
import { HealthCard } from "../settings/sending-health";
import type { HealthAnswer, SettingsAnswer } from "../settings/types";
import type { Route } from "./+types/settings";

export const meta: Route.MetaFunction = () => [{ title: "Settings · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const slug = encodeURIComponent(params.slug);
  const [settings, health, billing, journeys] = await Promise.all([
    apiGet<SettingsAnswer>(context, request, `/api/workspaces/${slug}/settings`),
    apiGet<HealthAnswer>(context, request, `/api/messaging/health?workspace=${slug}`),
    apiSend<BillingSettings>(context, "GET", billingApi(params.slug, "/api/billing/settings")),
    apiSend<JourneySettings>(context, "GET", journeysApi(params.slug, "/api/journeys/settings")),
  ]);
  return {
    ...settings,
    health,
    billing: billing.ok ? billing.value : null,
    billingError: billing.ok ? null : `Could not read the billing settings: ${billing.error.message}`,
    journeys: journeys.ok ? journeys.value : null,
    journeysError: journeys.ok ? null : `Could not read the journey settings: ${journeys.error.message}`,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const base = `/api/workspaces/${encodeURIComponent(params.slug)}`;
  if (form.get("intent") === "rename") {
    const result = await apiSend(context, "PATCH", base, { name: form.get("name") });
    return result.ok ? { done: "Workspace renamed." } : { error: result.error.message };
  }
  const messaging = await messagingAction(context, params.slug, form);
  if (messaging) return messaging;
  const payments = await paymentsAction(context, params.slug, form);
  if (payments) return payments;
  const secrets: Record<string, string | null> = {};
  for (const [key, value] of form) {
    if (!key.startsWith("secret:")) continue;
    const text = String(value).trim();
    if (text) secrets[key.slice(7)] = text;
  }
  const clear = form.get("clear");
  if (typeof clear === "string") secrets[clear] = null;
  if (Object.keys(secrets).length === 0) return { error: "Enter a new value for at least one key." };
  const result = await apiSend(context, "PATCH", `${base}/settings`, { secrets });
  return result.ok ? { done: "Provider keys saved." } : { error: result.error.message };
}

export default function SettingsPage({ params }: Route.ComponentProps) {
  const { workspace, role, secrets, sender, providers, pace, warmUpSchedule, health, billing, billingError } =
    useLoaderData<typeof loader>();
  const { journeys, journeysError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const owner = role === "owner";
  return (
    <>
      <PageHeader title="Settings" description={owner ? undefined : "Only owners can change settings."} />
      <div className="flex flex-col gap-6">
        {result && "error" in result ? <Notice tone="error">{result.error}</Notice> : null}
        {result && "done" in result ? <Notice tone="success">{result.done}</Notice> : null}
        <Card title="Workspace">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="rename" />
            <div className="min-w-56 flex-1">
              <Field label="Name">
                <Input name="name" defaultValue={workspace.name} required maxLength={80} disabled={!owner} />
              </Field>
            </div>
            <Button type="submit" disabled={!owner || busy}>
              Rename
            </Button>
          </Form>
        </Card>
        <SenderCard sender={sender} owner={owner} busy={busy} />
        <DomainCard
          check={result && "domain" in result ? result.domain : null}
          error={result && "domainError" in result ? result.domainError : null}
          busy={busy}
        />
        <ProvidersCard providers={providers} sender={sender} secrets={secrets} owner={owner} busy={busy} />
        <PaceCard pace={pace} schedule={warmUpSchedule} owner={owner} busy={busy} />
        <HealthCard health={health} owner={owner} busy={busy} />
        <PaymentsCard
          secrets={secrets}
          billing={billing}
          billingError={billingError}
          webhook={result && "webhook" in result ? result.webhook : null}
          webhookError={result && "webhookError" in result ? result.webhookError : null}
          owner={owner}
          busy={busy}
        />
        <JourneysCard slug={params.slug} settings={journeys} error={journeysError} owner={owner} />
        <Card
          title="Provider keys"
          description="Stored encrypted. Once saved, a key is never shown again; enter a new value to replace it."
        >
          <Form method="post" className="grid gap-x-6 gap-y-4 md:grid-cols-2" autoComplete="off">
            <input type="hidden" name="intent" value="secrets" />
            {secrets
              .filter((s) => !isPaymentsSecret(s.key))
              .map((s) => (
                <div key={s.key} className="flex flex-wrap items-end gap-3">
                  <div className="min-w-56 flex-1">
                    <Field
                      label={s.label}
                      hint={
                        s.set ? (
                          <>
                            Set {s.hint} · updated <DateTime iso={s.updatedAt} />
                          </>
                        ) : (
                          "Not set"
                        )
                      }
                    >
                      <Input
                        name={`secret:${s.key}`}
                        type="password"
                        placeholder={s.set ? "Enter a new value to replace" : "Paste key"}
                        disabled={!owner}
                        autoComplete="off"
                      />
                    </Field>
                  </div>
                  {s.set ? (
                    <Badge tone="success">
                      <Lock className="mr-1 h-3 w-3" aria-hidden /> Encrypted
                    </Badge>
                  ) : null}
                  {s.set && owner ? (
                    <Button type="submit" name="clear" value={s.key} variant="ghost" disabled={busy}>
                      Remove
                    </Button>
                  ) : null}
                </div>
              ))}
            <div className="md:col-span-2">
              <Button type="submit" variant="primary" disabled={!owner || busy}>
                Save keys
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}
