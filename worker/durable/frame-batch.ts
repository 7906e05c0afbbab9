/**
 * Socket frames handled together: each frame is queued as it arrives and every frame queued is
 * handled in one later turn, in arrival order. A Durable Object commits the SQLite writes of a
 * turn together and holds its outgoing messages until that commit is durable, so a busy room
 * pays for one commit per batch of edits instead of one per edit (group commit); an idle room
 * handles a frame one turn after it arrives. Frames of a socket closed meanwhile are dropped.
 */
export class FrameBatch<Socket extends object> {
  private queue: [Socket, ArrayBuffer][] = [];
  private scheduled = false;
  private readonly closed = new WeakSet<Socket>();

  constructor(private readonly handle: (socket: Socket, data: ArrayBuffer) => void) {}

  push(socket: Socket, data: ArrayBuffer): void {
    this.queue.push([socket, data]);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.drain(), 0);
  }

  /** The socket is gone: frames it sent that are still queued are not handled. */
  closedSocket(socket: Socket): void {
    this.closed.add(socket);
  }

  /** Handles every queued frame now. */
  drain(): void {
    this.scheduled = false;
    for (const [socket, data] of this.queue.splice(0)) if (!this.closed.has(socket)) this.handle(socket, data);
  }
}
