/**
 * Group commit for socket frames. A Durable Object commits the SQLite writes of a turn together
 * and holds its outgoing messages until that commit is durable. A frame that arrives while no
 * commit is in flight is handled at once; frames that arrive while one is in flight wait for it,
 * then are handled together in one turn, in arrival order, so they share the next commit (and
 * their broadcasts, merged per doc, go out once it is durable). A busy room pays for one commit
 * per batch of edits instead of one per edit; an idle room handles each frame as it comes.
 * Frames of a socket closed meanwhile are dropped.
 */
export class FrameBatch<Socket extends object> {
  private queue: [Socket, ArrayBuffer][] = [];
  private committing = false;
  private readonly closed = new WeakSet<Socket>();

  constructor(
    private readonly handle: (socket: Socket, data: ArrayBuffer) => void,
    /** Resolves once every write made so far is durable (`ctx.storage.sync()`). */
    private readonly committed: () => Promise<void>,
  ) {}

  push(socket: Socket, data: ArrayBuffer): void {
    if (this.committing) {
      this.queue.push([socket, data]);
      return;
    }
    this.handle(socket, data);
    this.awaitCommit();
  }

  /** The socket is gone: frames it sent that are still queued are not handled. */
  closedSocket(socket: Socket): void {
    this.closed.add(socket);
  }

  private awaitCommit(): void {
    this.committing = true;
    const next = () => {
      this.committing = false;
      const batch = this.queue.splice(0);
      if (!batch.length) return;
      for (const [socket, data] of batch) if (!this.closed.has(socket)) this.handle(socket, data);
      this.awaitCommit();
    };
    this.committed().then(next, (error: unknown) => {
      console.error("TableRoom: waiting for a commit failed", error);
      next();
    });
  }
}
