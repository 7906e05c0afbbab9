/** JSON calls to the Worker's API from the browser, with the session cookie; errors carry the server's message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * @example const { rules } = await apiJson<{ rules: TriggerRule[] }>(`/api/tables/${id}/triggers`);
 */
export async function apiJson<T>(
  path: string,
  init: { method?: string; body?: unknown; file?: Blob } = {},
): Promise<T> {
  // A file goes as it is (an upload), anything else as JSON.
  const type = init.file ? init.file.type || "application/octet-stream" : "application/json";
  const payload = init.file ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: payload === undefined ? undefined : { "content-type": type },
      body: payload,
    });
  } catch {
    throw new ApiError(0, "Could not reach the server; try again when you are online.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    // The API's errors are `{ error: { status, message } }` (worker/api/errors.ts).
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new ApiError(response.status, message ?? `The server answered ${response.status}`);
  }
  return body as T;
}
