/** The origin to put in links we hand out: the request's own when local, APP_URL in production. */
export function publicOrigin(env: Pick<Env, "ROWPILOT_ENV" | "APP_URL">, requestUrl: string): string {
  return env.ROWPILOT_ENV === "local" ? new URL(requestUrl).origin : new URL(env.APP_URL).origin;
}
