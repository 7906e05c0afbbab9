/** Links to the grids billing keeps its data in: Customers, Subscriptions, Payments. */
import { PAYMENTS_TABLES } from "../../schema/payments-tables";
import { TableLinks } from "../components/table-links";
import { type BillingTableIds, LINKED_TABLES } from "./api";

export function BillingTableLinks({ slug, ids }: { slug: string; ids: BillingTableIds }) {
  const links = LINKED_TABLES.flatMap((t) => (ids[t] ? [{ label: PAYMENTS_TABLES[t].name, id: ids[t] }] : []));
  return <TableLinks slug={slug} label="Billing tables" links={links} />;
}
