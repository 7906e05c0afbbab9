/** Business hunting: totals, the coverage map, the report, the territories with Scrape now and Scrape next, and a form for a new one. */
import { Crosshair, FastForward, SlidersHorizontal } from "lucide-react";
import { useEffect } from "react";
import { Link, useLoaderData, useRevalidator, useRouteLoaderData } from "react-router";
import type {
  CoverageMap as CoverageMapData,
  CreateTerritory,
  HuntingReport,
  TerritoryRecord,
} from "../../schema/hunting-api";
import { Button, Card, EmptyState, Notice, PageHeader } from "../components/ui";
import { type HuntingTables, huntingApi } from "../hunting/api";
import { CoverageMap } from "../hunting/coverage-map";
import { BestTerritories } from "../hunting/report/best-territories";
import { RateBars } from "../hunting/report/rate-bars";
import { WeeklyChart } from "../hunting/report/weekly-chart";
import { HuntingStats } from "../hunting/stats";
import { HuntingTableLinks } from "../hunting/table-links";
import { TerritoryForm } from "../hunting/territory-form";
import { TerritoryList } from "../hunting/territory-list";
import { useScrapes } from "../hunting/use-scrapes";
import { apiGet } from "../lib/api.server";
import { apiJson } from "../lib/api-client";
import type { Route } from "./+types/hunting";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Hunting · Rowpilot" }];

/** A scrape that goes on in the background reaches the page at the next refresh. */
const REFRESH_MS = 15_000;

type HuntingData =
  | { tables: null }
  | { tables: NonNullable<HuntingTables>; territories: TerritoryRecord[]; report: HuntingReport; map: CoverageMapData };

export async function loader({ context, request, params }: Route.LoaderArgs): Promise<HuntingData> {
  const get = <T,>(path: string) => apiGet<T>(context, request, huntingApi(params.slug, path));
  const tables = await get<HuntingTables>("/api/hunting/tables");
  if (!tables) return { tables: null };
  const [territories, report, map] = await Promise.all([
    get<TerritoryRecord[]>("/api/territories"),
    get<HuntingReport>("/api/hunting/report"),
    get<CoverageMapData>("/api/hunting/map"),
  ]);
  return { tables, territories, report, map };
}

export default function HuntingPage({ params }: Route.ComponentProps) {
  const data = useLoaderData<typeof loader>();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidate]);
  const territories = data.tables ? data.territories : [];
  const { scraping, message, setMessage, scrapeNow, scrapeNext } = useScrapes(params.slug, territories, revalidate);

  const create = async (body: CreateTerritory) => {
    await apiJson<{ id: string }>(huntingApi(params.slug, "/api/territories"), { method: "POST", body });
    setMessage({ tone: "success", text: "Territory added. Scrape it now, or let Scrape next take it in its turn." });
    await revalidate();
  };
  const form = canEdit ? (
    <Card
      title="New territory"
      description="A category or search in a place; businesses found there are scored as leads."
    >
      <TerritoryForm onCreate={create} />
    </Card>
  ) : null;

  return (
    <>
      <PageHeader
        title="Hunting"
        description="Work through territories, pull every local business in them and score each as a lead."
        actions={
          <Link
            to={`/w/${params.slug}/hunting/scoring`}
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line bg-surface px-3 text-[13px] font-medium hover:bg-surface-2"
          >
            <SlidersHorizontal className="h-4 w-4" aria-hidden /> Lead scoring
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {!data.tables ? (
          <>
            <Card>
              <EmptyState icon={<Crosshair className="h-8 w-8" />} title="No territories yet">
                <p>
                  Add a first territory below: a category such as "plumber" near a ZIP code. Rowpilot makes the
                  Territories, Businesses and Scrape runs tables for it.
                </p>
              </EmptyState>
            </Card>
            {form}
          </>
        ) : (
          <>
            <HuntingTableLinks slug={params.slug} tables={data.tables} />
            <HuntingStats totals={data.report.totals} />
            <Card
              title="Territories"
              description="Highest priority first when Scrape next picks; a scraped territory rests until its cooldown ends."
              actions={
                canEdit ? (
                  <Button variant="primary" onClick={() => void scrapeNext()} disabled={scraping !== null}>
                    <FastForward className="h-4 w-4" aria-hidden /> {scraping === "next" ? "Scraping…" : "Scrape next"}
                  </Button>
                ) : null
              }
            >
              {territories.length ? (
                <TerritoryList
                  territories={territories}
                  canEdit={canEdit}
                  scraping={scraping}
                  onScrape={(t) => void scrapeNow(t)}
                />
              ) : (
                <p className="text-[13px] text-muted">No territories yet: add one below.</p>
              )}
            </Card>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
              <Card title="Coverage map" description="Territories by status, businesses by lead score">
                <CoverageMap map={data.map} />
              </Card>
              <div className="flex flex-col gap-4">
                <Card title="Qualified leads per week" description="By the week their territory was scraped">
                  <WeeklyChart weekly={data.report.weekly} />
                </Card>
                <Card title="Best territories" description="Most qualified leads">
                  <BestTerritories rows={data.report.bestTerritories} />
                </Card>
              </div>
            </div>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Card title="By category" description="Share of businesses qualified">
                <RateBars label="Qualification by category" group="Category" rows={data.report.byCategory} />
              </Card>
              <Card title="By city" description="Share of businesses qualified">
                <RateBars label="Qualification by city" group="City" rows={data.report.byCity} />
              </Card>
            </div>
            {form}
          </>
        )}
      </div>
    </>
  );
}
