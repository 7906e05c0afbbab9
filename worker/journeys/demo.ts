/**
 * What the demo's journeys seed makes, through the API: eight sample leads (several time zones,
 * one without an email, one without a phone, each channel preference), the prebuilt journeys from
 * their templates (the welcome series published and active, entered by hand; the others drafts)
 * and, on Businesses, a rule (turned off) that makes qualified businesses leads. No caps and no
 * quiet hours, so a demo run is never held.
 */
import type { JourneyDefinition, JourneyItem } from "../../schema/journeys";

/** Calls the API as the seed's editor (`path` after `/api`), answering the JSON body or throwing. */
export type SeedCall = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

const LEADS = [
  {
    Name: "Ana Flores",
    Email: "ana@example.com",
    Phone: "+15125550101",
    Company: "Flores Bakery",
    Location: "Austin, TX",
    "Time zone": "America/Chicago",
    "Channel preference": "email",
    Score: 72,
  },
  {
    Name: "Ben Okafor",
    Email: "ben@example.com",
    Phone: "+13125550102",
    Company: "Okafor Plumbing",
    Location: "Chicago, IL",
    "Time zone": "America/Chicago",
    "Channel preference": "sms",
    Score: 55,
  },
  {
    Name: "Chloé Martin",
    Email: "chloe@example.com",
    Phone: "+33155550103",
    Company: "Atelier Martin",
    Location: "Paris, France",
    "Time zone": "Europe/Paris",
    "Channel preference": "auto",
    Score: 40,
  },
  {
    Name: "Dev Patel",
    Email: "dev@example.com",
    Phone: "+14155550104",
    Company: "Patel Roofing",
    Location: "San Francisco, CA",
    "Time zone": "America/Los_Angeles",
    "Channel preference": "chat",
    Score: 88,
  },
  {
    Name: "Emi Tanaka",
    Email: "emi@example.com",
    Phone: "+81355550105",
    Company: "Tanaka Salon",
    Location: "Tokyo, Japan",
    "Time zone": "Asia/Tokyo",
    "Channel preference": "auto",
    Score: 30,
  },
  {
    Name: "Femi Adeyemi",
    Email: "",
    Phone: "+2348055550106",
    Company: "Adeyemi Motors",
    Location: "Lagos, Nigeria",
    "Time zone": "Africa/Lagos",
    "Channel preference": "sms",
    Score: 61,
  },
  {
    Name: "Greta Larsen",
    Email: "greta@example.com",
    Phone: "",
    Company: "Larsen Hair",
    Location: "Oslo, Norway",
    "Time zone": "Europe/Oslo",
    "Channel preference": "email",
    Score: 45,
  },
  {
    Name: "Hugo Silva",
    Email: "hugo@example.com",
    Phone: "+5511955550108",
    Company: "Silva Dealers",
    Location: "São Paulo, Brazil",
    "Time zone": "America/Sao_Paulo",
    "Channel preference": "auto",
    Score: 93,
  },
];

const WELCOME = "welcome";

/**
 * Makes the demo's journeys and leads through the API (`call`), the leads owned by `ownerEmail`.
 * @example console.log(await seedJourneys(call, "demo@rowpilot.local"));
 */
export async function seedJourneys(call: SeedCall, ownerEmail: string): Promise<string> {
  const templates = (await call("GET", "/journeys/templates")) as unknown as { key: string; name: string }[];
  const made: { key: string; id: string }[] = [];
  for (const { key } of templates) {
    const { id } = (await call("POST", "/journeys/from-template", { key })) as { id: string };
    made.push({ key, id: String(id) });
  }
  const item = async (id: string) => (await call("GET", `/journeys/${id}`)) as unknown as JourneyItem;
  const welcome = made.find((m) => m.key === WELCOME);
  if (!welcome) throw new Error("no welcome series among the templates");
  const draft: JourneyDefinition = { ...(await item(welcome.id)).definition, entry: { kind: "manual" } };
  await call("PUT", `/journeys/${welcome.id}`, draft);
  await call("POST", `/journeys/${welcome.id}/publish`);

  const leads = draft.table;
  const rows = LEADS.map((lead) => ({
    cells: { ...lead, Owner: ownerEmail, Stage: "new", Consent: "opted in" },
  }));
  await call("POST", `/tables/${leads}/rows`, { rows });

  const pitch = made.find((m) => m.key === "pitch");
  const businesses = pitch ? (await item(pitch.id)).definition.table : null;
  const rule = businesses && businesses !== leads;
  if (rule)
    await call("PUT", `/tables/${businesses}/triggers/qualified-leads`, {
      name: "Qualified businesses become leads",
      enabled: false,
      when: "{Qualified}",
      action: { name: "lead", params: {} },
    });
  const names = templates.map((t) => t.name).join(", ");
  const extra = rule ? "; a rule on Businesses (off) makes qualified businesses leads" : "";
  return `Seeded ${LEADS.length} sample leads and the prebuilt journeys (${names}), the welcome series active${extra}.`;
}
