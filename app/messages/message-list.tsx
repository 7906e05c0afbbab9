/** The messages, newest first: recipient, subject, status, opens, clicks and when each was sent. */
import type { MessageRecord } from "../../schema/messaging-api";
import { DateTime } from "../components/ui";
import { MessageStatusBadge } from "./status-badge";

const TH = "px-3 py-2 text-left text-xs font-medium text-muted";
const TD = "px-3 py-2 align-top";
/** Opens, clicks and the time go on wider screens; a phone shows who, what and the status. */
const WIDE = "hidden sm:table-cell";

export function MessageList({ messages }: { messages: MessageRecord[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-[13px]" aria-label="Messages">
        <thead className="border-b border-line bg-surface-2/50">
          <tr>
            <th scope="col" className={TH}>
              Recipient
            </th>
            <th scope="col" className={TH}>
              Subject
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={`${TH} ${WIDE} text-right`}>
              Opens
            </th>
            <th scope="col" className={`${TH} ${WIDE} text-right`}>
              Clicks
            </th>
            <th scope="col" className={`${TH} ${WIDE}`}>
              Sent
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {messages.map((m) => (
            <tr key={m.id} data-message={m.id}>
              <td className={`${TD} max-w-40 truncate`} title={m.to}>
                {m.to}
              </td>
              <td className={TD}>
                <span className="line-clamp-2">{m.subject || <span className="text-muted">(no subject)</span>}</span>
                {m.error ? <span className="mt-0.5 block text-xs text-danger">{m.error}</span> : null}
              </td>
              <td className={TD}>
                <MessageStatusBadge status={m.status} />
              </td>
              <td className={`${TD} ${WIDE} text-right tabular-nums`}>{m.opens}</td>
              <td className={`${TD} ${WIDE} text-right tabular-nums`}>{m.clicks}</td>
              <td className={`${TD} ${WIDE} whitespace-nowrap text-muted`}>
                <DateTime iso={m.sentAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
