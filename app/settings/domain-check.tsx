/** The sender's domain check: SPF, DKIM and DMARC as mailbox providers will find them. */
import { AlertTriangle, CheckCircle2, HelpCircle } from "lucide-react";
import { Form } from "react-router";
import type { DomainCheck, DomainRecordCheck } from "../../schema/messaging-domain";
import { Button, Card, Notice } from "../components/ui";

const ICONS = {
  ok: <CheckCircle2 className="h-4 w-4 text-success" aria-label="Found" />,
  missing: <AlertTriangle className="h-4 w-4 text-danger" aria-label="Missing" />,
  unknown: <HelpCircle className="h-4 w-4 text-muted" aria-label="Cannot check" />,
};

function Row({ label, check }: { label: string; check: DomainRecordCheck }) {
  return (
    <li className="flex gap-3 border-t border-line py-2 first:border-t-0">
      <span className="mt-0.5">{ICONS[check.state]}</span>
      <div className="min-w-0">
        <p className="text-[13px] font-medium">
          {label} <span className="font-normal text-muted">· {check.name}</span>
        </p>
        <p className="text-[13px]">{check.message}</p>
        {check.record ? <p className="truncate font-mono text-xs text-muted">{check.record}</p> : null}
      </div>
    </li>
  );
}

export function DomainCard({ check, error, busy }: { check: DomainCheck | null; error: string | null; busy: boolean }) {
  const missing = check ? [check.spf, check.dkim, check.dmarc].filter((c) => c.state === "missing").length : 0;
  return (
    <Card
      title="Sending domain"
      description="SPF, DKIM and DMARC of the from email's domain, looked up over DNS. Gmail and Yahoo refuse bulk mail without them."
      actions={
        <Form method="post">
          <input type="hidden" name="intent" value="domain" />
          <Button type="submit" disabled={busy}>
            Check DNS
          </Button>
        </Form>
      }
    >
      {error ? <Notice tone="error">{error}</Notice> : null}
      {check ? (
        <div className="flex flex-col gap-3">
          {missing > 0 ? (
            <Notice tone="error">
              {check.domain} is missing {missing === 1 ? "a record" : `${missing} records`}: mail from it may land in
              spam.
            </Notice>
          ) : (
            <Notice tone="success">
              {check.domain} has what can be checked for {check.provider}.
            </Notice>
          )}
          <ul>
            <Row label="SPF" check={check.spf} />
            <Row label="DKIM" check={check.dkim} />
            <Row label="DMARC" check={check.dmarc} />
          </ul>
        </div>
      ) : error ? null : (
        <p className="text-[13px] text-muted">Check the domain after setting the from email and the email provider.</p>
      )}
    </Card>
  );
}
