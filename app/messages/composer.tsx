/**
 * The "Write a message" panel: pick a recipient, have the writer draft it (Claude with the
 * workspace's key, else the pitch template; the panel says which), choose among its subject lines,
 * edit, then save the draft or send it. Errors are shown in the API's words.
 */
import { Save, Send, Sparkles } from "lucide-react";
import { useId, useState } from "react";
import type { DraftAnswer } from "../../schema/messaging-writer";
import { Button, Card, cn, Input, Notice } from "../components/ui";
import { apiJson } from "../lib/api-client";
import { messagesApi } from "./api";
import { RecipientPicker } from "./recipient-picker";
import type { Recipient } from "./recipients";

type Working = "write" | "save" | "send" | null;

type Props = {
  slug: string;
  recipients: Recipient[];
  hasKey: boolean;
  /** After a save or a send: the list is read again. */
  onChanged: () => void;
};

function writerNote(draft: Pick<DraftAnswer, "writer" | "writerError">, hasKey: boolean): string {
  if (draft.writer === "ai") return "Written by Claude from the business's details. Read it before you send.";
  if (draft.writerError) return `Claude could not write it, so the pitch template did: ${draft.writerError}`;
  return hasKey
    ? "Written from the pitch template."
    : "Written from the pitch template: add an Anthropic key in Settings to have Claude write it.";
}

export function Composer({ slug, recipients, hasKey, onChanged }: Props) {
  const id = useId();
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [draft, setDraft] = useState<DraftAnswer | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [working, setWorking] = useState<Working>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = (next: Recipient) => {
    setRecipient(next);
    setDraft(null);
    setSavedId(null);
    setNotice(null);
    setError(null);
  };

  const run = async (what: Exclude<Working, null>, work: () => Promise<void>) => {
    setWorking(what);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(null);
    }
  };

  const write = () =>
    run("write", async () => {
      if (!recipient) return;
      const answer = await apiJson<DraftAnswer>(messagesApi(slug, "/draft"), {
        method: "POST",
        body: { recipientTable: recipient.table, recipientRowId: recipient.rowId, channel: "email" },
      });
      setDraft(answer);
      setSavedId(answer.id);
      setSubject(answer.subject);
      setBody(answer.body);
      onChanged();
    });

  /** The draft as edited, saved: a new one, or the one the writer made. */
  const save = async (): Promise<string | null> => {
    if (!recipient) return null;
    if (savedId) {
      await apiJson(messagesApi(slug, `/${encodeURIComponent(savedId)}`), { method: "PATCH", body: { subject, body } });
      return savedId;
    }
    const made = await apiJson<{ id: string }>(messagesApi(slug), {
      method: "POST",
      body: { recipientTable: recipient.table, recipientRowId: recipient.rowId, channel: "email", subject, body },
    });
    setSavedId(made.id);
    return made.id;
  };

  const saveDraft = () =>
    run("save", async () => {
      if (await save()) setNotice("Draft saved.");
      onChanged();
    });

  const send = () =>
    run("send", async () => {
      const saved = await save();
      if (!saved) return;
      const sent = await apiJson<{ status: string }>(messagesApi(slug, `/${encodeURIComponent(saved)}/send`), {
        method: "POST",
      });
      setNotice(`Sending to ${recipient?.name}: the message is ${sent.status}.`);
      setDraft(null);
      setSavedId(null);
      setSubject("");
      setBody("");
      onChanged();
    });

  const busy = working !== null;
  const canSend = recipient !== null && subject.trim() !== "" && body.trim() !== "";
  return (
    <Card title="Write a message" description="To one of your businesses or leads, by email.">
      <div className="grid gap-x-6 gap-y-4 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          {recipients.length === 0 ? (
            <Notice tone="info">
              No one to write to yet: find businesses on the Hunting page, or make a table named “Leads” with Name and
              Email columns.
            </Notice>
          ) : (
            <RecipientPicker recipients={recipients} chosen={recipient} onChoose={choose} disabled={busy} />
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={write} disabled={!recipient || busy}>
              <Sparkles className="h-4 w-4" aria-hidden />
              {working === "write" ? "Writing…" : "Write with AI"}
            </Button>
            {recipient && !recipient.email ? (
              <span className="text-xs text-danger">{recipient.name} has no email address.</span>
            ) : null}
          </div>
          {draft ? (
            <div role="status" data-writer={draft.writer} className="rounded-md border border-line bg-surface-2 p-3">
              <p className="text-[13px]">
                <span
                  className={cn(
                    "mr-1.5 rounded px-1.5 py-0.5 text-xs font-medium",
                    draft.writer === "ai" ? "bg-accent-soft text-accent" : "bg-surface text-muted",
                  )}
                >
                  {draft.writer === "ai" ? "AI writer" : "Template"}
                </span>
                {writerNote(draft, hasKey)}
              </p>
              {draft.subjects.length ? (
                <div className="mt-2">
                  <p className="text-xs text-muted">Other subject lines:</p>
                  <ul className="mt-1 flex flex-col gap-1" aria-label="Other subject lines">
                    {draft.subjects.map((s) => (
                      <li key={s}>
                        <button
                          type="button"
                          onClick={() => setSubject(s)}
                          aria-pressed={subject === s}
                          className="w-full rounded px-2 py-1 text-left text-[13px] hover:bg-surface aria-pressed:bg-accent-soft aria-pressed:text-accent"
                        >
                          {s}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${id}-subject`} className="text-[13px] font-medium">
              Subject
            </label>
            <Input
              id={`${id}-subject`}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              maxLength={998}
              disabled={busy}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${id}-body`} className="text-[13px] font-medium">
              Message
            </label>
            <textarea
              id={`${id}-body`}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={10}
              maxLength={100_000}
              disabled={busy}
              className="rounded-md border border-line bg-surface px-3 py-2 text-[13px] leading-relaxed focus:border-accent focus:outline-none disabled:opacity-60"
            />
            <span className="text-xs text-muted">
              Links become tracked links, and the unsubscribe footer and your postal address are added when it is sent.
            </span>
          </div>
          {error ? <Notice tone="error">{error}</Notice> : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={saveDraft} disabled={!recipient || busy}>
              <Save className="h-4 w-4" aria-hidden />
              {working === "save" ? "Saving…" : "Save draft"}
            </Button>
            <Button variant="primary" onClick={send} disabled={!canSend || busy}>
              <Send className="h-4 w-4" aria-hidden />
              {working === "send" ? "Sending…" : "Send"}
            </Button>
          </div>
        </div>
      </div>
    </Card>
  );
}
