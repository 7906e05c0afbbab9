/** The small New territory form: a query, a place (ZIP, city and state, or address), a radius and a priority. */
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { type CreateTerritory, MAX_TERRITORY_RADIUS } from "../../schema/hunting-api";
import { Button, Field, Input, Notice, Select } from "../components/ui";
import { EMPTY_DRAFT, type LocationKind, type TerritoryDraft, toCreateTerritory } from "./territory-draft";

/** `onCreate` rejects with the API's message, which the form shows; it resolves once the territory exists. */
export function TerritoryForm({ onCreate }: { onCreate: (body: CreateTerritory) => Promise<void> }) {
  const [draft, setDraft] = useState<TerritoryDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof TerritoryDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onCreate(toCreateTerritory(draft));
      setDraft((d) => ({ ...EMPTY_DRAFT, kind: d.kind }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form aria-label="New territory" onSubmit={submit} className="flex flex-col gap-3">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 items-end lg:grid-cols-[minmax(0,1.4fr)_auto_minmax(0,1.6fr)_136px_80px]">
        <Field label="Search query">
          <Input value={draft.query} onChange={set("query")} required maxLength={120} placeholder="plumber" />
        </Field>
        <Field label="Place by">
          <Select
            value={draft.kind}
            onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as LocationKind }))}
          >
            <option value="zip">ZIP code</option>
            <option value="city">City and state</option>
            <option value="address">Address</option>
          </Select>
        </Field>
        {draft.kind === "zip" ? (
          <Field label="ZIP code">
            <Input value={draft.zip} onChange={set("zip")} required inputMode="numeric" placeholder="78701" />
          </Field>
        ) : draft.kind === "city" ? (
          <div className="grid grid-cols-[minmax(0,1fr)_72px] gap-2">
            <Field label="City">
              <Input value={draft.city} onChange={set("city")} required placeholder="Austin" />
            </Field>
            <Field label="State">
              <Input value={draft.state} onChange={set("state")} required maxLength={2} placeholder="TX" />
            </Field>
          </div>
        ) : (
          <Field label="Address">
            <Input
              value={draft.address}
              onChange={set("address")}
              required
              placeholder="100 Congress Ave, Austin, TX"
            />
          </Field>
        )}
        <Field label="Radius (miles)">
          <Input
            type="number"
            value={draft.radius}
            onChange={set("radius")}
            min={0.1}
            max={MAX_TERRITORY_RADIUS}
            step="any"
          />
        </Field>
        <Field label="Priority">
          <Input type="number" value={draft.priority} onChange={set("priority")} min={1} max={10} step={1} />
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={busy}>
          <Plus className="h-4 w-4" aria-hidden /> {busy ? "Adding…" : "Add territory"}
        </Button>
      </div>
    </form>
  );
}
