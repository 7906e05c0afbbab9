/**
 * The funnel from territories to paying customers: for each stage, the items that reached it,
 * the share of the stage before that did, the items waiting there for the next step (and the
 * oldest's time), and the grid filter that shows the rows behind the count. Each count is
 * exactly what its filter shows, so a number and the rows it opens agree.
 */
import type { PipelineStage, PipelineStageCount } from "../../../schema/autopilot";
import type { PipelineRows, PipelineTables } from "./rows";
import { msOf, Oldest } from "./time";

export const STAGE_LABELS: Record<PipelineStage, string> = {
  territories: "Territories",
  scraped: "Scraped",
  qualified: "Qualified",
  generated: "Sites generated",
  published: "Published",
  pitched: "Pitched",
  opened: "Opened",
  clicked: "Clicked",
  replied: "Replied",
  claimed: "Claimed",
  paid: "Paid",
};

/** Lead statuses of a business that was qualified, whatever happened to it after. */
export const QUALIFIED_LEADS = ["qualified", "site generated", "pitched", "claimed", "customer"];
/** Message statuses of a pitch that was clicked (a reply after a click keeps its click). */
export const CLICKED_MESSAGES = ["clicked", "replied"];

type Link = PipelineStageCount["link"];
type Filter = NonNullable<Link>["filter"];
type Counted = { count: number; waiting: number; oldest: Oldest; link: Link };

/** Stages counted in another unit than the stage before (one territory yields many businesses): no share. */
const NO_CONVERSION: ReadonlySet<PipelineStage> = new Set(["territories", "scraped"]);

const linkTo = (tables: PipelineTables, table: keyof PipelineTables, filter: Filter): Link => {
  const tableId = tables[table];
  return tableId ? { tableId, filter } : null;
};

function counted(tables: PipelineTables, table: keyof PipelineTables, filter: Filter): Counted {
  return { count: 0, waiting: 0, oldest: new Oldest(), link: linkTo(tables, table, filter) };
}

/** Waiting: due territories (never scraped, or their cooldown over) wait to be scraped. */
function territoryStages(rows: PipelineRows, now: Date) {
  const territories = counted(rows.tables, "territories", null);
  for (const t of rows.territories) {
    territories.count++;
    const cooldown = msOf(t.cooldownUntil);
    const due = t.status === "pending" || (t.status === "cooldown" && (cooldown === null || cooldown <= now.getTime()));
    if (!due) continue;
    territories.waiting++;
    territories.oldest.see(t.status === "cooldown" ? t.cooldownUntil : t.lastScraped);
  }
  return { territories };
}

/**
 * Waiting: new businesses whose score qualifies them wait to be made leads (the scraping phase's
 * qualify cap); qualified leads wait for a site. A new business its score leaves out waits for nothing.
 */
function businessStages(rows: PipelineRows) {
  const scraped = counted(rows.tables, "businesses", null);
  const qualified = counted(rows.tables, "businesses", {
    columnKey: "leadStatus",
    op: "isAnyOf",
    value: QUALIFIED_LEADS,
  });
  for (const b of rows.businesses) {
    scraped.count++;
    if (b.qualified && (b.leadStatus === "" || b.leadStatus === "new")) scraped.waiting++;
    if (QUALIFIED_LEADS.includes(b.leadStatus)) qualified.count++;
    if (b.leadStatus === "qualified") qualified.waiting++;
  }
  return { scraped, qualified };
}

/** Waiting: sites in review wait to be published; published sites with no pitch wait to be pitched. */
function siteStages(rows: PipelineRows) {
  const generated = counted(rows.tables, "sites", { columnKey: "generated", op: "notEmpty" });
  const published = counted(rows.tables, "sites", { columnKey: "published", op: "notEmpty" });
  const pitchedSites = new Set<string>();
  for (const m of rows.messages) if (m.siteId && m.direction !== "in") pitchedSites.add(m.siteId);
  for (const s of rows.sites) {
    if (s.generated) generated.count++;
    if (s.status === "review") {
      generated.waiting++;
      generated.oldest.see(s.generated);
    }
    if (s.published) published.count++;
    if (s.status === "published" && !pitchedSites.has(s.id)) {
      published.waiting++;
      published.oldest.see(s.published);
    }
  }
  return { generated, published };
}

/** Waiting: each pitch waits at the furthest stage it reached; a reply waits for its site's claim. */
function messageStages(rows: PipelineRows) {
  const pitched = counted(rows.tables, "messages", { columnKey: "sentAt", op: "notEmpty" });
  const opened = counted(rows.tables, "messages", { columnKey: "firstOpenedAt", op: "notEmpty" });
  const clicked = counted(rows.tables, "messages", { columnKey: "status", op: "isAnyOf", value: CLICKED_MESSAGES });
  const replied = counted(rows.tables, "messages", { columnKey: "status", op: "is", value: "replied" });
  const claimedSites = new Set<string>();
  for (const c of rows.claims) if (c.siteId) claimedSites.add(c.siteId);
  for (const m of rows.messages) {
    if (m.direction === "in" || !m.sentAt) continue;
    pitched.count++;
    const wasOpened = m.firstOpenedAt !== null;
    const wasClicked = CLICKED_MESSAGES.includes(m.status);
    const wasReplied = m.status === "replied";
    if (wasOpened) opened.count++;
    if (wasClicked) clicked.count++;
    if (wasReplied) replied.count++;
    const waitsAt = wasReplied
      ? m.siteId && claimedSites.has(m.siteId)
        ? null
        : replied
      : wasClicked
        ? clicked
        : wasOpened
          ? opened
          : pitched;
    if (!waitsAt) continue;
    waitsAt.waiting++;
    waitsAt.oldest.see(waitsAt === opened ? m.firstOpenedAt : m.sentAt);
  }
  return { pitched, opened, clicked, replied };
}

/** Waiting: claims whose site has no paying customer yet. */
function paidStages(rows: PipelineRows) {
  const claimed = counted(rows.tables, "claims", null);
  const paid = counted(rows.tables, "customers", { columnKey: "firstPaid", op: "notEmpty" });
  const paidSites = new Set<string>();
  for (const c of rows.customers) {
    if (!c.firstPaid) continue;
    paid.count++;
    if (c.siteId) paidSites.add(c.siteId);
  }
  for (const c of rows.claims) {
    claimed.count++;
    if (c.siteId && paidSites.has(c.siteId)) continue;
    claimed.waiting++;
    claimed.oldest.see(c.received);
  }
  return { claimed, paid };
}

export function stageCounts(rows: PipelineRows, now: Date): PipelineStageCount[] {
  const all: Record<PipelineStage, Counted> = {
    ...territoryStages(rows, now),
    ...businessStages(rows),
    ...siteStages(rows),
    ...messageStages(rows),
    ...paidStages(rows),
  };
  const order = Object.keys(STAGE_LABELS) as PipelineStage[];
  return order.map((stage, i) => {
    const { count, waiting, oldest, link } = all[stage];
    const previous = i > 0 ? all[order[i - 1]!].count : 0;
    return {
      stage,
      label: STAGE_LABELS[stage],
      count,
      conversion: NO_CONVERSION.has(stage) || previous === 0 ? null : count / previous,
      waiting,
      oldestWaitingAt: oldest.iso,
      link,
    };
  });
}
