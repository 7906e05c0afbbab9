/**
 * A table's run log in the room's SQLite: every firing of a rule and every button press with
 * what its action did (queued, running, succeeded, failed, and how many tries), plus the
 * refusals worth knowing. Firing keys are unique, which makes a firing happen once.
 */
import { and, count, desc, eq, gte, isNotNull, lt, ne } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { triggerRun } from "../../schema/room";

/** Entries kept per table; older ones are dropped as new ones come. */
const RUN_LOG_KEEP = 5_000;
/** Outcomes after which a run is over: its job, if redelivered, must not run again. */
export const FINAL_OUTCOMES: ReadonlySet<string> = new Set(["succeeded", "failed"]);

export type RunEntry = typeof triggerRun.$inferSelect;
export type NewRun = Omit<typeof triggerRun.$inferInsert, "id">;
export type RunUpdate = Partial<Pick<RunEntry, "outcome" | "detail" | "attempts" | "jobId">>;

export class RunLog {
  constructor(private readonly db: DrizzleSqliteDODatabase<Record<string, unknown>>) {}

  /** Adds an entry and returns its id. */
  add(run: NewRun): number {
    const id = this.db.insert(triggerRun).values(run).returning({ id: triggerRun.id }).get().id;
    if (id > RUN_LOG_KEEP)
      this.db
        .delete(triggerRun)
        .where(lt(triggerRun.id, id - RUN_LOG_KEEP))
        .run();
    return id;
  }

  get(id: number): RunEntry | null {
    return this.db.select().from(triggerRun).where(eq(triggerRun.id, id)).get() ?? null;
  }

  update(id: number, update: RunUpdate): void {
    this.db.update(triggerRun).set(update).where(eq(triggerRun.id, id)).run();
  }

  /** Whether something already fired under this idempotency key. */
  hasFired(key: string): boolean {
    return this.db.select({ id: triggerRun.id }).from(triggerRun).where(eq(triggerRun.key, key)).get() !== undefined;
  }

  /** How many times a rule fired since `since` (epoch ms); button presses are not a rule's. */
  firingsSince(ruleId: string, since: number): number {
    return (
      this.db
        .select({ n: count() })
        .from(triggerRun)
        .where(
          and(
            eq(triggerRun.ruleId, ruleId),
            ne(triggerRun.source, "button"),
            gte(triggerRun.at, since),
            isNotNull(triggerRun.key),
          ),
        )
        .get()?.n ?? 0
    );
  }

  /** The newest entries, and how many firings and presses the table had in all. */
  list(limit: number): { runs: RunEntry[]; fired: number } {
    const runs = this.db.select().from(triggerRun).orderBy(desc(triggerRun.id)).limit(limit).all();
    const fired = this.db.select({ n: count() }).from(triggerRun).where(isNotNull(triggerRun.key)).get()?.n ?? 0;
    return { runs, fired };
  }
}
