/** The sender card: who messages come from, and the postal address every email must carry. */
import { Form } from "react-router";
import type { Sender } from "../../schema/messaging-api";
import { Button, Card, Field, Input } from "../components/ui";

export function SenderCard({ sender, owner, busy }: { sender: Sender; owner: boolean; busy: boolean }) {
  return (
    <Card title="Sender" description="Who messages come from. Every email carries the postal address in its footer.">
      <Form method="post" className="grid gap-x-6 gap-y-4 md:grid-cols-2" aria-label="Sender">
        <input type="hidden" name="intent" value="sender" />
        <Field label="From name">
          <Input name="fromName" defaultValue={sender.fromName} maxLength={120} disabled={!owner} />
        </Field>
        <Field label="From email">
          <Input name="fromEmail" type="email" defaultValue={sender.fromEmail} disabled={!owner} />
        </Field>
        <Field label="Reply-to" hint="Empty: replies go to the from email.">
          <Input name="replyTo" type="email" defaultValue={sender.replyTo} disabled={!owner} />
        </Field>
        <Field label="SMS number" hint="E.164, such as +15125550100. Twilio needs one of your account's numbers.">
          <Input name="smsFrom" defaultValue={sender.smsFrom} disabled={!owner} />
        </Field>
        <div className="md:col-span-2">
          <Field label="Postal address" hint="Required by CAN-SPAM: an email without one is not sent.">
            <Input name="postalAddress" defaultValue={sender.postalAddress} maxLength={500} disabled={!owner} />
          </Field>
        </div>
        <div className="md:col-span-2">
          <Button type="submit" variant="primary" disabled={!owner || busy}>
            Save sender
          </Button>
        </div>
      </Form>
    </Card>
  );
}
