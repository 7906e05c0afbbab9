/** Which template, palette and hero a business gets: its category picks the family, the seed the rest. */
import type { SiteFacts } from "../../../schema/sites";
import { type Family, type Palette, TEMPLATES, type Template } from "./templates";

/** Checked in order: "Barber" is wellness before food's "bar" is tried. */
const FAMILY_WORDS: [Family, RegExp][] = [
  [
    "wellness",
    /salon|\bspa\b|beauty|barber|hair|nail|massage|wellness|yoga|pilates|fitness|\bgym\b|esthetic|skin|lash|brow|tattoo|chiropract|physio|therap|makeup|facial/i,
  ],
  [
    "food",
    /restaurant|caf[eé]|coffee|bakery|\bbar\b|\bpub\b|pizza|taco|grill|diner|bistro|kitchen|food|cater|\bdeli\b|brew|wine|bbq|barbecue|sushi|ice cream|dessert|donut|juice|bagel|burger/i,
  ],
  [
    "trades",
    /plumb|electric|hvac|heating|cooling|air condition|roof|contractor|construct|carpent|handyman|paint|landscap|lawn|garden|locksmith|mechanic|auto|garage|towing|clean|pest|fenc|floor|window|gutter|pool|moving|movers|weld|mason|concrete|tile|remodel|repair|builder/i,
  ],
];

export function familyOf(category: string): Family {
  return FAMILY_WORDS.find(([, words]) => words.test(category))?.[0] ?? "general";
}

export type HeroLayout = "split" | "centered";

export type Design = { template: Template; palette: Palette; hero: HeroLayout };

/** FNV-1a: a stable 32-bit number from the name, so a business without a seed keeps its look. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function chooseDesign(facts: SiteFacts, seed: number): Design {
  const template = TEMPLATES[familyOf(facts.category)];
  const bits = Math.abs(Math.trunc(seed));
  return {
    template,
    palette: template.palettes[bits % 2]!,
    hero: Math.floor(bits / 2) % 2 === 0 ? "split" : "centered",
  };
}
