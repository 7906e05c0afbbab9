/** The D1 database through drizzle, typed by the schema in `schema/db`. */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../schema/db";

export type Db = ReturnType<typeof getDb>;

export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
