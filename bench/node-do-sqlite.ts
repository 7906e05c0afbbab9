/**
 * A Durable Object's SQLite storage (`sql.exec`, `transactionSync`) over `node:sqlite`, so the
 * room's own storage code (drizzle's durable-sqlite driver, the update log, the row index) runs in
 * Node where a CPU profile and a clock can see it: inside workerd, time stands still while code runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";

type Row = Record<string, unknown>;

class Cursor {
  constructor(
    private readonly statement: StatementSync,
    private readonly params: SQLInputValue[],
  ) {}
  toArray(): Row[] {
    return this.statement.all(...this.params) as Row[];
  }
  raw() {
    this.statement.setReturnArrays(true);
    const rows = this.statement.all(...this.params) as unknown as unknown[][];
    this.statement.setReturnArrays(false);
    return { toArray: () => rows };
  }
  next(): { done: boolean; value: Row | undefined } {
    const value = this.statement.get(...this.params) as Row | undefined;
    return { done: value === undefined, value };
  }
}

export class NodeDoStorage {
  readonly db = new DatabaseSync(":memory:");
  private readonly statements = new Map<string, StatementSync>();
  private depth = 0;

  readonly sql = {
    exec: (query: string, ...params: unknown[]) => {
      let statement = this.statements.get(query);
      if (!statement) {
        statement = this.db.prepare(query);
        this.statements.set(query, statement);
      }
      const cursor = new Cursor(statement, params.map(toInput));
      // Like the DO's exec, a statement runs when called, whether or not its rows are read.
      if (!statement.columns().length) statement.run(...params.map(toInput));
      return cursor;
    },
  };

  transactionSync<T>(fn: () => T): T {
    const name = `sp${this.depth}`;
    this.db.exec(this.depth === 0 ? "BEGIN" : `SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.db.exec(this.depth === 0 ? "COMMIT" : `RELEASE ${name}`);
      return result;
    } catch (error) {
      this.depth--;
      this.db.exec(this.depth === 0 ? "ROLLBACK" : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }

  /** Applies the room's drizzle-kit migrations in order (what the DO's migrator does at start). */
  migrate(folder = "schema/room-migrations"): this {
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      for (const statement of readFileSync(`${folder}/${file}`, "utf8").split("--> statement-breakpoint")) {
        if (statement.trim()) this.db.exec(statement);
      }
    }
    return this;
  }
}

function toInput(value: unknown): SQLInputValue {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value as SQLInputValue;
}
