import { describe, expect, inject, it } from "vitest";
import { Api } from "./api";
import { openTable, sharedBrowser } from "./browser";

const base = inject("baseUrl");
const browser = sharedBrowser();

/** A 2×2 PNG, small enough to inline. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

describe("attachment cells", () => {
  it("uploads a screenshot into a cell, shows it in the grid and the viewer, and removes it", async () => {
    const { api, slug, tableId } = await Api.withTable(base, [
      { name: "Dealer" },
      { name: "Screenshots", type: "attachment" },
    ]);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Dealer: "Bayou Ford" } });
    const page = await openTable(browser(), api, `${base}/w/${slug}/t/${tableId}`);

    await page.getByRole("button", { name: "Screenshots: 0 files" }).click();
    const viewer = page.getByRole("dialog", { name: /Screenshots/ });
    await viewer.getByText("No files yet").waitFor();
    await viewer
      .getByLabel("Add files")
      .setInputFiles({ name: "contact page.png", mimeType: "image/png", buffer: PNG });
    await viewer.getByRole("img", { name: "contact page.png" }).waitFor();
    const shown = await viewer
      .getByRole("img", { name: "contact page.png" })
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(shown).toBe(2);
    await page.keyboard.press("Escape");

    const thumb = page.getByRole("gridcell").getByRole("img", { name: "contact page.png" });
    await thumb.waitFor();
    const rows = await api.request<{ rows: { cells: Record<string, unknown> }[] }>(
      "GET",
      `/api/tables/${tableId}/rows`,
    );
    expect(Object.values(rows.rows[0]!.cells)).toContainEqual([
      expect.objectContaining({ name: "contact page.png", type: "image/png", size: PNG.length }),
    ]);

    await page.getByRole("button", { name: "Screenshots: 1 file" }).click();
    await viewer.getByRole("button", { name: "Remove" }).click();
    await viewer.getByText("No files yet").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => thumb.count()).toBe(0);
    await page.context().close();
  });
});

describe("link cells", () => {
  it("links a row to rows of another table found by search, names them, and rolls them up in a formula", async () => {
    const projects = await Api.withTable(base, [{ name: "Project" }], "Projects");
    const { api, slug } = projects;
    const ids: Record<string, string> = {};
    for (const name of ["Spring F-150 search", "Family SUV", "Spring Civic search"])
      ids[name] = (
        await api.request<{ id: string }>("POST", `/api/tables/${projects.tableId}/rows`, { cells: { Project: name } })
      ).id;
    const dealers = await Api.withTable(
      base,
      [
        { name: "Dealer" },
        { name: "Projects", type: "link", options: { table: projects.tableId } },
        { name: "Project names", type: "formula", options: { formula: 'ARRAYJOIN({Projects}.{Project}, "; ")' } },
      ],
      "Dealerships",
    );
    await api.request("POST", `/api/tables/${dealers.tableId}/rows`, { cells: { Dealer: "Bayou Ford" } });

    const page = await openTable(browser(), api, `${base}/w/${slug}/t/${dealers.tableId}`);

    await page.getByRole("button", { name: "Projects: 0 linked" }).click();
    const picker = page.getByRole("dialog", { name: /rows of Projects/ });
    await expect.poll(() => picker.getByRole("listitem").count()).toBe(3);
    await picker.getByLabel("Find a row").fill("spring");
    await expect
      .poll(() => picker.getByRole("listitem").allTextContents())
      .toEqual(["Spring F-150 search", "Spring Civic search"]);
    await picker.getByLabel("Spring Civic search").check();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Projects: 1 linked" }).getByText("Spring Civic search").waitFor();
    // A formula looks through the link at the linked rows' fields.
    const names = page.locator("[role=row][aria-rowindex='2'] [role=gridcell][aria-colindex='3']");
    await expect.poll(() => names.textContent()).toBe("Spring Civic search");

    const rows = await api.request<{ rows: { cells: Record<string, unknown> }[] }>(
      "GET",
      `/api/tables/${dealers.tableId}/rows`,
    );
    expect(rows.rows[0]!.cells[dealers.columns[1]!]).toEqual([ids["Spring Civic search"]]);
    await page.context().close();
  });
});
