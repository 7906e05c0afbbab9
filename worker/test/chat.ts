/**
 * A chat visitor for tests inside workerd: the widget's socket opened through `SELF`, the frames it
 * receives kept in order, and waits that reject after a few seconds with what they waited for.
 */
import { SELF } from "cloudflare:test";
import type { ChatLine, ChatServerFrame } from "../../schema/inbox-api";
import { ORIGIN } from "./http";

const WAIT_MS = 5000;

export class ChatVisitor {
  readonly frames: ChatServerFrame[] = [];
  closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly visitor: string,
  ) {
    ws.addEventListener("message", (event) => {
      this.frames.push(JSON.parse(String(event.data)) as ChatServerFrame);
    });
    ws.addEventListener("close", () => {
      this.closed = true;
    });
  }

  say(body: string): void {
    this.ws.send(JSON.stringify({ type: "message", body }));
  }

  /** Lines received after the history frame, in order. */
  lines(): ChatLine[] {
    return this.frames.flatMap((f) => (f.type === "line" ? [f.line] : []));
  }

  errors(): string[] {
    return this.frames.flatMap((f) => (f.type === "error" ? [f.message] : []));
  }

  history(): ChatLine[] | null {
    const frame = this.frames.find((f) => f.type === "history");
    return frame?.type === "history" ? frame.lines : null;
  }

  async until(what: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

/** Opens visitor `visitor`'s chat socket on workspace `slug`, its history received. */
export async function openChat(slug: string, visitor: string): Promise<ChatVisitor> {
  const url = `${ORIGIN}/chat/socket/${slug}?visitor=${visitor}`;
  const res = await SELF.fetch(url, { headers: { upgrade: "websocket" } });
  if (res.status !== 101 || !res.webSocket) throw new Error(`chat upgrade refused: ${res.status} ${await res.text()}`);
  res.webSocket.accept();
  const chat = new ChatVisitor(res.webSocket, visitor);
  await chat.until("the chat history", () => chat.history() !== null);
  return chat;
}
