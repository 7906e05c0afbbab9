/**
 * Filling a located form, step by step for wizards: type into visible fields like a person
 * (so masks and validators run), pick options, tick boxes, press Continue when a step has no
 * Send button, and read back each value to be sure it held.
 */
import { agent, elementOf } from "./agent";
import { type Attempt, checkTime, sleep } from "./attempt";
import type { EngineFrame } from "./browser";
import { isTrap } from "./fields";
import type { LocatedForm } from "./navigate";
import type { ButtonInfo, FormInfo } from "./page-model";
import { type Fill, type FillPlan, planFill } from "./plan";
import { digitsOf, normalize } from "./text";

/** Wizards longer than this are not contact forms. */
const MAX_STEPS = 5;
/** Time for a script's dropdown to open after a click. */
const WIDGET_OPEN_MS = 250;
/** Time for a wizard's next step to appear after Continue. */
const STEP_SETTLE_MS = 700;

const NEXT = /^(next|continue|proceed|siguiente|continuar|suivant)\b|\bnext step\b|\bstep \d+\b/;
const BACK = /\b(back|previous|prev|cancel|reset|clear|close|atras|anterior)\b/;
const SEND = /\bsend\b|\bsubmit\b|\brequest\b|\bget\b|\bcontact\b|\bask\b|\benviar\b|\benvoyer\b|\bgo\b|^ok$/;

/** The form as it is now (its ref is stable while the document lives). */
export async function rescan(located: LocatedForm): Promise<FormInfo | null> {
  const scan = await agent(located.frame, "scan").catch(() => null);
  return scan?.forms.find((f) => f.ref === located.form.ref) ?? null;
}

/**
 * Whether the form has later steps still hidden: several hidden controls that are not bot traps
 * (a lone hidden field is more likely a honeypot than a step).
 */
function hasHiddenSteps(form: FormInfo): boolean {
  return form.controls.filter((c) => !c.visible && !isTrap({ ...c, visible: true })).length >= 2;
}

/**
 * A wizard's Continue: a visible button that says so. A *submit* button that says Continue only
 * counts when later steps are waiting; otherwise it is the one that sends.
 */
function isStepButton(button: ButtonInfo, form: FormInfo): boolean {
  if (button.type === "link" || !NEXT.test(normalize(button.text))) return false;
  return button.type !== "submit" || hasHiddenSteps(form);
}

/** The visible, enabled Continue of a wizard's current step, if any (none on a form's last step). */
export function nextButton(form: FormInfo): ButtonInfo | null {
  return form.buttons.find((b) => b.visible && !b.disabled && isStepButton(b, form)) ?? null;
}

/** What a link that sends a form says (an ASP.NET LinkButton). */
const SEND_LINK = /^(send|submit|enviar|envoyer)\b/;
/** Buttons of a header search that a page-wide form shares with the contact fields. */
const SEARCH = /^(go|search|find)$|\bsearch\b|\bbuscar\b|\brechercher\b/;

/**
 * The button that sends the form: a visible submit button that says Send or Submit, then any
 * button or button-styled link that says so (an ASP.NET LinkButton), then any other submit button
 * that is not a search's.
 */
export function sendButton(form: FormInfo): ButtonInfo | null {
  const visible = form.buttons.filter((b) => b.visible && !isStepButton(b, form));
  const said = (b: ButtonInfo) => normalize(b.text);
  const sends = (b: ButtonInfo) => SEND.test(said(b)) && !SEARCH.test(said(b));
  return (
    visible.find((b) => b.type === "submit" && sends(b)) ??
    visible.find((b) => b.type === "button" && sends(b)) ??
    // A link only when it says Send or Submit outright: a page-wide form holds the nav's links too.
    visible.find((b) => b.type === "link" && SEND_LINK.test(said(b))) ??
    visible.find((b) => b.type === "submit" && !SEARCH.test(said(b))) ??
    // One button, whatever it says ("Let's talk"), is the one that sends.
    (visible.length === 1 &&
    visible[0]!.type !== "link" &&
    !BACK.test(said(visible[0]!)) &&
    !SEARCH.test(said(visible[0]!))
      ? visible[0]!
      : null)
  );
}

/** Clicks an element like a person when nothing covers it, else with a DOM click. */
export async function press(frame: EngineFrame, ref: number): Promise<void> {
  const clear = await agent(frame, "reveal", ref);
  const element = clear ? await elementOf(frame, ref) : null;
  if (element) {
    try {
      await element.click();
      return;
    } finally {
      await element.dispose();
    }
  }
  await agent(frame, "click", ref);
}

