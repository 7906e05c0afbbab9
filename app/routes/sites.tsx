/**
 * The Sites gallery: a card per generated site (screenshot, business, status, vibe, fallback),
 * filtered by status and vibe in the URL; a card opens the site's panel (`?site=<id>`) with its
 * screenshots, stage timeline, quality and actions.
 */
import { Globe, Table2 } from "lucide-react";
import { useEffect } from "react";
import { Link, useLoaderData, useRevalidator, useRouteLoaderData, useSearchParams } from "react-router";
import type { SecretStatus } from "../../schema/api";
import { isBusySite, type SiteList } from "../../schema/sites-api";
import { SITE_STATUSES } from "../../schema/sites-tables";
import { Card, countOf, EmptyState, PageHeader } from "../components/ui";
import { type HuntingTables, huntingApi } from "../hunting/api";
import { apiGet } from "../lib/api.server";
import { sitesApi } from "../sites/api";
import { FILTER_KEYS, SiteFilters } from "../sites/filters";
import { SiteCard } from "../sites/site-card";
import { SitePanel } from "../sites/site-panel";
import { POLL_MS } from "../sites/use-live-site";
import type { Route } from "./+types/sites";
import type { loader as workspaceLoader } from "./workspace";

/** Sites waiting in a queue or a Message Batch (up to a day) change rarely: read them less often. */
const QUEUED_POLL_MS = 10_000;

export const meta: Route.MetaFunction = () => [{ title: "Sites · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const filter = {
    status: (SITE_STATUSES as readonly string[]).includes(status) ? status : "",
    vibe: url.searchParams.get("vibe") ?? "",
  };
  const get = <T,>(path: string) => apiGet<T>(context, request, path);
  const [list, tables, settings] = await Promise.all([
    get<SiteList>(sitesApi(params.slug, "", filter)),
    get<HuntingTables>(huntingApi(params.slug, "/api/hunting/tables")),
    get<{ secrets: SecretStatus[] }>(`/api/workspaces/${encodeURIComponent(params.slug)}/settings`),
  ]);
  const hasKey = settings.secrets.some((s) => s.key === "anthropicApiKey" && s.set);
  return { list, businessesTable: tables?.businesses ?? null, hasKey };
}

export default function SitesPage({ params }: Route.ComponentProps) {
  const { list, businessesTable, hasKey } = useLoaderData<typeof loader>();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const { revalidate, state } = useRevalidator();
  const [search, setSearch] = useSearchParams();
  const openId = search.get("site");
  const open = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set("site", id);
    else next.delete("site");
    setSearch(next, { preventScrollReset: true });
  };
  const total = Object.values(list.facets.status).reduce((sum, n) => sum + n, 0);
  const filtered = FILTER_KEYS.some((k) => search.get(k));
  const refresh = () => void revalidate();
  // While sites are being made, the whole list is read again (one request, not one a card): every
  // POLL_MS while an agent runs, less often while they only wait in a queue or a Message Batch.
  const generating = list.sites.some((s) => s.status === "generating");
  const waiting = list.sites.some((s) => isBusySite(s.status));
  useEffect(() => {
    if (!waiting || state !== "idle") return;
    const timer = setTimeout(() => void revalidate(), generating ? POLL_MS : QUEUED_POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, generating, state, revalidate]);

  return (
    <>
      <PageHeader
        title="Sites"
        description="One-page sites made for your businesses: review each, then publish it at its public address."
        actions={total ? <SiteFilters facets={list.facets} /> : null}
      />
      {total === 0 ? (
        <Card>
          <EmptyState icon={<Globe className="h-8 w-8" />} title="No sites yet">
            <p>
              {businessesTable
                ? "Open a business in the Businesses table"
                : "Find businesses on the Hunting page, open one"}{" "}
              and press its <strong>Generate site</strong> button; the site shows here to review and publish.
            </p>
            <p className="mt-3">
              {businessesTable ? (
                <Link
                  to={`/w/${params.slug}/t/${businessesTable}`}
                  className="inline-flex items-center gap-1.5 font-medium text-accent hover:underline"
                >
                  <Table2 className="h-4 w-4" aria-hidden /> Open the Businesses table
                </Link>
              ) : (
                <Link to={`/w/${params.slug}/hunting`} className="font-medium text-accent hover:underline">
                  Go to Hunting
                </Link>
              )}
            </p>
          </EmptyState>
        </Card>
      ) : list.sites.length === 0 ? (
        <Card>
          <EmptyState title="No sites match these filters">
            <Link to={`/w/${params.slug}/sites`} className="font-medium text-accent hover:underline">
              Show every site
            </Link>
          </EmptyState>
        </Card>
      ) : (
        <>
          <p className="mb-3 text-[13px] text-muted" aria-live="polite">
            {filtered ? `${countOf(list.sites.length, "site")} of ${total}` : countOf(total, "site")}
          </p>
          <ul aria-label="Sites" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {list.sites.map((site) => (
              <SiteCard key={site.id} site={site} onOpen={open} />
            ))}
          </ul>
        </>
      )}
      <SitePanel
        slug={params.slug}
        id={openId}
        summary={list.sites.find((s) => s.id === openId) ?? null}
        canEdit={canEdit}
        hasKey={hasKey}
        onClose={() => open(null)}
        onChanged={refresh}
      />
    </>
  );
}
