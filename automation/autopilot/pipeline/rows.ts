/**
 * The plain rows the pipeline is computed from: each table's rows reduced to the few cells the
 * funnel reads (times as ISO text, links as row ids), and the ids of the tables they came from,
 * so each number can open its rows in the grid. A table the workspace lacks is absent: its
 * stages count 0 and have no link.
 */

export type PipelineTerritory = { status: string; lastScraped: string | null; cooldownUntil: string | null };
/** `qualified` is the Qualified formula's value: the score says it is a lead, whatever its status yet. */
export type PipelineBusiness = { leadStatus: string; qualified: boolean };
/** A scrape run: when it finished (else started) and how many new businesses it added. */
export type PipelineRun = { at: string | null; added: number };
export type PipelineSite = { id: string; status: string; generated: string | null; published: string | null };
export type PipelineMessage = {
  direction: string;
  status: string;
  siteId: string | null;
  sentAt: string | null;
  firstOpenedAt: string | null;
};
export type PipelineClaim = { siteId: string | null; received: string | null };
export type PipelineCustomer = { siteId: string | null; firstPaid: string | null };

/** Which table each kind of row lives in (its id), when the workspace has it. */
export type PipelineTables = Partial<
  Record<"territories" | "businesses" | "sites" | "messages" | "claims" | "customers", string>
>;

export type PipelineRows = {
  tables: PipelineTables;
  territories: PipelineTerritory[];
  businesses: PipelineBusiness[];
  runs: PipelineRun[];
  sites: PipelineSite[];
  messages: PipelineMessage[];
  claims: PipelineClaim[];
  customers: PipelineCustomer[];
};

export const EMPTY_ROWS: PipelineRows = {
  tables: {},
  territories: [],
  businesses: [],
  runs: [],
  sites: [],
  messages: [],
  claims: [],
  customers: [],
};
