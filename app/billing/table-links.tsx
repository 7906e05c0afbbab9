/** Links to the grids billing keeps its data in: Customers, Subscriptions, Payments. */
import { Table2 } from "lucide-react";
import { Link } from "react-router";
import { PAYMENTS_TABLES } from "../../schema/payments-tables";
import { type BillingTableIds, LINKED_TABLES } from "./api";

export function BillingTableLinks({ slug, ids }: { slug: string; ids: BillingTableIds }) {
  const links = LINKED_TABLES.flatMap((t) => (ids[t] ? [{ label: PAYMENTS_TABLES[t].name, id: ids[t] }] : []));
  if (links.length === 0) return null;
  return (
    <nav aria-label="Billing tables" className="flex flex-wrap gap-2">
      {links.map((l) => (
        <Link
          key={l.label}
          to={`/w/${slug}/t/${l.id}`}
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-[13px] font-medium hover:bg-surface-2"
        >
          <Table2 className="h-3.5 w-3.5 text-muted" aria-hidden /> {l.label}
        </Link>
      ))}
    </nav>
  );
}
