/** Talking to a running server over HTTP, as a person or script would: accounts, workspaces, tokens, tables. */
export type SharedAccount = { cookie: string; slug: string; token: string };

export class Api {
  private cookie = "";
  constructor(readonly base: string) {}

  /** The session cookies, for a browser context to sign in as this account. */
  cookies(): { name: string; value: string; url: string }[] {
    return this.cookie
      .split("; ")
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: this.base };
      });
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: this.base,
        cookie: this.cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
    if (cookies.length) this.cookie = cookies.join("; ");
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  }

  /** A new account, signed in (sign-ups are limited to 5 a minute per address). */
  static async signUp(base: string, name: string) {
    const api = new Api(base);
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${crypto.randomUUID()}@example.com`;
    await api.request("POST", "/api/auth/sign-up/email", { name, email, password: Api.PASSWORD });
    return { api, email };
  }

  private static readonly PASSWORD = "a long enough password";

  private static accounts = new Map<string, Promise<{ api: Api; slug: string; token: string }>>();

  /** Uses an account made elsewhere (the test run's global setup) for `base`. */
  static register(base: string, account: SharedAccount) {
    const api = new Api(base);
    api.cookie = account.cookie;
    Api.accounts.set(base, Promise.resolve({ api, slug: account.slug, token: account.token }));
  }

  /** What another process needs to act as this account. */
  async share(): Promise<SharedAccount> {
    const { slug, token } = await Api.account(this.base);
    return { cookie: this.cookie, slug, token };
  }

  /**
   * One account, workspace and editor token per server and test file: sign-ups are limited to
   * 5 a minute per address, and every test here comes from the same one.
   */
  static account(base: string) {
    let account = Api.accounts.get(base);
    if (!account) {
      account = (async () => {
        const { api } = await Api.signUp(base, "Sync Tester");
        const ws = await api.request<{ slug: string }>("POST", "/api/workspaces", { name: `Sync ${Date.now()}` });
        const { token } = await api.request<{ token: string }>("POST", `/api/workspaces/${ws.slug}/tokens`, {
          name: "sync test",
          role: "editor",
        });
        return { api, slug: ws.slug, token };
      })();
      Api.accounts.set(base, account);
    }
    return account;
  }

  /** A new table in the file's shared workspace, with an editor token: what the sync tests need. */
  static async withTable(
    base: string,
    columns: { name: string; type?: string; options?: Record<string, unknown> }[] = [
      { name: "Name" },
      { name: "Score", type: "number" },
    ],
    name = "Synced",
  ) {
    const { api, slug, token } = await Api.account(base);
    const table = await api.request<{ id: string; columns: { id: string }[] }>(
      "POST",
      `/api/tables?workspace=${slug}`,
      {
        name,
        columns,
      },
    );
    return { api, token, tableId: table.id, columns: table.columns.map((c) => c.id), slug };
  }
}
