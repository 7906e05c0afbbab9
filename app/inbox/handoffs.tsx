/**
 * The Inbox's handoffs: leads a journey handed to a person, waiting to be taken — those for me
 * first, then those for the workspace's owners or others — each with what the journey knew (the
 * conversation across channels, score, previous agents, reason) and a Take button.
 */
import { Handshake } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import type { HandoffItem } from "../../schema/journeys";
import { Badge, Button, Card, DateTime, Notice } from "../components/ui";
import { journeysApi } from "../journeys/api";
import { channelName } from "../journeys/summary";
import { apiJson } from "../lib/api-client";

/** The conversation lines a handoff card shows; the lead's timeline has the rest. */
const SHOWN_MESSAGES = 3;

function HandoffCard({ item, slug, canTake }: { item: HandoffItem; slug: string; canTake: boolean }) {
  const [taken, setTaken] = useState<HandoffItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const path = journeysApi(slug, `/api/journeys/handoffs/${encodeURIComponent(item.id)}/take`);
      setTaken(await apiJson<HandoffItem>(path, { method: "POST", body: {} }));
    } catch (e) {
      setError(`Could not take it: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const { context } = item;
  const recent = context.conversationHistory.slice(-SHOWN_MESSAGES);
  return (
    <li
      className="flex flex-col gap-2 border-b border-line py-3 text-[13px] last:border-b-0"
      aria-label={`Handoff of ${item.leadName}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <Link
            className="font-medium text-accent hover:underline"
            to={`/w/${slug}/journeys/leads/${encodeURIComponent(item.leadTable)}/${encodeURIComponent(item.leadRowId)}`}
          >
            {item.leadName || "A lead"}
          </Link>
          <span className="ml-2 text-xs text-muted">
            {item.journeyName ? `${item.journeyName} · ` : ""}
            <DateTime iso={item.createdAt} />
          </span>
        </div>
        {taken ? (
          <Badge tone="success">Taken by {taken.takenBy ?? "you"}</Badge>
        ) : canTake ? (
          <Button variant="primary" onClick={take} disabled={busy}>
            {busy ? "Taking…" : "Take"}
          </Button>
        ) : null}
      </div>
      <p>
        <span className="text-muted">Reason:</span> {item.reason}
      </p>
      <p className="text-xs text-muted">
        Score {context.leadScore ?? "—"}
        {context.previousAgents.length > 0 ? ` · before: ${context.previousAgents.join(", ")}` : ""}
      </p>
      {recent.length > 0 ? (
        <ul className="flex flex-col gap-1 rounded-md bg-surface-2 p-2 text-xs">
          {recent.map((m) => (
            <li key={`${m.at}:${m.channel}:${m.direction}`}>
              <span className="font-medium">
                {m.direction === "in" ? "They" : "We"} · {channelName(m.channel)}:
              </span>{" "}
              {m.subject ? `${m.subject} — ` : ""}
              {m.body.slice(0, 200)}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </li>
  );
}

export function HandoffsSection({
  items,
  me,
  slug,
  canTake,
}: {
  items: HandoffItem[];
  me: string;
  slug: string;
  canTake: boolean;
}) {
  if (items.length === 0) return null;
  const mine = items.filter((h) => h.to.toLowerCase() === me.toLowerCase());
  const others = items.filter((h) => h.to.toLowerCase() !== me.toLowerCase());
  const group = (title: string, list: HandoffItem[]) =>
    list.length === 0 ? null : (
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h3>
        <ul>
          {list.map((h) => (
            <HandoffCard key={h.id} item={h} slug={slug} canTake={canTake} />
          ))}
        </ul>
      </div>
    );
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          <Handshake className="h-4 w-4 text-accent" aria-hidden /> Handoffs
        </span>
      }
      description="Leads a journey handed to a person. Take one to own it; the journey goes on once it is taken."
      className="mb-4"
    >
      <section aria-label="Handoffs" className="flex flex-col gap-3">
        {group("For me", mine)}
        {group("For owners and others", others)}
      </section>
    </Card>
  );
}
