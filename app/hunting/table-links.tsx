/** Links to the grids hunting keeps its data in. */
import { Table2 } from "lucide-react";
import { Link } from "react-router";
import type { HuntingTables } from "./api";

export function TableLinks({ slug, tables }: { slug: string; tables: NonNullable<HuntingTables> }) {
  const links = [
    { label: "Territories", id: tables.territories },
    { label: "Businesses", id: tables.businesses },
    { label: "Scrape runs", id: tables.runs },
  ];
  return (
    <nav aria-label="Hunting tables" className="flex flex-wrap gap-2">
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
