/**
 * The deterministic fallback generator: a finished, responsive, accessible one-page site from a
 * business's facts alone, for when no model is configured or a stage failed for good. The same
 * facts and seed always give the same page; it makes no request to any other origin.
 */
import type { SiteFacts } from "../../../schema/sites";
import { chooseDesign, seedOf } from "./choose";
import { bodyOf } from "./page";
import { SITE_JS } from "./script";
import { headTags } from "./seo";
import { cssOf } from "./styles";

export type FallbackSite = {
  /** The whole page, with `css` and `js` inline: one file to store, serve and hash into the CSP. */
  html: string;
  css: string;
  js: string;
  vibe: string;
  /** The template's id (`workshop`, `bistro`, `studio`, `main-street`) and palette. */
  template: string;
};

/**
 * @example fallbackSite(SiteFacts.parse({ name: "Harbor Notary" }), { seed: 7 }).html
 */
export function fallbackSite(facts: SiteFacts, { seed }: { seed?: number } = {}): FallbackSite {
  const design = chooseDesign(facts, seed ?? seedOf(facts.name));
  const css = cssOf(design);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
${headTags(facts, design.template.family)}
<style>${css}</style>
</head>
<body class="hero-${design.hero}">
${bodyOf(facts, design)}
<script>${SITE_JS}</script>
</body>
</html>
`;
  return {
    html,
    css,
    js: SITE_JS,
    vibe: design.template.vibe,
    template: `${design.template.id}/${design.palette.name}`,
  };
}

export { familyOf } from "./choose";
export { TEMPLATES } from "./templates";
