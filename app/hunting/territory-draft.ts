/** The New territory form's fields as typed, and the request they make. */
import { type CreateTerritory, DEFAULT_TERRITORY_RADIUS } from "../../schema/hunting-api";

export type LocationKind = "zip" | "city" | "address";

export type TerritoryDraft = {
  query: string;
  kind: LocationKind;
  zip: string;
  city: string;
  state: string;
  address: string;
  radius: string;
  priority: string;
};

export const EMPTY_DRAFT: TerritoryDraft = {
  query: "",
  kind: "zip",
  zip: "",
  city: "",
  state: "",
  address: "",
  radius: String(DEFAULT_TERRITORY_RADIUS),
  priority: "5",
};

/**
 * The body of `POST /api/territories`; the API checks the values and names what is wrong. An
 * empty number field is left out so the API's default applies.
 * @example toCreateTerritory({ ...EMPTY_DRAFT, query: "plumber", zip: "78701" }) // { query: "plumber", location: { zip: "78701" }, radiusMiles: 10, priority: 5 }
 */
export function toCreateTerritory(draft: TerritoryDraft): CreateTerritory {
  const location =
    draft.kind === "zip"
      ? { zip: draft.zip.trim() }
      : draft.kind === "city"
        ? { city: draft.city.trim(), state: draft.state.trim().toUpperCase() }
        : { address: draft.address.trim() };
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  return {
    query: draft.query.trim(),
    location,
    radiusMiles: number(draft.radius),
    priority: number(draft.priority),
  };
}
