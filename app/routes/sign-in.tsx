import { Form, Link, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import { Button, Field, Input, Notice } from "../components/ui";
import { apiSend, passCookies } from "../lib/api.server";
import { safeNext } from "../lib/safe-next";
import type { Route } from "./+types/sign-in";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Rowpilot" }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const next = safeNext(form.get("next"));
  const email = String(form.get("email") ?? "").trim();
  if (form.get("intent") === "link") {
    const sent = await apiSend(context, "POST", "/api/auth/sign-in/magic-link", {
      email,
      callbackURL: next,
      errorCallbackURL: "/sign-in/link-error",
    });
    if (!sent.ok) return { error: sent.error.message };
    return { sent: email };
  }
  const result = await apiSend(context, "POST", "/api/auth/sign-in/email", {
    email,
    password: String(form.get("password") ?? ""),
    rememberMe: true,
  });
  if (!result.ok) return { error: result.error.message };
  throw redirect(next, { headers: passCookies(result.response) });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const next = params.get("next") ?? "/";
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="text-lg font-semibold">Sign in</h1>
      <p className="mt-1 text-[13px] text-muted">Welcome back. Use your password or get a one-time link.</p>
      <Form method="post" className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="next" value={next} />
        {result && "error" in result ? <Notice tone="error">{result.error}</Notice> : null}
        {result && "sent" in result ? (
          <Notice tone="success">
            If {result.sent} has an account, a sign-in link is on its way. Running locally? It is printed in the
            terminal that runs Rowpilot.
          </Notice>
        ) : null}
        <Field label="Email">
          <Input name="email" type="email" autoComplete="email" required autoFocus />
        </Field>
        <Field label="Password">
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" name="intent" value="password" variant="primary" disabled={busy}>
          Sign in
        </Button>
        <Button type="submit" name="intent" value="link" formNoValidate disabled={busy}>
          Email me a sign-in link
        </Button>
      </Form>
      <p className="mt-6 text-center text-[13px] text-muted">
        New to Rowpilot?{" "}
        <Link to={`/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
