/**
 * In-page form reading: every form (and every group of controls outside a form, gathered under
 * the element that holds their button) as plain data: its controls with their labels, groups,
 * requiredness and visibility, its buttons, what it says it is for, and any CAPTCHA in it. Runs
 * inside the dealer's page as source text (see `index.ts`), so it refers only to its argument.
 */
import type { ButtonInfo, ChoiceInfo, ControlInfo, ControlKind, FormInfo } from "../page-model";
import type { Dom } from "./dom";

export function makeFormReader(dom: Dom) {
  const { ref, clean, textOf, CONTROLS, SKIP_TYPES, hostChain, shown, labelOf, nearbyText, captionAfter } = dom;
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

  const COMBOBOX = "[role=combobox], [aria-haspopup=listbox], [aria-haspopup=true]";
  /** The visible dropdown a script put in place of a hidden select, around it or beside it. */
  const widgetOf = (el: Element): Element | null => {
    if (shown(el)) return null;
    const around = el.closest(COMBOBOX);
    if (around && shown(around)) return around;
    const beside = el.parentElement?.querySelector(COMBOBOX);
    return beside && shown(beside) && !beside.querySelector("select") ? beside : null;
  };
  /** Options a widget shows for a select whose own options were emptied (Choices.js keeps only the chosen one). */
  const widgetChoices = (widget: Element): ChoiceInfo[] =>
    [...widget.querySelectorAll("[role=option], [data-value]")]
      .filter((o) => !o.hasAttribute("data-item"))
      .map((o) => ({
        text: clean(o.textContent),
        value: o.getAttribute("data-value") ?? clean(o.textContent),
        ref: null,
      }));

  const controlInfo = (el: Element, kind: ControlKind, members: Element[]): ControlInfo => {
    const input = el as HTMLInputElement;
    const widget = kind === "select" ? widgetOf(el) : null;
    const label = labelOf(el) || (widget ? labelOf(widget) : "");
    const group = kind === "radio" || members.length > 1 ? groupText(el, members) : groupText(el, [el]);
    const native = kind === "select" ? [...(el as unknown as HTMLSelectElement).options] : [];
    const choices: ChoiceInfo[] =
      widget && native.length <= 1
        ? widgetChoices(widget)
        : kind === "select"
          ? native.map((o) => ({
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
        : shown(el) || widget !== null;
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
      caption: label || kind === "radio" || members.length > 1 ? "" : captionAfter(el),
      required: members.some((m) => isRequired(m, kind === "radio" || members.length > 1 ? group : label)),
      visible,
      disabled: input.disabled || input.readOnly,
      tabIndex: widget ? 0 : input.tabIndex,
      pattern: el.getAttribute("pattern") ?? "",
      maxLength: Math.max(input.maxLength, 0),
      mask: maskOf(el),
      value: kind === "radio" || kind === "checkbox" ? "" : (input.value ?? ""),
      checked: members.some((m) => (m as HTMLInputElement).checked),
      choices,
      widget: widget ? ref(widget) : null,
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

  // Links styled or scripted as buttons count: an ASP.NET LinkButton is `<a href="javascript:…">`.
  const BUTTONS =
    "button, input[type=submit], input[type=button], input[type=image], [role=button], a.btn, a.button, a[class*=submit i], a[class*=btn i], a[href^='javascript:']";
  /** A form's buttons, with those placed outside it and bound by `form="<its id>"` (a sticky footer bar). */
  const buttonElements = (container: Element): Element[] => {
    const inside = [...container.querySelectorAll(BUTTONS)];
    if (container.tagName !== "FORM" || !container.id) return inside;
    const root = container.getRootNode() as Document | ShadowRoot;
    const bound = [...root.querySelectorAll(`[form="${container.id.replace(/["\\]/g, "\\$&")}"]`)].filter(
      (b) => b.matches(BUTTONS) && !container.contains(b),
    );
    return [...inside, ...bound];
  };
  const buttonsOf = (container: Element): ButtonInfo[] =>
    buttonElements(container).map((b) => {
      const tag = b.tagName;
      const type = (b.getAttribute("type") ?? "").toLowerCase();
      const submit =
        (tag === "BUTTON" && (type === "submit" || (type === "" && (!!b.closest("form") || b.hasAttribute("form"))))) ||
        (tag === "INPUT" && (type === "submit" || type === "image"));
      return {
        ref: ref(b),
        name: b.getAttribute("name") ?? "",
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
    const owner = container.tagName === "FORM" ? container : container.closest("form");
    const isForm = !!owner;
    return {
      ref: ref(container),
      frameUrl: location.href,
      selector: cssPath(container),
      context: contextOf(container),
      method: isForm ? (owner.getAttribute("method") ?? "get").toLowerCase() : "",
      action: isForm ? (owner.getAttribute("action") ?? "") : "",
      controls: infos,
      buttons: buttonsOf(container),
      hasPassword,
      captcha: captchaIn(container),
      visible: infos.some((c) => c.visible),
      part: owner !== null && owner !== container,
    };
  };

  const SUBMITS = "input[type=submit], input[type=image], button[type=submit], button:not([type])";
  /**
   * A page-wide form split into its parts: for each visible submit button, the widest box around
   * it that holds no other one. Split only when two or more parts hold visible controls of their
   * own (a header search and a contact block), never a wizard's Back and Next.
   */
  const partsOf = (form: Element): Element[] => {
    const submits = [...form.querySelectorAll(SUBMITS)].filter(shown);
    if (submits.length < 2) return [form];
    const parts = new Set<Element>();
    for (const button of submits) {
      let box: Element = button;
      while (box.parentElement && box.parentElement !== form) {
        const parent: Element = box.parentElement;
        if (submits.some((other) => other !== button && parent.contains(other))) break;
        box = parent;
      }
      parts.add(box);
    }
    const withControls = [...parts].filter((p) => [...p.querySelectorAll(CONTROLS)].some((c) => kindOf(c) && shown(c)));
    return withControls.length >= 2 ? withControls : [form];
  };

  /** Forms, and groups of controls outside any form gathered under the element that holds their button. */
  const containers = (root: Document | ShadowRoot): Element[] => {
    const out = new Set<Element>([...root.querySelectorAll("form")].flatMap(partsOf));
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

  return { formInfo, containers, BUTTONS };
}

export type FormReader = ReturnType<typeof makeFormReader>;
