/** The stylesheet of a fallback site: the template's type and palette as CSS variables, light and dark. */
import type { Design } from "./choose";
import type { Scheme } from "./templates";

function variables(s: Scheme): string {
  return `--bg:${s.bg};--surface:${s.surface};--text:${s.text};--muted:${s.muted};--accent:${s.accent};--on-accent:${s.onAccent};--link:${s.link};--border:${s.border};`;
}

export function cssOf({ template: t, palette }: Design): string {
  return `:root{${variables(palette.light)}--heading:${t.headingFont};--body:${t.bodyFont};--radius:${t.radius};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${variables(palette.dark)}}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-behavior:smooth}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;background:var(--bg);color:var(--text);font:1.0625rem/1.6 var(--body)}
h1,h2,h3{font-family:var(--heading);font-weight:${t.headingWeight};line-height:1.15;margin:0 0 .5em}
h1{font-size:clamp(2.25rem,6vw,4rem);letter-spacing:-.02em}
h2{font-size:clamp(1.6rem,3.5vw,2.25rem)}
h3{font-size:1.2rem}
p{margin:0 0 1em}
figure{margin:0}
a{color:var(--link);text-decoration:underline;text-underline-offset:.15em}
a:focus-visible{outline:3px solid var(--link);outline-offset:3px;border-radius:2px}
.wrap{max-width:68rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:.5rem;background:var(--surface);color:var(--link);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.top{border-bottom:1px solid var(--border);background:var(--surface)}
.top .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem;padding-block:.875rem}
.brand{font-family:var(--heading);font-weight:${t.headingWeight};font-size:1.15rem;color:var(--text);text-decoration:none}
.top nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.btn{display:inline-block;background:var(--accent);color:var(--on-accent);padding:.75rem 1.25rem;border-radius:var(--radius);font-weight:600;text-decoration:none;border:2px solid var(--accent)}
.btn.ghost{background:transparent;color:var(--link);border-color:var(--link)}
.btn:focus-visible{outline-color:var(--text)}
.hero{padding:clamp(3rem,9vw,6.5rem) 0;background:var(--surface);border-bottom:1px solid var(--border)}
.hero .eyebrow{color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.08em;font-size:.875rem}
.hero blockquote{margin:0 0 1.5rem;font-size:clamp(1.15rem,2.4vw,1.45rem);max-width:38rem}
.hero blockquote p{margin:0 0 .25rem}
.hero figcaption,.muted{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
.hero-centered .hero{text-align:center}
.hero-centered .hero blockquote{margin-inline:auto}
.hero-centered .actions{justify-content:center}
@media (min-width:52rem){.hero-split .hero .wrap{display:grid;grid-template-columns:3fr 2fr;gap:3rem;align-items:center}}
.badge{background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);padding:1.5rem;text-align:center}
.badge strong{display:block;font-family:var(--heading);font-size:3rem;line-height:1}
.hero-centered .badge{display:inline-block;margin-top:2rem}
section.band{padding:clamp(2.5rem,7vw,4.5rem) 0}
section.band:nth-of-type(odd){background:var(--surface)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1.25rem;list-style:none;margin:0;padding:0}
.cards>li{background:var(--bg);border:1px solid var(--border);border-radius:min(var(--radius),16px);padding:1.5rem}
.cards blockquote{margin:0 0 .75rem}
.stars{color:var(--link);letter-spacing:.1em}
.hours{list-style:none;margin:0;padding:0;max-width:24rem}
.hours li{padding:.4rem 0;border-bottom:1px solid var(--border)}
.hours li[aria-current]{font-weight:700}
.today{color:var(--link);font-size:.875rem}
.contact{display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
address{font-style:normal}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
footer{padding:2rem 0;border-top:1px solid var(--border)}
.claim{position:sticky;bottom:0;z-index:5;background:var(--text);color:var(--bg);box-shadow:0 -2px 12px rgb(0 0 0/.2)}
.claim .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:.5rem 1rem;padding-block:.75rem}
.claim p{margin:0;font-weight:600}
.claim a{color:var(--bg);font-weight:700}
.claim a:focus-visible{outline-color:var(--bg)}
`;
}
