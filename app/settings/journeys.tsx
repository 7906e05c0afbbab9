/**
 * The Journeys card: caps every journey keeps (counted per lead across journeys and channels),
 * quiet hours in the lead's zone, and the zone for leads without one. Saved as a whole (PUT).
 */
import { useState } from "react";
import type { JourneySettings } from "../../schema/journeys";
import { Button, Card, Field, Input, Notice } from "../components/ui";
import { journeysApi } from "../journeys/api";
import { CapsEditor, QuietHoursEditor } from "../journeys/journey-form";
import { apiJson } from "../lib/api-client";

export function JourneysCard({
  slug,
  settings,
  error,
  owner,
}: {
  slug: string;
  settings: JourneySettings | null;
  error: string | null;
  owner: boolean;
}) {
  const [value, setValue] = useState<JourneySettings>(settings ?? { caps: [], quietHours: null, zone: "UTC" });
  const [state, setState] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      setValue(
        await apiJson<JourneySettings>(journeysApi(slug, "/api/journeys/settings"), { method: "PUT", body: value }),
      );
      setState({ tone: "success", text: "Journey settings saved." });
    } catch (e) {
      setState({ tone: "error", text: `Could not save: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={<span id="journeys">Journeys</span>}
      description="Caps every journey keeps, counted per lead across all journeys and channels, and quiet hours in the lead's time zone."
    >
      {error ? (
        <Notice tone="error">{error}</Notice>
      ) : (
        <form
          aria-label="Journey settings"
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset disabled={!owner} className="flex flex-col gap-4">
            <div>
              <p className="mb-2 text-[13px] font-medium">Caps per lead</p>
              <CapsEditor caps={value.caps} onChange={(caps) => setValue({ ...value, caps })} />
            </div>
            <QuietHoursEditor
              value={value.quietHours}
              onChange={(quietHours) => setValue({ ...value, quietHours })}
              offLabel="No quiet hours: messages go when their step comes."
            />
            <Field label="Time zone for leads without one" hint="An IANA zone such as America/Chicago.">
              <Input value={value.zone} onChange={(e) => setValue({ ...value, zone: e.target.value })} />
            </Field>
          </fieldset>
          {state ? <Notice tone={state.tone}>{state.text}</Notice> : null}
          <div>
            <Button type="submit" variant="primary" disabled={!owner || busy}>
              {busy ? "Saving…" : "Save journey settings"}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
