/**
 * A journey built on the canvas and run, as a person does it: a blank journey gets a send
 * email → wait 1 second → exit path from the palette and connections dragged between named
 * handles; publishing before the nodes are connected names the unreachable ones on the canvas;
 * once published, one lead is enrolled, the live counts on the cards move, the enrollment ends
 * "finished" and the email is in the outbox with the lead's name filled in.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { OutboxEntry } from "../schema/messaging-api";
import { Api } from "./api";
import { sharedBrowser } from "./browser";

const browser = sharedBrowser();
const base = inject("baseUrl");

/** A workflow instance starting, a 1 s wait and the send through the queue, on a loaded machine. */
const RUN_MS = 60_000;

const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Drags a connection from a card's named edge handle to another card's top. */
async function connect(page: Page, from: string, handle: string, to: string) {
  await page.locator(".react-flow__controls-fitview").click();
  const source = card(page, from).locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  const target = card(page, to).locator(".react-flow__handle.target");
  await source.dragTo(target);
}

describe("the journey builder", () => {
  it("builds send → wait → exit on the canvas, publishes it and watches an enrolled lead go through", async () => {
    const { api } = await Api.signUp(base, "Journey Builder");
    const { slug } = await api.request<{ slug: string }>("POST", "/api/workspaces", { name: `Journeys ${Date.now()}` });
    const q = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      sender: { fromName: "Ana", fromEmail: "ana@rowpilot.example", postalAddress: "100 Congress Ave, Austin, TX" },
    });
    const leads = await api.request<{ id: string }>("POST", `/api/tables?${q}`, {
      name: "Leads",
      columns: [{ name: "Name" }, { name: "Email", type: "email" }],
    });
    await api.request("POST", `/api/tables/${leads.id}/rows`, {
      cells: { Name: "Rose Lee", Email: "rose@bakery.example" },
    });

    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    await context.addCookies(api.cookies());
    const page = await context.newPage();
    page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
    try {
      await page.goto(`${base}/w/${slug}`);
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Journeys" }).click();
      await page.getByText("No journeys yet").waitFor();
      await page.getByRole("button", { name: "New journey" }).click();
      await page.getByRole("menuitem", { name: "Blank journey" }).click();
      await page.getByRole("tablist", { name: "Journey views" }).waitFor();
      await card(page, "exit-1").waitFor();

      await page.getByRole("textbox", { name: "Name" }).fill("Rose's welcome");
      await page.getByRole("button", { name: "Add Send" }).click();
      const send = page.getByRole("form", { name: "Node send-1" });
      await send.getByLabel("Subject").fill("Hi {{lead.Name}}");
      await send.getByLabel("Message").fill("Welcome, {{lead.Name}}.");
      await page.getByRole("button", { name: "Add Wait" }).click();
      const wait = page.getByRole("form", { name: "Node wait-1" });
      await wait.getByLabel("Duration unit").selectOption("seconds");
      await wait.getByLabel("Duration", { exact: true }).fill("1");
      await expect.poll(() => card(page, "wait-1").textContent()).toContain("Wait 1 second");
      await page.keyboard.press("Escape");

      // Nothing leads to the new cards yet: publishing names them and outlines them in red.
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      const problems = page.getByRole("alert", { name: "Publish problems" });
      await problems.waitFor();
      expect(await problems.textContent()).toContain("send-1");
      await card(page, "send-1").locator('[data-problem="true"]').waitFor();

      await connect(page, "__entry", "next", "send-1");
      await connect(page, "send-1", "next", "wait-1");
      await connect(page, "wait-1", "next", "exit-1");
      await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(3);
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await page.getByText("Published version 1.").waitFor();
      expect(await problems.count()).toBe(0);
      await page.getByRole("status").getByText("Saved").waitFor();

      await page.getByRole("button", { name: "Enroll", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Enroll leads" });
      await dialog.getByRole("checkbox", { name: "Rose Lee" }).check();
      await dialog.getByRole("button", { name: "Enroll 1 row" }).click();
      await dialog.getByText("Enrolled 1 row.").waitFor();
      await dialog.getByRole("button", { name: "Close" }).first().click();

      // The live counts on the cards: the lead went through the send and the wait and reached the exit.
      const entered = (id: string) => card(page, id).locator("[data-live-entered]").getAttribute("data-live-entered");
      await expect.poll(() => entered("exit-1"), { timeout: RUN_MS }).toBe("1");
      expect(await entered("send-1")).toBe("1");
      expect(await entered("wait-1")).toBe("1");

      await page.getByRole("tab", { name: "enrollments" }).click();
      const rows = page.getByRole("table", { name: "Enrollments" });
      await expect
        .poll(() => rows.locator('tr[data-enrollment-status="finished"]').count(), { timeout: RUN_MS })
        .toBe(1);
      expect(await rows.textContent()).toContain("Rose Lee");

      await expect
        .poll(
          async () => {
            const { messages } = await api.request<{ messages: OutboxEntry[] }>("GET", `/api/outbox?${q}`);
            return messages.map((m) => `${m.to} ${m.subject}`);
          },
          { timeout: RUN_MS },
        )
        .toEqual(["rose@bakery.example Hi Rose Lee"]);
    } catch (e) {
      await page.screenshot({ path: "/tmp/jr-app-fail.png" });
      throw e;
    }
    await context.close();
  }, 180_000);
});
