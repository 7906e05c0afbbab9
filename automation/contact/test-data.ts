/**
 * Builders for the page data the engine's matchers take, so a test states only what the page says
 * about a control and not the whole `ControlInfo` shape. Defaults are what `agent/in-page.ts`
 * reports for a bare visible `<input type="text">`.
 */
import type { ChoiceInfo, ControlInfo, FormInfo } from "./page-model";

let nextRef = 1;

/** A visible, empty, optional text box, with `overrides` on top; each call gets its own `ref`. */
export function control(overrides: Partial<ControlInfo> = {}): ControlInfo {
  const ref = nextRef++;
  return {
    ref,
    kind: "text",
    name: "",
    id: "",
    label: "",
    ariaLabel: "",
    placeholder: "",
    autocomplete: "",
    title: "",
    group: "",
    nearby: "",
    caption: "",
    required: false,
    visible: true,
    disabled: false,
    tabIndex: 0,
    pattern: "",
    maxLength: 0,
    mask: "",
    value: "",
    checked: false,
    choices: [],
    widget: null,
    selector: `#control-${ref}`,
    ...overrides,
  };
}

/** An option of a select (no `ref`) or, given a `ref`, one radio or checkbox of a group. */
export function choice(text: string, value = text, ref: number | null = null): ChoiceInfo {
  return { text, value, ref };
}

/** A visible form on a dealer's contact page holding `controls`, with one "Submit" button. */
export function form(controls: ControlInfo[], overrides: Partial<FormInfo> = {}): FormInfo {
  const ref = nextRef++;
  return {
    ref,
    frameUrl: "https://dealer.example/contact-us/",
    selector: `#form-${ref}`,
    context: "",
    method: "post",
    action: "",
    controls,
    buttons: [{ ref: nextRef++, text: "Submit", name: "", type: "submit", disabled: false, visible: true }],
    hasPassword: false,
    part: false,
    captcha: null,
    visible: true,
    ...overrides,
  };
}
