/**
 * From a home URL to the contact form: open the site (reporting bot walls and dead sites), rank
 * its contact links (menus and drawers included, hamburgers opened when links hide behind one),
 * follow them, and wait a bounded time on each page for a form scripts may render late.
 */
import { agent, elementOf, type FrameScan, scanFrame } from "./agent";
import { type Attempt, AttemptStop, remaining, sleep } from "./attempt";
import type { EngineFrame } from "./browser";
import { pickContactForm } from "./forms";
import { exploreLinks, fallbackUrls, rankLinks } from "./links";
import type { FormInfo } from "./page-model";

/** A page load's limit; dealer sites are often slow, but a minute-long load is a dead site. */
export const NAV_TIMEOUT_MS = 20_000;
/** How long to wait on a page for a contact form rendered by script (widgets mount 1–3 s late). */
export const FORM_WAIT_MS = 4_500;
/** A guessed contact path answers fast or not at all. */
const PROBE_TIMEOUT_MS = 8_000;
/** Page loads end this much before the budget, so the timeout names the page. */
const NAV_MARGIN_MS = 1_000;
/** How much of a page to read for bot-wall words, and below what length a page is only a wall. */
const WALL_TEXT_CHARS = 2_000;
const WALL_PAGE_MAX_CHARS = 3_000;
/** Time for a hamburger menu to open after its toggle is clicked. */
const MENU_OPEN_MS = 400;
/** How long past its HTML a page may take to finish loading before we read it anyway. */
const LOAD_GRACE_MS = 8_000;
/** How often to look again while waiting. */
const POLL_MS = 250;
/** How long a form opened by a button may take to appear. */
const MODAL_WAIT_MS = 1_500;
/** Contact-looking links followed before giving up on a site. */
const MAX_CANDIDATES = 4;
/** Other pages of the site (About, Our dealership) looked at when no contact link had a form. */
const MAX_EXPLORED = 3;
/** Overlays pressed away on one page load (a consent wall, then a promotion). */
const MAX_OVERLAYS = 2;
/** Time for an overlay to go after its button was pressed. */
const OVERLAY_CLOSE_MS = 400;
/** A page with this many links is a site's page, not a bot wall, however short its text. */
const SITE_PAGE_LINKS = 8;

const BOT_WALL =
  /\baccess denied\b|\brequest blocked\b|\battention required\b|\bunusual traffic\b|\bare you a robot\b|\bchecking your browser\b|\bjust a moment\b|\bverify you are (a )?human\b|\bbot (detection|protection)\b/i;

export interface LocatedForm {
  frame: EngineFrame;
  form: FormInfo;
  /** The page URL the form was found on. */
  pageUrl: string;
}

/**
 * Opens a URL; a bot wall or refusal ends the attempt as `blocked`, a dead site as `error`,
 * a slow one as `timeout`. Resolves to the HTTP status (0 when there was no response).
 */
export async function open(attempt: Attempt, url: string, options: { probe?: boolean } = {}): Promise<number> {
  await attempt.guard.check(url);
  let status = 0;
  // Short of the budget, so a page that never answers is reported as that, not as the budget.
  const limit = options.probe ? PROBE_TIMEOUT_MS : NAV_TIMEOUT_MS;
  const timeout = Math.max(1, Math.min(limit, remaining(attempt) - NAV_MARGIN_MS));
  try {
    const response = await attempt.page.goto(url, { timeout, waitUntil: "domcontentloaded" });
    status = response?.status() ?? 0;
    await settle(attempt);
  } catch (error) {
    const message = (error as Error).message;
    if (/timeout/i.test((error as Error).name) || /timeout|timed out/i.test(message)) {
      throw new AttemptStop("timeout", `${url} did not answer within ${Math.round(timeout / 1000)} s.`);
    }
    const code = message.match(/net::[A-Z_]+/)?.[0];
    throw new AttemptStop("error", `${url} could not be opened${code ? ` (${code})` : `: ${message}`}.`);
  }
  const main = await scanFrame(attempt.page.mainFrame());
  const wall = `${main?.title ?? ""}\n${(main?.text ?? "").slice(0, WALL_TEXT_CHARS)}`.match(BOT_WALL);
  // A short page that says "verify you are human" is a wall; a site's own page with a form that
  // carries the check (a Turnstile widget) is a CAPTCHA, reported when the form is reached.
  const sitePage = (main?.forms.some((f) => f.captcha) ?? false) || (main?.links.length ?? 0) >= SITE_PAGE_LINKS;
  const shortPage = (main?.text.length ?? 0) < WALL_PAGE_MAX_CHARS && !sitePage;
  // A guessed path that is forbidden is just not there, unless the page says it is a bot wall.
  const refused = options.probe ? false : status === 401 || status === 403 || status === 429;
  if (refused || (wall && (status >= 400 || shortPage))) {
    const said = wall ? `“${wall[0]}”` : "";
    const why = [status ? `HTTP ${status}` : "", said].filter(Boolean).join(", ");
    throw new AttemptStop("blocked", `${url} refused the browser (${why}).`);
  }
  await passOverlays(attempt);
  return status;
}

/** Gets past overlays that hold the page (a consent wall, a promotion) the way a person would: by pressing their button. */
async function passOverlays(attempt: Attempt): Promise<void> {
  const main = attempt.page.mainFrame();
  for (let round = 0; round < MAX_OVERLAYS; round++) {
    const ref = await agent(main, "overlayButton").catch(() => null);
    if (ref === null) return;
    const button = await elementOf(main, ref).catch(() => null);
    const clicked = await button
      ?.click()
      .then(() => true)
      .catch(() => false);
    await button?.dispose();
    if (!clicked) await agent(main, "click", ref).catch(() => undefined);
    await sleep(OVERLAY_CLOSE_MS);
  }
}

