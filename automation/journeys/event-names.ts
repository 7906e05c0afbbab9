/**
 * The name a lead's event has inside a journey's Workflows instance: `step.waitForEvent` waits
 * for one `type` and `instance.sendEvent` delivers by it, so a keyed wait (`clicked` with key
 * `spring-offer`) waits for its own name. Workflows event types are kept to letters, digits, `-`
 * and `_` (at most 100 characters), so the key is folded into that alphabet.
 */
const MAX_EVENT_TYPE = 100;

export function workflowEventType(type: string, key?: string | null): string {
  if (!key) return type;
  const folded = key
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .slice(0, MAX_EVENT_TYPE - type.length - 2);
  return `${type}--${folded}`;
}
