import { Outlet } from "react-router";
import { ThemeToggle } from "../components/theme";
import { Logo } from "../components/ui";

/** The centered card that sign-in, sign-up, invitations and workspace creation share. */
export default function AuthLayout() {
  return (
    <main className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <Logo />
        <ThemeToggle />
      </header>
      <div className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-sm rounded-xl border border-line bg-surface p-7 shadow-sm">
          <Outlet />
        </div>
      </div>
    </main>
  );
}
