import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/link-error";

export const meta: Route.MetaFunction = () => [{ title: "Sign-in link not valid · Rowpilot" }];

const REASONS: Record<string, string> = {
  INVALID_TOKEN: "This sign-in link has expired or was already used. Each link works once, for 15 minutes.",
  EXPIRED_TOKEN: "This sign-in link has expired. Each link works for 15 minutes.",
  new_user_signup_disabled: "There is no account for this address yet.",
};

export default function LinkError() {
  const [params] = useSearchParams();
  const reason = REASONS[params.get("error") ?? ""] ?? "This sign-in link cannot be used.";
  return (
    <>
      <h1 className="text-lg font-semibold">This link cannot sign you in</h1>
      <p className="mt-2 text-[13px] text-muted">{reason}</p>
      <p className="mt-2 text-[13px] text-muted">
        Ask for a new link on the sign-in page. Operators can print one with{" "}
        <code className="rounded bg-surface-2 px-1">
          npm run --silent rowpilot -- login-link --workspace &lt;slug&gt;
        </code>
        .
      </p>
      <Link
        to="/sign-in"
        className="mt-6 inline-flex h-9 w-full items-center justify-center rounded-md bg-accent text-[13px] font-medium text-accent-fg hover:bg-accent-hover"
      >
        Go to sign in
      </Link>
    </>
  );
}
