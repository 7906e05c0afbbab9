/**
 * What the engine reads off a page: plain data collected inside the browser by `scan/`, and
 * judged by the pure matchers (`fields`, `forms`, `links`) outside it.
 */

export type ControlKind = "text" | "email" | "tel" | "number" | "date" | "textarea" | "select" | "radio" | "checkbox";

export interface ChoiceInfo {
  text: string;
  value: string;
  /** The radio or checkbox element of this choice (selects have none). */
  ref: number | null;
}

export interface ControlInfo {
  /** The element's index in its frame's registry (see `scan/`). */
  ref: number;
  kind: ControlKind;
  name: string;
  id: string;
  /** Text of its `<label>`s and `aria-labelledby`. */
  label: string;
  ariaLabel: string;
  placeholder: string;
  autocomplete: string;
  title: string;
  /** The `<legend>` or group label around it (radio groups, complex name fields). */
  group: string;
  /** Text just before it inside its container, for fields labelled by a bare `<span>`. */
  nearby: string;
  /** Text right after or under it in its own box ("First Name" under a box of a "Name" group). */
  caption: string;
  required: boolean;
  /** Rendered, with a size, inside the page and not under `aria-hidden`. */
  visible: boolean;
  disabled: boolean;
  tabIndex: number;
  pattern: string;
  maxLength: number;
  /** An input-mask attribute (`data-mask`, `data-inputmask`…) when the site declares one. */
  mask: string;
  value: string;
  checked: boolean;
  choices: ChoiceInfo[];
  /**
   * For a native select hidden behind a script's dropdown (Choices.js, an ARIA combobox): the
   * widget a person clicks to open it. Its options are picked there, by their text.
   */
  widget: number | null;
  /** A CSS selector for the report, with `>>>` where it crosses into a shadow root. */
  selector: string;
}

export interface ButtonInfo {
  ref: number;
  text: string;
  /** Its `name`: a page-wide form's post names the button that was pressed. */
  name: string;
  /** `submit`, `button` or `link`. */
  type: string;
  disabled: boolean;
  visible: boolean;
}

export interface FormInfo {
  ref: number;
  /** URL of the frame that holds it. */
  frameUrl: string;
  selector: string;
  /** Headings and legends before and inside it, its id, class and action: what it is for. */
  context: string;
  method: string;
  action: string;
  controls: ControlInfo[];
  buttons: ButtonInfo[];
  hasPassword: boolean;
  /**
   * One part of a page-wide `<form>` (ASP.NET WebForms wraps the whole page in one): the
   * controls around one of its submit buttons. Its post carries the whole form.
   */
  part: boolean;
  /** What gave away a CAPTCHA inside or next to the form, or null. */
  captcha: string | null;
  visible: boolean;
}

export interface LinkInfo {
  text: string;
  href: string;
  /** Inside a `<nav>`, header, menu or drawer. */
  inNav: boolean;
}
