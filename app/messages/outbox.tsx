/**
 * The Outbox tab: what the keyless outbox provider "sent", newest first. The chosen message's HTML
 * is shown in a sandboxed frame (`sandbox=""`: no scripts, no forms, no navigation of the app),
 * with its headers (List-Unsubscribe and the rest) and the links it contains.
 */
import { Inbox } from "lucide-react";
import { useState } from "react";
import type { OutboxEntry } from "../../schema/messaging-api";
import { Card, cn, DateTime, EmptyState } from "../components/ui";
import { linksOf } from "./format";

function OutboxDetail({ entry }: { entry: OutboxEntry }) {
  const links = linksOf(entry.html ?? "", entry.text);
  const headers = Object.entries(entry.headers);
  return (
    <section aria-label="Outbox message" className="flex min-w-0 flex-col gap-4">
      <header>
        <h2 className="text-[15px] font-semibold">{entry.subject || "(no subject)"}</h2>
        <p className="mt-0.5 text-[13px] text-muted">
          To {entry.to} · from {entry.from} · <DateTime iso={entry.sentAt} />
        </p>
      </header>
      {entry.html ? (
        <iframe
          title="The message as sent"
          sandbox=""
          srcDoc={entry.html}
          className="h-[28rem] w-full rounded-md border border-line bg-white"
        />
      ) : (
        <pre className="whitespace-pre-wrap rounded-md border border-line bg-surface-2 p-3 text-[13px]">
          {entry.text}
        </pre>
      )}
      <div>
        <h3 className="mb-1.5 text-[13px] font-medium">Headers</h3>
        {headers.length ? (
          <div className="overflow-x-auto rounded-md border border-line">
            <table className="w-full text-[13px]" aria-label="Headers">
              <tbody className="divide-y divide-line">
                {headers.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left align-top font-medium">
                      {name}
                    </th>
                    <td className="break-all px-3 py-1.5 font-mono text-xs">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-[13px] text-muted">No extra headers.</p>
        )}
      </div>
      <div>
        <h3 className="mb-1.5 text-[13px] font-medium">Links</h3>
        {links.length ? (
          <ul className="flex flex-col gap-1 text-xs" aria-label="Links">
            {links.map((href) => (
              <li key={href} className="break-all font-mono">
                {href}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-[13px] text-muted">No links.</p>
        )}
      </div>
    </section>
  );
}

export function Outbox({ entries }: { entries: OutboxEntry[] }) {
  const [openId, setOpenId] = useState<string | null>(entries[0]?.id ?? null);
  const open = entries.find((e) => e.id === openId) ?? entries[0] ?? null;
  if (!open) {
    return (
      <Card>
        <EmptyState icon={<Inbox className="h-8 w-8" />} title="The outbox is empty">
          <p>Messages sent while the workspace uses the outbox (no email provider set in Settings) show here.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
      <ul aria-label="Outbox" className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-1">
        {entries.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              onClick={() => setOpenId(e.id)}
              aria-current={e.id === open.id ? "true" : undefined}
              className={cn(
                "w-full rounded-md px-3 py-2 text-left hover:bg-surface-2",
                e.id === open.id && "bg-accent-soft hover:bg-accent-soft",
              )}
            >
              <span className="block truncate text-[13px] font-medium">{e.subject || e.text.slice(0, 60)}</span>
              <span className="block truncate text-xs text-muted">
                {e.to} · <DateTime iso={e.sentAt} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <Card>
        <OutboxDetail entry={open} />
      </Card>
    </div>
  );
}
