/** The messages API's paths for a workspace, as the Messages page calls them (`?workspace=<slug>`). */

/**
 * @example messagesApi("demo", "/m1/send") // "/api/messages/m1/send?workspace=demo"
 */
export function messagesApi(slug: string, path = "", query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ workspace: slug, ...query });
  return `/api/messages${path}?${params}`;
}

export const outboxApi = (slug: string) => `/api/outbox?${new URLSearchParams({ workspace: slug })}`;
