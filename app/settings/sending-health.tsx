/** Sending health: each sender's sends, bounces and complaints against the limits that pause it. */
import { Form } from "react-router";
import { Badge, Button, Card, DateTime, EmptyState } from "../components/ui";
import { percent } from "../lib/percent";
import type { HealthAnswer } from "./types";

export function HealthCard({ health, owner, busy }: { health: HealthAnswer; owner: boolean; busy: boolean }) {
  const { limits, senders } = health;
  return (
    <Card
      title="Sending health"
      description={`A sender pauses itself when complaints pass ${percent(limits.complaintRate)} or hard bounces pass ${percent(limits.bounceRate)} of its sends (judged from ${limits.minSends} sends on).`}
    >
      {senders.length === 0 ? (
        <EmptyState title="No sender has sent yet">Health shows here after the first message goes out.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[560px] text-[13px]" aria-label="Sending health">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1.5 font-medium">Sender</th>
                <th className="py-1.5 text-right font-medium">Sent</th>
                <th className="py-1.5 text-right font-medium">Bounces</th>
                <th className="py-1.5 text-right font-medium">Complaints</th>
                <th className="py-1.5 pl-4 font-medium">State</th>
              </tr>
            </thead>
            <tbody>
              {senders.map((s) => (
                <tr key={s.sender} className="border-t border-line align-top">
                  <td className="py-2">
                    {s.sender}
                    <div className="text-xs text-muted">
                      {s.sentToday} today · since <DateTime iso={s.startedAt} />
                    </div>
                  </td>
                  <td className="py-2 text-right tabular-nums">{s.sent}</td>
                  <td className="py-2 text-right tabular-nums">
                    {s.bounces}{" "}
                    <span className="text-xs text-muted">
                      ({percent(s.bounceRate)} of {percent(limits.bounceRate)})
                    </span>
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {s.complaints}{" "}
                    <span className="text-xs text-muted">
                      ({percent(s.complaintRate)} of {percent(limits.complaintRate)})
                    </span>
                  </td>
                  <td className="py-2 pl-4">
                    {s.paused ? (
                      <div className="flex flex-col items-start gap-1.5">
                        <Badge tone="danger">Paused</Badge>
                        <span className="text-xs text-muted">{s.paused.reason}</span>
                        {owner ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="resume" />
                            <Button type="submit" name="sender" value={s.sender} disabled={busy}>
                              Resume
                            </Button>
                          </Form>
                        ) : null}
                      </div>
                    ) : (
                      <Badge tone="success">Sending</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