function held(fill: Fill, value: string): boolean {
  if (fill.action.type !== "text") return true;
  if (fill.field === "phone" && !fill.part) return digitsOf(value).endsWith(digitsOf(fill.action.value).slice(-10));
  return value.trim() === fill.action.value.trim();
}

async function apply(frame: EngineFrame, fill: Fill): Promise<void> {
  const { action, control } = fill;
  if (action.type === "select" && control.widget !== null) {
    // A person opens the dropdown and clicks the option; setting the hidden select does nothing.
    await press(frame, control.widget);
    await sleep(WIDGET_OPEN_MS);
    const option = await agent(frame, "widgetOption", control.widget, action.text);
    if (option !== null) await press(frame, option);
    return;
  }
  if (action.type === "select") {
    await agent(frame, "selectOption", control.ref, action.value);
    return;
  }
  if (action.type === "check") {
    if (await agent(frame, "checked", action.ref)) return;
    await press(frame, action.ref);
    if (!(await agent(frame, "checked", action.ref))) await agent(frame, "click", action.ref);
    return;
  }
  const clear = await agent(frame, "reveal", control.ref);
  const element = clear ? await elementOf(frame, control.ref) : null;
  if (element) {
    try {
      await agent(frame, "setValue", control.ref, "");
      await element.focus();
      await element.type(action.value);
    } finally {
      await element.dispose();
    }
  }
  if (!held(fill, await agent(frame, "value", control.ref))) await agent(frame, "setValue", control.ref, action.value);
}

/**
 * The plan for the form as it is, asking the assistant (once per set of fields) when the
 * matcher is unsure or a required field means nothing to it.
 */
async function planWithHelp(attempt: Attempt, form: FormInfo): Promise<FillPlan> {
  const plan = planFill(form, attempt.profile, attempt.overrides);
  const unknown = form.controls.some((c) => c.visible && !attempt.overrides.has(c.ref));
  if (!attempt.assistant || !unknown || (plan.unsure.length === 0 && plan.missing.length === 0)) return plan;
  try {
    const site = new URL(form.frameUrl).host;
    for (const [ref, field] of await attempt.assistant.mapFields(form, site)) attempt.overrides.set(ref, field);
  } catch (error) {
    attempt.notes.push(`The field assistant could not help: ${(error as Error).message}`);
    attempt.assistant = undefined;
    return plan;
  }
  return planFill(form, attempt.profile, attempt.overrides);
}

export interface FilledForm {
  form: FormInfo;
  plan: FillPlan;
}

/**
 * Fills every step of the form; stops at the step that has the Send button, or at one with
 * required fields the profile cannot fill (the caller reports those and sends nothing).
 */
export async function fillForm(
  attempt: Attempt,
  located: LocatedForm,
  options: { dryRun: boolean },
): Promise<FilledForm> {
  const done = new Set<number>();
  let form = located.form;
  let plan = await planWithHelp(attempt, form);
  for (let step = 0; step < MAX_STEPS; step++) {
    for (const fill of plan.fills) {
      if (done.has(fill.control.ref)) continue;
      await apply(located.frame, fill);
      done.add(fill.control.ref);
      const where = located.frame === attempt.page.mainFrame() ? "" : `${located.frame.url()} >> `;
      attempt.fields[fill.field] ??= where + fill.control.selector;
      if (fill.action.type === "text" && !fill.part)
        attempt.values.push({ field: fill.field, value: fill.action.value });
    }
    form = (await rescan(located)) ?? form;
    plan = await planWithHelp(attempt, form);
    const next = nextButton(form);
    if (!next || sendButton(form) || plan.missing.length > 0) break;
    const before = form.controls.filter((c) => c.visible).map((c) => c.ref);
    checkTime(attempt);
    const sentBefore = attempt.sent;
    await press(located.frame, next.ref);
    await sleep(STEP_SETTLE_MS);
    if (attempt.sent > sentBefore) {
      const what = options.dryRun ? "even in a dry run, " : "";
      attempt.notes.push(
        `Pressing “${next.text}” sent data to the site (${what}the site saves each step of its wizard).`,
      );
    }
    form = (await rescan(located)) ?? form;
    plan = await planWithHelp(attempt, form);
    const after = form.controls.filter((c) => c.visible).map((c) => c.ref);
    if (after.every((ref) => before.includes(ref))) break;
  }
  return { form, plan };
}
