/** Links to the grids a feature keeps its data in (Hunting's Territories, Billing's Customers…). */
import { Table2 } from "lucide-react";
import { Link } from "react-router";

export type TableLink = { label: string; id: string };

export function TableLinks({ slug, label, links }: { slug: string; label: string; links: TableLink[] }) {
  if (links.length === 0) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
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
