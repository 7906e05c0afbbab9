/**
 * ChatRoom: one Durable Object per workspace and chat visitor. The visitor's widget holds a
 * WebSocket to it (hibernation API: the room sleeps between messages; who the socket belongs to
 * lives in its attachment). It keeps the conversation (to show on reconnecting) and the times of
 * the visitor's recent messages (the flood limit) in its storage; each message the visitor sends
 * becomes a Messages row, and a reply from the Inbox arrives through `deliver`.
 */
import { DurableObject } from "cloudflare:workers";
import { admitMessage, readChatFrame } from "../../automation/messaging/chat/frames";
import type { ChatLine, ChatServerFrame } from "../../schema/inbox-api";
import { storeChatMessage } from "./store";

/** The request header the socket route names the room's workspace and visitor in. */
export const CHAT_WHO_HEADER = "x-rowpilot-chat";

/** Lines kept to show a returning visitor: a conversation longer than this shows its end. */
const HISTORY_LINES = 200;

/** Close code for a socket that came without the route's header (RFC 6455 §7.4.1: policy violation). */
const POLICY_VIOLATION = 1008;

export type ChatWho = { workspaceId: string; visitor: string };

const send = (ws: WebSocket, frame: ChatServerFrame) => ws.send(JSON.stringify(frame));

export class ChatRoom extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const who = whoOf(parseJson(request.headers.get(CHAT_WHO_HEADER)));
    if (!who || request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Chat sockets open through /chat/socket/<workspace>", { status: 400 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(who);
    send(server, { type: "history", lines: await this.lines() });
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const who = whoOf(ws.deserializeAttachment());
    if (!who) return ws.close(POLICY_VIOLATION, "This socket has no visitor");
    try {
      await this.receive(ws, who, data);
    } catch (error) {
      console.error("ChatRoom", who.workspaceId, who.visitor, error);
      send(ws, { type: "error", message: "Your message could not be kept. Please try again." });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      // 1005 (no status) and 1006 (abnormal) may not be sent back in a close frame.
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "Bye");
    } catch {
      // The runtime answered the close itself (auto-reply to close): nothing left to do.
    }
  }

  /** A reply from the Inbox: kept for reconnects and sent to every open socket; answers how many got it. */
  async deliver(line: ChatLine): Promise<number> {
    await this.append(line);
    const sockets = this.ctx.getWebSockets();
    for (const ws of sockets) send(ws, { type: "line", line });
    return sockets.length;
  }

  private async receive(ws: WebSocket, who: ChatWho, data: string | ArrayBuffer): Promise<void> {
    const read = readChatFrame(data);
    if (!read.ok) return send(ws, { type: "error", message: read.message });
    const now = Date.now();
    const check = admitMessage((await this.ctx.storage.get<number[]>("recent")) ?? [], now);
    if (!check.ok) {
      const seconds = Math.ceil(check.retryInMs / 1000);
      return send(ws, { type: "error", message: `Too many messages: wait ${seconds} s and send again` });
    }
    await this.ctx.storage.put("recent", check.recent);
    const at = new Date(now).toISOString();
    const id = await storeChatMessage(this.env, who.workspaceId, who.visitor, read.frame.body, at);
    const line: ChatLine = { id, from: "visitor", body: read.frame.body, at };
    await this.append(line);
    for (const socket of this.ctx.getWebSockets()) send(socket, { type: "line", line });
  }

  private async lines(): Promise<ChatLine[]> {
    return (await this.ctx.storage.get<ChatLine[]>("lines")) ?? [];
  }

  private async append(line: ChatLine): Promise<void> {
    const lines = [...(await this.lines()), line].slice(-HISTORY_LINES);
    await this.ctx.storage.put("lines", lines);
  }
}

function parseJson(raw: string | null): unknown {
  try {
    return JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
}

/** The workspace and visitor a header or socket attachment names, or null when it names none. */
function whoOf(value: unknown): ChatWho | null {
  const who = value as Partial<ChatWho> | null;
  if (typeof who?.workspaceId !== "string" || typeof who.visitor !== "string") return null;
  return { workspaceId: who.workspaceId, visitor: who.visitor };
}

/** The room of `visitor` in workspace `workspaceId`. */
export function chatRoom(env: Env, workspaceId: string, visitor: string) {
  return env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`${workspaceId}:${visitor}`));
}
