/**
 * Tables a workspace can start from: the columns (with their types and formulas) of the lists
 * outreach teams keep. Shared by the app's new-table form and the API.
 */
import type { ColumnType } from "./tables";

export type TemplateColumn = { name: string; type: ColumnType; options?: Record<string, unknown> };
export type TableTemplate = { id: string; name: string; description: string; columns: TemplateColumn[] };

export const TABLE_TEMPLATES: readonly TableTemplate[] = [
  {
    id: "blank",
    name: "Blank",
    description: "A name, a status and notes; add the rest from the grid.",
    columns: [
      { name: "Name", type: "text" },
      { name: "Status", type: "singleSelect" },
      { name: "Notes", type: "longText" },
    ],
  },
  {
    id: "leads",
    name: "Leads",
    description: "People to reach, their stage in the pipeline and the next step.",
    columns: [
      { name: "Name", type: "text" },
      { name: "Company", type: "text" },
      { name: "Email", type: "email" },
      { name: "Phone", type: "phone" },
      { name: "Stage", type: "singleSelect" },
      { name: "Score", type: "rating" },
      { name: "Next step", type: "date" },
      {
        name: "Days to next step",
        type: "formula",
        options: { formula: 'IF({Next step}, DATETIME_DIFF({Next step}, TODAY(), "days"), BLANK())' },
      },
      { name: "Notes", type: "longText" },
    ],
  },
  {
    id: "dealerships",
    name: "Dealerships",
    description: "Car dealers to contact: makes, website, distance and the state of each contact.",
    columns: [
      { name: "Name", type: "text" },
      { name: "Makes", type: "multiSelect" },
      { name: "Website", type: "url" },
      { name: "Phone", type: "phone" },
      { name: "Address", type: "text" },
      { name: "Distance (miles)", type: "number" },
      { name: "Contact status", type: "status" },
      { name: "Last attempt", type: "datetime" },
      { name: "Notes", type: "longText" },
    ],
  },
  {
    id: "campaigns",
    name: "Campaigns",
    description: "Outreach campaigns with their channel, audience and results.",
    columns: [
      { name: "Name", type: "text" },
      { name: "Channel", type: "singleSelect" },
      { name: "Audience", type: "text" },
      { name: "Sent", type: "number" },
      { name: "Opened", type: "number" },
      {
        name: "Open rate",
        type: "formula",
        options: { formula: "IF({Sent}, ROUND({Opened} / {Sent} * 100, 1), BLANK())" },
      },
      { name: "Status", type: "singleSelect" },
    ],
  },
];

export const templateById = (id: string) => TABLE_TEMPLATES.find((t) => t.id === id) ?? null;
