/**
 * In-page reading helpers shared by the form reader and the agent: the element registry (elements
 * are named by their index in it), visible text, visibility, labels. Runs inside the dealer's
 * page as source text (see `index.ts`), so it refers to nothing outside its own body.
 */

export function makeDom() {
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
      // A box a person can scroll (a card with a scroll bar) shows what is below its fold on demand.
      const scrolls = /auto|scroll/.test(style.overflowY) || /auto|scroll/.test(style.overflowX);
      const box = node.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) return true;
      const overlaps = r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      if (!overlaps && !scrolls) return true;
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

  /**
   * Short text right after an element inside a box that holds no other control: the caption
   * under an input ("First Name" below a "Name" group's box, "Area Code" under a phone part).
   * Never the next field's label, which sits outside the box.
   */
  const captionAfter = (el: Element): string => {
    let node: Element | null = el;
    for (let depth = 0; node?.parentElement && depth < 3; depth++, node = node.parentElement) {
      if (node.parentElement.querySelectorAll(CONTROLS).length > 1) break;
      let sib = node.nextSibling;
      while (sib) {
        const isLabel = sib.nodeType === Node.ELEMENT_NODE && (sib as Element).matches("label[for]");
        const t = clean(sib.nodeType === Node.ELEMENT_NODE ? textOf(sib as Element) : sib.textContent);
        if (t && !isLabel) return t.length <= 60 ? t : "";
        sib = sib.nextSibling;
      }
    }
    return "";
  };

  return { els, ref, clean, textOf, CONTROLS, SKIP_TYPES, roots, hostChain, shown, labelOf, nearbyText, captionAfter };
}

export type Dom = ReturnType<typeof makeDom>;
