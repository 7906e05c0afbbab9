import { Form, Link, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import { Button, Field, Input, Notice } from "../components/ui";
import { apiSend, passCookies } from "../lib/api.server";
import { safeNext } from "../lib/safe-next";
import type { Route } from "./+types/sign-up";

export const meta: Route.MetaFunction = () => [{ title: "Create your account · Rowpilot" }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await apiSend(context, "POST", "/api/auth/sign-up/email", {
    name: String(form.get("name") ?? "").trim(),
    email: String(form.get("email") ?? "").trim(),
    password: String(form.get("password") ?? ""),
  });
  if (!result.ok) return { error: result.error.message };
  throw redirect(safeNext(form.get("next"), "/new"), { headers: passCookies(result.response) });
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const next = params.get("next") ?? "/new";
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="text-lg font-semibold">Create your account</h1>
      <p className="mt-1 text-[13px] text-muted">Outreach tables that fill themselves in.</p>
      <Form method="post" className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="next" value={next} />
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
        <Field label="Name">
          <Input name="name" autoComplete="name" required autoFocus />
        </Field>
        <Field label="Email">
          <Input name="email" type="email" autoComplete="email" required />
        </Field>
        <Field label="Password" hint="At least 10 characters.">
          <Input name="password" type="password" autoComplete="new-password" minLength={10} required />
        </Field>
        <Button type="submit" variant="primary" disabled={busy}>
          Create account
        </Button>
      </Form>
      <p className="mt-6 text-center text-[13px] text-muted">
        Have an account?{" "}
        <Link to={`/sign-in?next=${encodeURIComponent(next)}`} className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
