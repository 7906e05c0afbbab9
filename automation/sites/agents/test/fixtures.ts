/** A business and a valid answer from each agent, for the pipeline tests. */
import type { SiteAgentOutputs } from "../../../../schema/site-agents";
import { SiteFacts } from "../../../../schema/sites";

export const FACTS = SiteFacts.parse({
  name: "Rosa's Taquería",
  category: "Mexican restaurant",
  address: "1402 E Cesar Chavez St",
  city: "Austin",
  state: "TX",
  zip: "78702",
  phone: "(512) 555-0142",
  rating: 4.8,
  reviewCount: 312,
  hours: ["Mon–Sat 7–15", "Sun closed"],
  mapsUrl: "https://maps.example/rosas",
  claimUrl: "https://rowpilot.test/claim/rosas",
  reviews: [
    {
      author: "Dana",
      rating: 5,
      text: "The breakfast tacos are handmade every morning and the salsa verde is unreal.",
    },
    { author: "Luis", rating: 5, text: "Rosa remembers everyone's order. Feels like family." },
  ],
});

export const ANSWERS: SiteAgentOutputs = {
  analyst: {
    reviewHighlight: "Handmade breakfast tacos and a salsa verde regulars call unreal",
    brandArchetype: "Caregiver",
    emotionalTriggers: ["belonging", "morning ritual"],
    keyDifferentiators: ["tortillas made every morning", "the owner knows regulars by name"],
    sentiment: {
      overall: "positive",
      summary: "312 reviews averaging 4.8; warmth and freshness come up again and again",
    },
  },
  concept: {
    concepts: [
      { name: "Familia", personality: "warm", tone: "conversational", angle: "Rosa knows your order" },
      { name: "Mañana Ritual", personality: "lively", tone: "upbeat", angle: "the east side's breakfast stop" },
      { name: "Hecho a Mano", personality: "proud", tone: "crafted", angle: "tortillas pressed at dawn" },
    ],
    chosenIndex: 0,
    whyChosen: "Reviews talk about Rosa and feeling at home more than about anything else",
    creativeDna: {
      personalityTraits: ["warm", "generous", "unfussy"],
      communicationStyle: "like a neighbour across the counter",
      brandStory: "Rosa opened on Cesar Chavez to feed the neighbourhood the breakfast she grew up on.",
      valueProposition: "Handmade breakfast tacos from someone who knows your name",
    },
  },
  artDirector: {
    vibe: "warm-editorial",
    typography: {
      heading: { family: "Fraunces", weights: [600, 800], fallback: "Georgia, serif" },
      body: { family: "Source Serif 4", weights: [400, 600], fallback: "Georgia, serif" },
    },
    palettes: {
      light: {
        background: "#fffaf3",
        surface: "#ffffff",
        text: "#2b1d14",
        mutedText: "#5c4a3d",
        primary: "#9a3412",
        onPrimary: "#ffffff",
        accent: "#15803d",
      },
      dark: {
        background: "#1c1410",
        surface: "#2a1f19",
        text: "#fdf4e7",
        mutedText: "#d6c4b0",
        primary: "#fdba74",
        onPrimary: "#1c1410",
        accent: "#86efac",
      },
    },
    hero: {
      layout: "split",
      headline: "Breakfast tacos, made by hand since sunrise",
      subheadline: "Rosa's kitchen on East Cesar Chavez",
      ctaLabel: "Call to order",
    },
    interactions: [{ element: "hero photo", effect: "slow fade-in" }],
  },
  architect: {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rosa's Taquería — breakfast tacos in Austin</title><meta name="description" content="Handmade breakfast tacos on East Cesar Chavez."><meta property="og:title" content="Rosa's Taquería"><link rel="stylesheet" href="styles.css"></head><body><header><h1>Rosa&#39;s Taquería</h1><a href="tel:+15125550142">(512) 555-0142</a></header><main></main><aside data-claim-bar><a href="https://rowpilot.test/claim/rosas">Claim this site</a></aside><script src="script.js"></script></body></html>`,
    css: "body{font-family:Fraunces,Georgia,serif}",
    js: "",
  },
};

/** A valid answer of the Message Writer about Rosa (its site's address is the test's to check). */
export const WRITER_ANSWER = {
  subject: "Your breakfast tacos deserve a website",
  body: "Hi Rosa's Taquería team,\n\nPeople in Austin rave about your handmade breakfast tacos, so I made you a site.\n\nReply if you'd like it.\n\nAna",
  subjects: ["A site for Rosa's Taquería", "Handmade tacos, now online"],
};
