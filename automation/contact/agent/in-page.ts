/**
 * The part of the engine that runs inside the dealer's page, one copy per frame: it reads forms,
 * fields, links and text into plain data (`page-model.ts`) and performs the small DOM actions
 * that puppeteer's input events cannot (setting a value a script ignores, a click under a
 * banner). Elements are kept in a per-frame registry and named by their index in it.
 *
 * `makeAgent` is sent to the page as source text (`agent/index.ts`), so it refers only to its
 * arguments (`dom.ts`, `forms.ts`).
 */
import type { FormInfo, LinkInfo } from "../page-model";
import type { Dom } from "./dom";
import type { FormReader } from "./forms";

export interface FrameScan {
  url: string;
  title: string;
  forms: FormInfo[];
  links: LinkInfo[];
  /** Visible text of the frame, shadow roots included, one line per block. */
  text: string;
}

export interface PageAgent {
  scan(): FrameScan;
  /** Errors the page shows in or next to a form: messages, invalid fields. */
  errors(formRef: number): string[];
  /** Whether the form is still in the page and shown. */
  formShown(formRef: number): boolean;
  element(ref: number): Element | undefined;
  /** Scrolls an element to the middle of the view; true when nothing covers its centre. */
  reveal(ref: number): boolean;
  /** Sets a value the way a person's typing would end, with input and change events. */
  setValue(ref: number, value: string): void;
  value(ref: number): string;
  selectOption(ref: number, value: string): void;
  checked(ref: number): boolean;
  click(ref: number): void;
  /** Menu toggles (hamburgers) to open when a site hides its links behind one. */
  menuToggles(): number[];
  /** Visible buttons that say they open a way to contact the dealer (a modal form). */
  contactButtons(): number[];
  /** Whether the document has finished loading (images, frames and scripts). */
  loaded(): boolean;
  /**
   * The button a person would press to get past an overlay that covers the page or holds it
   * inert (a cookie or consent wall, a promotion): accept for consent, close for anything else.
   */
  overlayButton(): number | null;
  /** The shown option of an opened dropdown widget whose text is `text`, for a person's click. */
  widgetOption(widgetRef: number, text: string): number | null;
}

declare global {
  interface Window {
    __rowpilot?: PageAgent;
  }
}

