/** Light/dark theme: a choice kept in localStorage, applied before first paint by `themeScript`. */
import { Moon, Sun } from "lucide-react";
import { Button } from "./ui";

const KEY = "rowpilot-theme";

/** Runs inline in <head> so the page never flashes the wrong theme. */
export const themeScript = `(function(){try{var t=localStorage.getItem("${KEY}");if(!t){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t}catch(e){}})()`;

export function ThemeToggle() {
  const toggle = () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem(KEY, next);
  };
  return (
    <Button variant="ghost" onClick={toggle} aria-label="Switch light or dark theme" className="h-8 w-8 px-0">
      <Sun className="hidden h-4 w-4 dark:block" />
      <Moon className="h-4 w-4 dark:hidden" />
    </Button>
  );
}
