/** The column types people pick from, and which of them are computed or keep their type. */
import type { ColumnType } from "../../schema/tables";

/** The types people can pick for a new column, in the order a menu shows them. */
export const TYPE_LABELS: [ColumnType, string][] = [
  ["text", "Text"],
  ["longText", "Long text"],
  ["number", "Number"],
  ["currency", "Currency"],
  ["percent", "Percent"],
  ["checkbox", "Checkbox"],
  ["singleSelect", "Single select"],
  ["multiSelect", "Multiple select"],
  ["status", "Status"],
  ["date", "Date"],
  ["datetime", "Date and time"],
  ["email", "Email"],
  ["url", "URL"],
  ["phone", "Phone"],
  ["rating", "Rating"],
  ["attachment", "Attachment"],
  ["link", "Link to another table"],
  ["formula", "Formula"],
  ["button", "Button"],
];

export const isComputed = (type: ColumnType): type is "formula" | "button" => type === "formula" || type === "button";
/** Types whose values no other type's values turn into (files, computed values). */
export const keepsItsType = (type: ColumnType) => isComputed(type) || type === "attachment" || type === "link";