export function makeAgent(dom: Dom, forms: FormReader): PageAgent {
  const { els, ref, clean, textOf, CONTROLS, roots, shown, labelOf } = dom;
  const { formInfo, containers } = forms;
  const NAV = "nav, header, [role=navigation], [role=menu], [class*=menu i], [class*=nav i], [class*=drawer i]";
  const agent: PageAgent = {
    scan() {
      const all = roots();
      const forms = all.flatMap(containers).map(formInfo);
      const links: LinkInfo[] = all.flatMap((root) =>
        [...root.querySelectorAll("a[href]")].map((a) => ({
          text: clean(textOf(a) || a.getAttribute("aria-label") || a.getAttribute("title") || a.textContent),
          href: (a as HTMLAnchorElement).href,
          inNav: !!a.closest(NAV),
        })),
      );
      const text = all
        .map((root) =>
          // biome-ignore lint/performance/useDomNodeTextContent: the visible text, one line per block
          root instanceof Document ? (root.body?.innerText ?? "") : [...root.children].map(textOf).join("\n"),
        )
        .join("\n")
        .slice(0, 50_000);
      return { url: location.href, title: document.title, forms, links, text };
    },
    errors(formRef) {
      const form = els[formRef];
      if (!form?.isConnected) return [];
      const out = new Set<string>();
      const scope = form.parentElement ?? form;
      for (const el of scope.querySelectorAll(
        "[role=alert], [class*=error i], [class*=invalid i], [class*=warning i]",
      )) {
        if (!shown(el) || el.querySelector(CONTROLS)) continue;
        const t = textOf(el);
        if (t && t.length <= 200) out.add(t);
      }
      for (const el of form.querySelectorAll("[aria-invalid=true]")) {
        if (shown(el)) out.add(`${labelOf(el) || el.getAttribute("name") || "a field"} is invalid`);
      }
      return [...out];
    },
    formShown(formRef) {
      const form = els[formRef];
      return !!form?.isConnected && shown(form) && [...form.querySelectorAll(CONTROLS)].some(shown);
    },
    element: (r) => els[r],
    reveal(r) {
      const el = els[r];
      if (!el) return false;
      el.scrollIntoView({ block: "center", inline: "center" });
      const box = el.getBoundingClientRect();
      const root = el.getRootNode() as Document | ShadowRoot;
      const hit = root.elementFromPoint?.(box.left + box.width / 2, box.top + box.height / 2);
      const labels = [...((el as HTMLInputElement).labels ?? [])];
      return !!hit && (el.contains(hit) || hit === el || labels.some((l) => l.contains(hit)));
    },
    setValue(r, value) {
      const el = els[r] as HTMLInputElement | HTMLTextAreaElement;
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      el.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
      el.dispatchEvent(new Event("blur", { bubbles: false }));
    },
    value: (r) => (els[r] as HTMLInputElement | undefined)?.value ?? "",
    selectOption(r, value) {
      const el = els[r] as unknown as HTMLSelectElement;
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      el.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    },
    checked: (r) => !!(els[r] as HTMLInputElement | undefined)?.checked,
    click(r) {
      (els[r] as HTMLElement | undefined)?.click();
    },
    menuToggles() {
      const toggles = document.querySelectorAll(
        "[aria-label*=menu i], [class*=burger i], [class*=hamburger i], [class*=menu-toggle i], [class*=nav-toggle i], button[aria-expanded=false]",
      );
      return [...toggles].filter(shown).slice(0, 3).map(ref);
    },
    contactButtons() {
      const CONTACT =
        /contact|get in touch|message us|send (us )?a message|ask a question|email us|contacto|cont[aá]ctenos/i;
      const candidates = document.querySelectorAll(
        "button, [role=button], a[href='#'], a[href^='javascript:'], a:not([href])",
      );
      return [...candidates]
        .filter((b) => !b.closest("form") && b.getAttribute("type") !== "submit")
        .filter((b) => shown(b) && CONTACT.test(textOf(b) || (b.getAttribute("aria-label") ?? "")))
        .slice(0, 3)
        .map(ref);
    },
    loaded: () => document.readyState === "complete",
    widgetOption(widgetRef, text) {
      const widget = els[widgetRef];
      if (!widget) return null;
      const owned = widget.getAttribute("aria-controls") ?? widget.getAttribute("aria-owns");
      const scopes = [widget, owned ? document.getElementById(owned) : null, document].filter(Boolean) as ParentNode[];
      for (const scope of scopes) {
        const hit = [...scope.querySelectorAll("[role=option], [data-value]")].find(
          (o) => shown(o) && !o.hasAttribute("data-item") && clean(o.textContent) === text,
        );
        if (hit) return ref(hit);
      }
      return null;
    },
    overlayButton() {
      const area = window.innerWidth * window.innerHeight;
      const covers = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const w = Math.min(r.right, window.innerWidth) - Math.max(r.left, 0);
        const h = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
        return (style.position === "fixed" || style.position === "absolute") && w > 0 && h > 0 && w * h >= area * 0.4;
      };
      const modal = [
        ...document.querySelectorAll("[role=dialog], [role=alertdialog], [aria-modal=true], dialog[open]"),
      ].filter(
        (d) =>
          shown(d) && (d.getAttribute("aria-modal") === "true" || covers(d) || !!document.querySelector("[inert]")),
      );
      // A layer over the page, not the page itself in a positioned wrapper (which holds its nav and fields).
      const layers = [...document.body.querySelectorAll("body > *, body > * > *")].filter(
        (el) =>
          covers(el) &&
          shown(el) &&
          Number.parseInt(getComputedStyle(el).zIndex, 10) > 0 &&
          !el.querySelector("main, nav, header, textarea") &&
          el.querySelectorAll("input:not([type=checkbox]), select").length <= 1,
      );
      const CONSENT = /cookie|consent|privacy|gdpr|ccpa|tracking|personal data|your choices/i;
      const ACCEPT =
        /^(accept( all)?( cookies)?|i accept|agree|i agree|allow( all)?|got it|ok(ay)?|continue|i understand|understood|yes,? i agree)\b/i;
      const CLOSE = /^(×|✕|x|close|dismiss|no,? thanks|not now|maybe later|skip)$|\bclose\b/i;
      for (const box of [...modal, ...layers]) {
        const buttons = [
          ...box.querySelectorAll("button, [role=button], a, input[type=button], input[type=submit]"),
        ].filter(shown);
        const said = (b: Element) =>
          clean(textOf(b) || b.getAttribute("aria-label") || (b as HTMLInputElement).value || "");
        const consent = CONSENT.test(textOf(box));
        const pick =
          (consent ? buttons.find((b) => ACCEPT.test(said(b))) : null) ??
          buttons.find((b) => CLOSE.test(said(b)) || CLOSE.test(b.getAttribute("aria-label") ?? ""));
        if (pick) return ref(pick);
      }
      return null;
    },
  };
  return agent;
}
