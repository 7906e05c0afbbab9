/**
 * The part of the engine that runs inside the dealer's page, one copy per frame: it reads forms,
 * fields, links and text into plain data (`page-model.ts`) and performs the small DOM actions
 * that puppeteer's input events cannot (setting a value a script ignores, a click under a
 * banner). Elements are kept in a per-frame registry and named by their index in it.
 *
 * `installAgent` is sent to the page as source text (`agent/index.ts`), so it must not refer to
 * anything outside its own body.
 */
import type { ButtonInfo, ChoiceInfo, ControlInfo, ControlKind, FormInfo, LinkInfo } from "../page-model";

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
}

declare global {
  interface Window {
    __rowpilot?: PageAgent;
  }
}

export function installAgent(): void {
  if (window.__rowpilot) return;
  const els: Element[] = [];
  const refs = new Map<Element, number>();
  const ref = (el: Element) => {
    let i = refs.get(el);
    if (i === undefined) {
      i = els.push(el) - 1;
      refs.set(el, i);
    }
    return i;
  };
  const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  // innerText on purpose: the text a person sees, with hidden parts left out.
  const textOf = (el: Element | null | undefined) =>
    // biome-ignore lint/performance/useDomNodeTextContent: see above
    el ? clean((el as HTMLElement).innerText ?? el.textContent ?? "") || clean(el.textContent) : "";
  const CONTROLS = "input, select, textarea";
  const SKIP_TYPES = new Set([
    "hidden",
    "submit",
    "button",
    "image",
    "reset",
    "file",
    "password",
    "search",
    "range",
    "color",
  ]);

  const roots = (): (Document | ShadowRoot)[] => {
    const out: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < out.length; i++) {
      for (const el of out[i]!.querySelectorAll("*")) if (el.shadowRoot) out.push(el.shadowRoot);
    }
    return out;
  };

  const hostChain = (el: Element): Element[] => {
    const chain: Element[] = [];
    let node: Node = el.getRootNode();
    while (node instanceof ShadowRoot) {
      chain.unshift(node.host);
      node = node.host.getRootNode();
    }
    return chain;
  };

  const shown = (el: Element): boolean => {
    for (const e of [...hostChain(el), el]) {
      if (e.closest("[aria-hidden='true'], [hidden], [inert]")) return false;
    }
    const html = el as HTMLElement;
    // Both spellings: Chromium renamed the options (checkOpacity → opacityProperty) in 121.
    const options = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
    if (html.checkVisibility && !html.checkVisibility(options)) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const left = r.left + window.scrollX;
    const top = r.top + window.scrollY;
    const width = Math.max(document.documentElement.scrollWidth, window.innerWidth);
    if (left + r.width <= 0 || top + r.height <= 0 || left >= width) return false;
    return !clipped(el, r);
  };

  /** Hidden inside a box that clips it away (`height: 0; overflow: hidden`, or placed outside it). */
  const clipped = (el: Element, r: DOMRect): boolean => {
    let node = el.parentElement;
    for (let depth = 0; node && node !== document.body && depth < 12; depth++, node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const box = node.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) return true;
      const overlaps = r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      if (!overlaps) return true;
    }
    return false;
  };

  const labelOf = (el: Element): string => {
    const parts: string[] = [];
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const l of labels) parts.push(textOf(l));
    const by = el.getAttribute("aria-labelledby");
    if (by) {
      const root = el.getRootNode() as Document | ShadowRoot;
      for (const id of by.split(/\s+/)) parts.push(textOf(root.getElementById?.(id) ?? document.getElementById(id)));
    }
    return clean(parts.join(" "));
  };

  /** Short text just before an element among its siblings, for fields labelled by a bare span. */
  const nearbyText = (el: Element): string => {
    let node: Element | null = el;
    for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
      let sib = node.previousSibling;
      while (sib) {
        const t = clean(sib.nodeType === Node.ELEMENT_NODE ? textOf(sib as Element) : sib.textContent);
        if (t) return t.length <= 80 ? t : "";
        sib = sib.previousSibling;
      }
    }
    return "";
  };

  /** The label of the group a control sits in: a fieldset's legend, a radiogroup's name, a caption before it. */
  const groupText = (el: Element, members: Element[]): string => {
    const fieldset = el.closest("fieldset");
    if (fieldset && members.every((m) => fieldset.contains(m))) {
      const legend = fieldset.querySelector("legend");
      if (legend) return textOf(legend);
    }
    let node = el.parentElement;
    for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
      if (!members.every((m) => node!.contains(m))) continue;
      const named = node.getAttribute("aria-label") ?? "";
      if (named) return clean(named);
      const by = node.getAttribute("aria-labelledby");
      if (by) return textOf(document.getElementById(by));
      if (node.querySelectorAll(CONTROLS).length > members.length + 2) break;
      for (const child of node.children) {
        if (child.contains(el) || child.querySelector(CONTROLS)) break;
        const t = textOf(child);
        if (t && t.length <= 120) return t;
      }
      const prev = node.previousElementSibling;
      if (prev && !prev.querySelector(CONTROLS)) {
        const t = textOf(prev);
        if (t && t.length <= 120) return t;
      }
    }
    return "";
  };

  const isRequired = (el: Element, label: string): boolean => {
    if ((el as HTMLInputElement).required || el.getAttribute("aria-required") === "true") return true;
    if (/\*|\(required\)|\brequired\b|obligatorio|requerido|obligatoire/i.test(label)) return true;
    let node = el.parentElement;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      if (node.tagName === "FORM") break;
      if (node.querySelectorAll(CONTROLS).length > 4) break;
      if (/required/i.test(node.className?.toString() ?? "")) return true;
    }
    return false;
  };

  const cssPath = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const tag = el.tagName.toLowerCase();
    // A page may have replaced window.CSS; ids then get a plain fallback escape.
    const esc = (s: string) =>
      typeof window.CSS?.escape === "function" ? window.CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`);
    let own: string;
    if (el.id && root.querySelectorAll(`#${esc(el.id)}`).length === 1) own = `#${esc(el.id)}`;
    else if (el.getAttribute("name")) {
      const value = el.getAttribute("type") === "radio" ? `[value="${el.getAttribute("value")}"]` : "";
      own = `${tag}[name="${el.getAttribute("name")}"]${value}`;
    } else if (el.getAttribute("aria-label")) own = `${tag}[aria-label="${el.getAttribute("aria-label")}"]`;
    else {
      const parts: string[] = [];
      let node: Element | null = el;
      while (node?.parentElement && parts.length < 6) {
        const parent: Element = node.parentElement;
        const same = [...parent.children].filter((c) => c.tagName === node!.tagName);
        parts.unshift(`${node.tagName.toLowerCase()}:nth-of-type(${same.indexOf(node) + 1})`);
        node = parent;
      }
      own = parts.join(" > ");
    }
    const hosts = hostChain(el).map((h) => h.tagName.toLowerCase());
    return [...hosts, own].join(" >>> ");
  };

  const kindOf = (el: Element): ControlKind | null => {
    if (el.tagName === "TEXTAREA") return "textarea";
    if (el.tagName === "SELECT") return "select";
    const type = (el.getAttribute("type") ?? "text").toLowerCase();
    if (SKIP_TYPES.has(type)) return null;
    if (type === "email" || type === "tel" || type === "number" || type === "radio" || type === "checkbox") return type;
    if (type === "date" || type === "datetime-local" || type === "time" || type === "month" || type === "week")
      return "date";
    return "text";
  };

  const maskOf = (el: Element): string => {
    for (const a of ["data-mask", "data-inputmask", "data-inputmask-mask", "mask", "data-format", "data-pattern"]) {
      const v = el.getAttribute(a);
      if (v) return v.replace(/^'?mask'?\s*:\s*/, "").replace(/^['"]|['"]$/g, "");
    }
    return "";
  };

  const controlInfo = (el: Element, kind: ControlKind, members: Element[]): ControlInfo => {
    const input = el as HTMLInputElement;
    const label = labelOf(el);
    const group = kind === "radio" || members.length > 1 ? groupText(el, members) : groupText(el, [el]);
    const choices: ChoiceInfo[] =
      kind === "select"
        ? [...(el as unknown as HTMLSelectElement).options].map((o) => ({
            text: clean(o.text),
            value: o.value,
            ref: null,
          }))
        : members.length > 1 || kind === "radio"
          ? members.map((m) => ({
              text: labelOf(m) || nearbyText(m),
              value: (m as HTMLInputElement).value,
              ref: ref(m),
            }))
          : [];
    const visible =
      kind === "radio" || kind === "checkbox"
        ? members.some((m) => shown(m) || [...((m as HTMLInputElement).labels ?? [])].some(shown))
        : shown(el);
    return {
      ref: ref(el),
      kind,
      name: el.getAttribute("name") ?? "",
      id: el.id,
      label: kind === "radio" || members.length > 1 ? "" : label,
      ariaLabel: el.getAttribute("aria-label") ?? "",
      placeholder: el.getAttribute("placeholder") ?? "",
      autocomplete: el.getAttribute("autocomplete") ?? "",
      title: el.getAttribute("title") ?? "",
      group: group === label ? "" : group,
      nearby: label ? "" : nearbyText(el),
      required: members.some((m) => isRequired(m, kind === "radio" || members.length > 1 ? group : label)),
      visible,
      disabled: input.disabled || input.readOnly,
      tabIndex: input.tabIndex,
      pattern: el.getAttribute("pattern") ?? "",
      maxLength: Math.max(input.maxLength, 0),
      mask: maskOf(el),
      value: kind === "radio" || kind === "checkbox" ? "" : (input.value ?? ""),
      checked: members.some((m) => (m as HTMLInputElement).checked),
      choices,
      selector: cssPath(el),
    };
  };

  const controlsOf = (container: Element): { infos: ControlInfo[]; hasPassword: boolean } => {
    const infos: ControlInfo[] = [];
    const seenGroups = new Set<string>();
    let hasPassword = false;
    const all = [...container.querySelectorAll(CONTROLS)];
    for (const el of all) {
      if (el.getAttribute("type")?.toLowerCase() === "password" && shown(el)) hasPassword = true;
      const kind = kindOf(el);
      if (!kind) continue;
      const name = el.getAttribute("name");
      if ((kind === "radio" || kind === "checkbox") && name) {
        const members = all.filter((m) => m.getAttribute("name") === name && kindOf(m) === kind);
        if (members.length > 1 || kind === "radio") {
          if (seenGroups.has(`${kind}:${name}`)) continue;
          seenGroups.add(`${kind}:${name}`);
          infos.push(controlInfo(el, kind, members));
          continue;
        }
      }
      infos.push(controlInfo(el, kind, [el]));
    }
    return { infos, hasPassword };
  };

  const BUTTONS = "button, input[type=submit], input[type=button], input[type=image], [role=button], a.btn, a.button";
  const buttonsOf = (container: Element): ButtonInfo[] =>
    [...container.querySelectorAll(BUTTONS)].map((b) => {
      const tag = b.tagName;
      const type = (b.getAttribute("type") ?? "").toLowerCase();
      const submit =
        (tag === "BUTTON" && (type === "submit" || (type === "" && !!b.closest("form")))) ||
        (tag === "INPUT" && (type === "submit" || type === "image"));
      return {
        ref: ref(b),
        text: clean(
          textOf(b) || (b as HTMLInputElement).value || b.getAttribute("aria-label") || b.getAttribute("title"),
        ),
        type: submit ? "submit" : tag === "A" ? "link" : "button",
        disabled: (b as HTMLButtonElement).disabled || b.getAttribute("aria-disabled") === "true",
        visible: shown(b),
      };
    });

  const CAPTCHA_FRAME = /recaptcha|hcaptcha|turnstile|captcha|arkoselabs|funcaptcha|geetest/i;
  const CAPTCHA_TEXT =
    /captcha|not a robot|security check|slide to (complete|verify|unlock)|verify (that )?you are (a )?human|prove you('| a)re human/i;
  const captchaIn = (container: Element): string | null => {
    for (const frame of container.querySelectorAll("iframe")) {
      if (CAPTCHA_FRAME.test(frame.src) || CAPTCHA_FRAME.test(frame.title))
        return `a CAPTCHA frame (${frame.title || frame.src})`;
    }
    const marked = container.querySelector(
      "[class*=captcha i]:not(.grecaptcha-badge), [id*=captcha i], [name*=captcha i], [data-sitekey], .cf-turnstile",
    );
    if (marked)
      return `a CAPTCHA element (${clean(marked.getAttribute("aria-label") ?? "") || marked.className || marked.id || marked.getAttribute("name")})`;
    const said = textOf(container).match(CAPTCHA_TEXT);
    if (said) return `a CAPTCHA (“${said[0]}”)`;
    for (const el of container.querySelectorAll("[aria-label]")) {
      const label = el.getAttribute("aria-label") ?? "";
      if (CAPTCHA_TEXT.test(label)) return `a CAPTCHA (“${label}”)`;
    }
    return null;
  };

  /** Headings, legends, names and the action: what a form says it is for. */
  const contextOf = (container: Element): string => {
    const parts = [
      container.id,
      container.getAttribute("name"),
      container.getAttribute("aria-label"),
      container.className?.toString(),
      ...[...container.querySelectorAll("h1, h2, h3, h4, h5, h6, legend, [role=heading]")].map(textOf),
    ];
    let node: Element | null = container;
    for (let depth = 0; node && depth < 4 && parts.length < 12; depth++, node = node.parentElement) {
      let sib = node.previousElementSibling;
      for (let n = 0; sib && n < 3; n++, sib = sib.previousElementSibling) {
        if (sib.querySelector(CONTROLS)) break;
        const heading = sib.matches("h1, h2, h3, h4, h5, h6") ? sib : sib.querySelector("h1, h2, h3, h4, h5, h6");
        if (heading) {
          parts.push(textOf(heading));
          depth = 99;
          break;
        }
      }
    }
    return clean(parts.filter(Boolean).join(" · "));
  };

  const formInfo = (container: Element): FormInfo => {
    const { infos, hasPassword } = controlsOf(container);
    const isForm = container.tagName === "FORM";
    return {
      ref: ref(container),
      frameUrl: location.href,
      selector: cssPath(container),
      context: contextOf(container),
      method: isForm ? ((container as HTMLFormElement).getAttribute("method") ?? "get").toLowerCase() : "",
      action: isForm ? (container.getAttribute("action") ?? "") : "",
      controls: infos,
      buttons: buttonsOf(container),
      hasPassword,
      captcha: captchaIn(container),
      visible: infos.some((c) => c.visible),
    };
  };

  /** Forms, and groups of controls outside any form gathered under the element that holds their button. */
  const containers = (root: Document | ShadowRoot): Element[] => {
    const out = new Set<Element>(root.querySelectorAll("form"));
    for (const control of root.querySelectorAll(CONTROLS)) {
      if (control.closest("form") || !kindOf(control)) continue;
      let node = control.parentElement;
      while (node && !node.querySelector(BUTTONS) && node.parentElement) node = node.parentElement;
      if (node && node !== document.body && node !== document.documentElement) out.add(node);
    }
    return [...out].filter(
      (c) => ![...out].some((o) => o !== c && o.tagName !== "FORM" && c.contains(o) && c.tagName !== "FORM"),
    );
  };

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
  };
  window.__rowpilot = agent;
}
