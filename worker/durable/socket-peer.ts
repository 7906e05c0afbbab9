/**
 * A Room peer backed by a hibernatable WebSocket. Everything about it that must survive the
 * Durable Object sleeping (who it is, its docs, its awareness clients) is the socket attachment.
 */
import type { Role } from "../../schema/roles";
import type { Origin } from "../../schema/tables";
import type { DocName } from "../../sync/layout";
import { encodeFrameOnce } from "../../sync/protocol";
import type { Peer, PeerState } from "../../sync/room";

/** Who is connecting, as the Worker established it before forwarding the upgrade. */
export type SocketActor = { userId: string | null; tokenId: string | null; role: Role };

export type Attachment = {
  id: string;
  actor: SocketActor;
  /** The doc of a y-websocket connection; null for the app's multiplexed table socket. */
  doc: DocName | null;
  state: PeerState;
};

export class SocketPeer implements Peer {
  constructor(
    readonly ws: WebSocket,
    private readonly attachment: Attachment,
  ) {}

  get id() {
    return this.attachment.id;
  }
  get doc() {
    return this.attachment.doc;
  }
  get state() {
    return this.attachment.state;
  }
  get canWrite() {
    return this.attachment.actor.role !== "viewer";
  }
  get origin(): Origin {
    const { userId, tokenId } = this.attachment.actor;
    return tokenId ? { kind: "api", userId, tokenId } : { kind: "user", userId: userId ?? "unknown" };
  }

  send(doc: DocName, message: Uint8Array): void {
    this.ws.send(this.attachment.doc ? message : encodeFrameOnce(doc, message));
  }

  saved(): void {
    this.ws.serializeAttachment(this.attachment);
  }
}
