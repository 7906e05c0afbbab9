/**
 * The peer grid's page (bundled by esbuild, runs in the browser): ag-grid-community showing the
 * benchmark rows, fetched as JSON from the bench's own server, set up like Rowpilot's grid —
 * 32 px rows, a pinned row-number column and first column, editable cells, select chips, links,
 * formatted numbers and checkboxes.
 */
import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelModule,
  type ColDef,
  createGrid,
  ModuleRegistry,
  NumberEditorModule,
  RowApiModule,
  TextEditorModule,
} from "ag-grid-community";
import { type BenchColumn, type BenchValue, COLUMNS } from "../dataset";

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  CellStyleModule,
  TextEditorModule,
  NumberEditorModule,
  CheckboxEditorModule,
  // For the benchmark's probe only: `getDisplayedRowCount()` tells it every row is in the grid.
  RowApiModule,
]);

type Row = Record<string, BenchValue>;

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

function link(href: string, text: string) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  a.style.color = "#2563eb";
  a.style.textDecoration = "underline";
  return a;
}

function chip(text: string) {
  const span = document.createElement("span");
  span.textContent = text;
  span.style.cssText = "display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;line-height:20px";
  span.style.background = "#dbeafe";
  return span;
}

function columnDef(column: BenchColumn, field: string, first: boolean): ColDef<Row> {
  const base: ColDef<Row> = {
    field,
    headerName: column.name,
    width: column.type === "longText" ? 280 : 180,
    editable: true,
    pinned: first ? "left" : undefined,
  };
  switch (column.type) {
    case "number":
      return { ...base, type: "rightAligned", valueFormatter: (p) => number.format(p.value as number) };
    case "currency":
      return { ...base, type: "rightAligned", valueFormatter: (p) => usd.format(p.value as number) };
    case "percent":
      return { ...base, type: "rightAligned", valueFormatter: (p) => `${number.format((p.value as number) * 100)}%` };
    case "checkbox":
      return { ...base, cellDataType: "boolean" };
    case "singleSelect":
      return { ...base, cellRenderer: (p: { value: string }) => chip(p.value) };
    case "email":
      return { ...base, cellRenderer: (p: { value: string }) => link(`mailto:${p.value}`, p.value) };
    case "url":
      return { ...base, cellRenderer: (p: { value: string }) => link(p.value, p.value) };
    default:
      return { ...base, cellDataType: "text" };
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const host = document.getElementById("grid")!;
  host.style.width = `${Number(params.get("w") ?? 1200)}px`;
  host.style.height = `${Number(params.get("h") ?? 700)}px`;
  const response = await fetch("/rows.json");
  const rows = (await response.json()) as Row[];
  const fields = Object.keys(rows[0] ?? {});
  const api = createGrid<Row>(host, {
    rowData: rows,
    rowHeight: 32,
    headerHeight: 32,
    columnDefs: [
      {
        headerName: "",
        colId: "rowNumber",
        width: 56,
        pinned: "left",
        valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1,
        cellStyle: { textAlign: "right", color: "#71717a" },
      },
      ...COLUMNS.map((column, i) => columnDef(column, fields[i]!, i === 0)),
    ],
  });
  (window as { benchGrid?: unknown }).benchGrid = api;
}

void main();
