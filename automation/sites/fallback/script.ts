/**
 * The fallback site's only script: marks today's line in the opening hours. The page works the
 * same without it; the CSP admits it by its hash.
 */
export const SITE_JS = `(() => {
  const today = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date().getDay()];
  for (const line of document.querySelectorAll("[data-day]")) {
    if (line.getAttribute("data-day") !== today) continue;
    line.setAttribute("aria-current", "date");
    line.insertAdjacentHTML("beforeend", ' <span class="today">Today</span>');
  }
})();`;