/**
 * Waits a little for the rest of the page (frames, scripts) after its HTML is in, but never
 * fails on it: a tracking script that hangs must not sink a page whose form is already there.
 */
async function settle(attempt: Attempt): Promise<void> {
  const until = Date.now() + Math.min(LOAD_GRACE_MS, remaining(attempt));
  while (Date.now() < until) {
    if (await agent(attempt.page.mainFrame(), "loaded").catch(() => false)) return;
    await sleep(POLL_MS);
  }
}

/** Every frame's scan, the main frame first. */
export async function scanAll(attempt: Attempt): Promise<{ frame: EngineFrame; scan: FrameScan }[]> {
  const out: { frame: EngineFrame; scan: FrameScan }[] = [];
  for (const frame of attempt.page.frames()) {
    if (frame.isDetached?.() || frame.detached) continue;
    const scan = await scanFrame(frame);
    if (scan) out.push({ frame, scan });
  }
  return out;
}

/** The contact form on the current page, waiting up to `waitMs` for it to appear. */
async function formOnPage(attempt: Attempt, waitMs: number): Promise<LocatedForm | null> {
  const until = Date.now() + Math.min(waitMs, remaining(attempt));
  for (;;) {
    const scans = await scanAll(attempt);
    const candidates = scans.flatMap(({ frame, scan }) => scan.forms.map((form) => ({ frame, form })));
    const best = pickContactForm(candidates.map((c) => c.form));
    const hit = candidates.find((c) => c.form === best);
    if (hit) return { ...hit, pageUrl: attempt.page.url() };
    if (Date.now() + POLL_MS > until) return null;
    await sleep(POLL_MS);
  }
}

/** Links of the current page, after opening hamburger menus when none look like contact links. */
async function contactLinks(attempt: Attempt, base: URL) {
  const links = (await scanAll(attempt)).flatMap(({ scan }) => scan.links);
  let ranked = rankLinks(links, base);
  if (ranked.length > 0) return ranked;
  const main = attempt.page.mainFrame();
  for (const ref of await agent(main, "menuToggles")) {
    const toggle = await elementOf(main, ref);
    await toggle?.click().catch(() => undefined);
    await toggle?.dispose();
  }
  await sleep(MENU_OPEN_MS);
  ranked = rankLinks(
    (await scanAll(attempt)).flatMap(({ scan }) => scan.links),
    base,
  );
  return ranked;
}

/** A contact form that a "Contact us" button opens in place (a modal, a slide-out panel). */
async function formBehindButton(attempt: Attempt): Promise<LocatedForm | null> {
  const main = attempt.page.mainFrame();
  for (const ref of await agent(main, "contactButtons").catch(() => [] as number[])) {
    const button = await elementOf(main, ref);
    await button?.click().catch(() => undefined);
    await button?.dispose();
    const found = await formOnPage(attempt, MODAL_WAIT_MS);
    if (found) return found;
  }
  return null;
}

/** One page tried on the off chance that hangs or fails says nothing about the site: try the next. */
function nextOnFailure(error: unknown): null {
  if (error instanceof AttemptStop && (error.category === "timeout" || error.category === "error")) return null;
  throw error;
}

/**
 * Finds the contact form from the home page: the best contact links first, then common contact
 * paths, then the home page itself and what its Contact buttons open, then the site's other
 * pages that may hold a form (About, Our dealership, Hours). Ends the attempt with
 * `no_contact_page` or `no_form`, naming the pages it looked at.
 */
export async function locateContactForm(attempt: Attempt, home: string): Promise<LocatedForm> {
  await open(attempt, home);
  attempt.home = attempt.page.url();
  const base = new URL(attempt.page.url());
  const tried: string[] = [];
  const homeForm = await formOnPage(attempt, 0);
  const homeLinks = (await scanAll(attempt)).flatMap(({ scan }) => scan.links);
  const ranked = (await contactLinks(attempt, base)).slice(0, MAX_CANDIDATES);
  let contactPage: string | null = null;
  const visit = async (url: string, options: { probe?: boolean; explore?: boolean } = {}) => {
    const status = await open(attempt, url, options);
    if (status === 0 || status >= 400) return null;
    tried.push(url);
    // A page looked at on the off chance (About) is not the site's contact page.
    if (!options.explore) contactPage ??= url;
    return formOnPage(attempt, FORM_WAIT_MS);
  };
  for (const { url } of ranked) {
    const found = await visit(url);
    if (found) return found;
  }
  if (!contactPage) {
    for (const url of fallbackUrls(base)) {
      if (ranked.some((r) => r.url === url)) continue;
      const found = await visit(url, { probe: true }).catch(nextOnFailure);
      if (found) return found;
    }
  }
  await open(attempt, home);
  const again = homeForm ? await formOnPage(attempt, FORM_WAIT_MS) : null;
  if (again) return again;
  const opened = await formBehindButton(attempt);
  if (opened) return opened;
  const seen = new Set([...tried, ...ranked.map((r) => r.url)]);
  for (const { url } of exploreLinks(homeLinks, base)
    .filter((l) => !seen.has(l.url))
    .slice(0, MAX_EXPLORED)) {
    const found = await visit(url, { explore: true }).catch(nextOnFailure);
    if (found) return found;
  }
  const looked = tried.length > 0 ? ` Pages looked at: ${tried.map((u) => new URL(u).pathname).join(", ")}.` : "";
  if (!contactPage) throw new AttemptStop("no_contact_page", `No contact page was found from ${home}.${looked}`);
  throw new AttemptStop(
    "no_form",
    `The contact page ${contactPage} has no contact form (only other forms, or none).${looked}`,
  );
}
