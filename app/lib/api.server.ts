/**
 * How loaders and actions talk to the Worker's API: in-process, with the visitor's cookies, so
 * pages get exactly the permissions any API client gets.
 */
import { data, type RouterContextProvider, redirect } from "react-router";
import { apiContext } from "../../schema/api-context";

export type ApiError = { status: number; message: string };

export async function apiCall(context: Readonly<RouterContextProvider>, path: string, init?: RequestInit) {
  return context.get(apiContext)(path, init);
}

/** GET a JSON resource; 401 sends the visitor to sign in, other errors reach the error boundary. */
export async function apiGet<T>(context: Readonly<RouterContextProvider>, request: Request, path: string): Promise<T> {
  const res = await apiCall(context, path);
  if (res.status === 401) throw redirect(signInUrl(request));
  if (!res.ok) throw data(await errorOf(res), { status: res.status });
  return (await res.json()) as T;
}

/** Send JSON; resolves to the parsed body, or to `{ error }` for the form to show. */
export async function apiSend<T>(
  context: Readonly<RouterContextProvider>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ ok: true; value: T; response: Response } | { ok: false; error: ApiError; response: Response }> {
  const response = await apiCall(context, path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? undefined : { "content-type": "application/json" },
  });
  if (!response.ok) return { ok: false, error: await errorOf(response), response };
  const value = (response.status === 204 ? null : await response.json()) as T;
  return { ok: true, value, response };
}

export async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const parsed = JSON.parse(text) as { error?: ApiError; message?: string; code?: string };
    if (parsed.error?.message) return parsed.error;
    if (parsed.message) return { status: res.status, message: parsed.message };
  } catch {
    // not JSON: fall through to the status text
  }
  return { status: res.status, message: text || res.statusText || `Request failed (${res.status})` };
}

export function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The `Set-Cookie` headers of an API response, to pass on with a redirect. */
export function passCookies(from: Response, to = new Headers()): Headers {
  for (const cookie of from.headers.getSetCookie()) to.append("set-cookie", cookie);
  return to;
}
