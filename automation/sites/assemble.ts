/**
 * The architect's page as one file to store and serve: its HTML sanitized (no scripts, links or
 * handlers of its own), then its CSS and JS put back inline as one `<style>` and one `<script>`
 * that we wrote, which the site's CSP admits by hash. Text that would end those blocks early is
 * broken up so it cannot.
 */
import { sanitizeSiteHtml } from "./sanitize";

export function assembleSite(page: { html: string; css: string; js: string }): string {
  const html = sanitizeSiteHtml(page.html);
  const css = page.css.replace(/<\/style/gi, "<\\/style");
  const js = page.js.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
  const style = css.trim() ? `<style>${css}</style>` : "";
  const script = js.trim() ? `<script>${js}</script>` : "";
  const withStyle = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${style}</head>`) : `${style}${html}`;
  return /<\/body>/i.test(withStyle)
    ? withStyle.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${script}</body>`)
    : `${withStyle}${script}`;
}
