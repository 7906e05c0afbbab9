/** Links to the grids hunting keeps its data in. */
import { TableLinks } from "../components/table-links";
import type { HuntingTables } from "./api";

export function HuntingTableLinks({ slug, tables }: { slug: string; tables: NonNullable<HuntingTables> }) {
  const links = [
    { label: "Territories", id: tables.territories },
    { label: "Businesses", id: tables.businesses },
    { label: "Scrape runs", id: tables.runs },
  ];
  return <TableLinks slug={slug} label="Hunting tables" links={links} />;
}
