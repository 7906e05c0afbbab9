/**
 * The designed templates of the fallback generator: one per kind of business, each with two
 * palettes (a light and a dark scheme apiece) and its own type. Every text/background pair is
 * held to WCAG AA (4.5:1) by `templates.test.ts`.
 */

/** The kinds of business a template is made for, found from the category. */
export type Family = "trades" | "food" | "wellness" | "general";

export type Scheme = {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  accent: string;
  /** Text on `accent` (buttons). */
  onAccent: string;
  link: string;
  border: string;
};

export type Palette = { name: string; light: Scheme; dark: Scheme };

export type Template = {
  id: string;
  family: Family;
  /** The vibe's name, as the art director names one. */
  vibe: string;
  /** System font stacks only: a generated site makes no request for fonts. */
  headingFont: string;
  bodyFont: string;
  headingWeight: number;
  /** Corner radius of cards and buttons. */
  radius: string;
  palettes: readonly [Palette, Palette];
};

const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;
const SERIF = `ui-serif, Georgia, Cambria, "Times New Roman", serif`;
const HUMANIST = `Optima, Candara, "Noto Sans", "Segoe UI", system-ui, sans-serif`;
const CONDENSED = `"Arial Narrow", "Roboto Condensed", "Helvetica Neue", Arial, system-ui, sans-serif`;

export const TEMPLATES: Record<Family, Template> = {
  trades: {
    id: "workshop",
    family: "trades",
    vibe: "bold",
    headingFont: CONDENSED,
    bodyFont: SANS,
    headingWeight: 800,
    radius: "4px",
    palettes: [
      {
        name: "amber",
        light: {
          bg: "#fbfaf7",
          surface: "#ffffff",
          text: "#1c1917",
          muted: "#57534e",
          accent: "#b45309",
          onAccent: "#ffffff",
          link: "#9a3412",
          border: "#d6d3d1",
        },
        dark: {
          bg: "#1c1917",
          surface: "#292524",
          text: "#f5f5f4",
          muted: "#d6d3d1",
          accent: "#fbbf24",
          onAccent: "#1c1917",
          link: "#fcd34d",
          border: "#57534e",
        },
      },
      {
        name: "steel",
        light: {
          bg: "#f8fafc",
          surface: "#ffffff",
          text: "#0f172a",
          muted: "#475569",
          accent: "#1d4ed8",
          onAccent: "#ffffff",
          link: "#1e40af",
          border: "#cbd5e1",
        },
        dark: {
          bg: "#0f172a",
          surface: "#1e293b",
          text: "#f1f5f9",
          muted: "#cbd5e1",
          accent: "#93c5fd",
          onAccent: "#0f172a",
          link: "#bfdbfe",
          border: "#475569",
        },
      },
    ],
  },
  food: {
    id: "bistro",
    family: "food",
    vibe: "warm",
    headingFont: SERIF,
    bodyFont: SANS,
    headingWeight: 700,
    radius: "14px",
    palettes: [
      {
        name: "berry",
        light: {
          bg: "#fffaf3",
          surface: "#ffffff",
          text: "#2b1d14",
          muted: "#6b4f3a",
          accent: "#9f1239",
          onAccent: "#ffffff",
          link: "#9f1239",
          border: "#e7d8c9",
        },
        dark: {
          bg: "#1f1410",
          surface: "#2b1d17",
          text: "#fbf3ea",
          muted: "#e0cbb8",
          accent: "#fda4af",
          onAccent: "#1f1410",
          link: "#fecdd3",
          border: "#5a4536",
        },
      },
      {
        name: "olive",
        light: {
          bg: "#fbfaf2",
          surface: "#ffffff",
          text: "#1f2414",
          muted: "#4d5637",
          accent: "#3f6212",
          onAccent: "#ffffff",
          link: "#3f6212",
          border: "#dfe3cc",
        },
        dark: {
          bg: "#171a0f",
          surface: "#232818",
          text: "#f4f6ea",
          muted: "#d3dbb9",
          accent: "#bef264",
          onAccent: "#1a2e05",
          link: "#d9f99d",
          border: "#4a5432",
        },
      },
    ],
  },
  wellness: {
    id: "studio",
    family: "wellness",
    vibe: "serene",
    headingFont: HUMANIST,
    bodyFont: HUMANIST,
    headingWeight: 500,
    radius: "999px",
    palettes: [
      {
        name: "sage",
        light: {
          bg: "#f7f5f2",
          surface: "#ffffff",
          text: "#1f2a2a",
          muted: "#4b5959",
          accent: "#2f5d50",
          onAccent: "#ffffff",
          link: "#2f5d50",
          border: "#d9e0dd",
        },
        dark: {
          bg: "#141b1a",
          surface: "#1d2625",
          text: "#eef3f1",
          muted: "#c2cfcb",
          accent: "#9fd3c0",
          onAccent: "#0f1a17",
          link: "#b7e4d4",
          border: "#3d4b49",
        },
      },
      {
        name: "plum",
        light: {
          bg: "#fbf7fa",
          surface: "#ffffff",
          text: "#2a1726",
          muted: "#5e4a5a",
          accent: "#7e3a6b",
          onAccent: "#ffffff",
          link: "#7e3a6b",
          border: "#eadbe5",
        },
        dark: {
          bg: "#1c1219",
          surface: "#281a24",
          text: "#f8eef5",
          muted: "#dcc8d6",
          accent: "#f0abfc",
          onAccent: "#2a0f26",
          link: "#f5d0fe",
          border: "#4d3747",
        },
      },
    ],
  },
  general: {
    id: "main-street",
    family: "general",
    vibe: "clean",
    headingFont: SANS,
    bodyFont: SANS,
    headingWeight: 700,
    radius: "10px",
    palettes: [
      {
        name: "harbor",
        light: {
          bg: "#f8fafc",
          surface: "#ffffff",
          text: "#0f172a",
          muted: "#475569",
          accent: "#1d4ed8",
          onAccent: "#ffffff",
          link: "#1d4ed8",
          border: "#e2e8f0",
        },
        dark: {
          bg: "#0b1220",
          surface: "#111a2e",
          text: "#e2e8f0",
          muted: "#a3b1c6",
          accent: "#93c5fd",
          onAccent: "#0b1220",
          link: "#93c5fd",
          border: "#2a3654",
        },
      },
      {
        name: "violet",
        light: {
          bg: "#faf9fd",
          surface: "#ffffff",
          text: "#1e1b2e",
          muted: "#514b66",
          accent: "#6d28d9",
          onAccent: "#ffffff",
          link: "#6d28d9",
          border: "#e4e0f0",
        },
        dark: {
          bg: "#14111f",
          surface: "#1e1a2e",
          text: "#ede9fe",
          muted: "#c4bfd9",
          accent: "#c4b5fd",
          onAccent: "#1e1b4b",
          link: "#ddd6fe",
          border: "#3a3452",
        },
      },
    ],
  },
};
