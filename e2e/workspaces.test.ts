import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "./browser";

const baseURL = inject("baseUrl");
const PASSWORD = "a long enough password";
const SHOTS = "e2e/.artifacts";

const browser = sharedBrowser();
const contexts: BrowserContext[] = [];

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  return context.newPage();
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

describe("workspaces in the browser", () => {
  const stamp = Date.now();
  const ownerEmail = `olivia.${stamp}@example.com`;
  const guestEmail = `gabe.${stamp}@example.com`;
  let owner: Page;
  let guest: Page;
  let slug: string;
  let link: string;

  it("signs up and creates a workspace", async () => {
    owner = await newPage();
    await owner.goto("/");
    await owner.waitForURL(/\/sign-in/);
    await owner.getByRole("link", { name: "Create an account" }).click();
    await signUp(owner, "Olivia Owner", ownerEmail);
    await owner.waitForURL(/\/new$/);
    await owner.getByLabel("Workspace name").fill("Lone Star Dealers");
    await owner.getByRole("button", { name: "Create workspace" }).click();
    await owner.waitForURL(/\/w\/lone-star-dealers/);
    slug = new URL(owner.url()).pathname.split("/")[2]!;
    await owner.getByRole("heading", { name: "Tables" }).waitFor();
    expect(await owner.getByRole("button", { name: "Switch workspace" }).textContent()).toContain("Lone Star Dealers");
  });

  it("invites a second person who signs up through the link and sees the workspace", async () => {
    await owner.getByRole("link", { name: "Members" }).click();
    await owner.getByRole("button", { name: "Create invite link" }).click();
    link = await owner.getByRole("textbox", { name: "invitation link" }).inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/invite/inv_`));
    await owner.screenshot({ path: `${SHOTS}/members.png` });

    guest = await newPage();
    await guest.goto(link);
    await guest.getByRole("heading", { name: "Lone Star Dealers" }).waitFor();
    await guest.getByRole("link", { name: "Create an account to join" }).click();
    await signUp(guest, "Gabe Guest", guestEmail);
    await guest.waitForURL(/\/invite\//);
    await guest.getByRole("button", { name: "Join Lone Star Dealers" }).click();
    await guest.waitForURL(new RegExp(`/w/${slug}$`));
    const switcher = (await guest.getByRole("button", { name: "Switch workspace" }).textContent()) ?? "";
    expect(switcher).toContain("Lone Star Dealers");
    expect(switcher.toLowerCase()).toContain("editor");
  });

  it("refuses the used link and records the join in the activity log", async () => {
    await guest.goto(link);
    await guest.getByText("This invitation link was already used.").waitFor();
    await owner.goto(`/w/${slug}/activity`);
    await owner.getByText("joined through an invitation").waitFor();
  });

  it("does not let a viewer change a setting", async () => {
    await owner.goto(`/w/${slug}/members`);
    await owner.getByLabel("Role of Gabe Guest").selectOption("viewer");
    await owner.getByText("Role updated.").waitFor();

    await guest.goto(`/w/${slug}/settings`);
    await guest.getByText("Only owners can change settings.").waitFor();
    expect(await guest.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    expect(await guest.getByRole("button", { name: "Save keys" }).isDisabled()).toBe(true);

    const attempt = await guest.evaluate(async (path) => {
      const res = await fetch(path, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Taken over" }),
      });
      return res.status;
    }, `/api/workspaces/${slug}`);
    expect(attempt).toBe(403);

    await owner.goto(`/w/${slug}/settings`);
    expect(await owner.getByLabel("Name", { exact: true }).inputValue()).toBe("Lone Star Dealers");
    await owner.screenshot({ path: `${SHOTS}/settings.png` });
  });

  it("creates an API token that works once, then revokes it after confirming", async () => {
    await owner.goto(`/w/${slug}/tokens`);
    await owner.getByLabel("Name").fill("Nightly import");
    await owner.getByRole("button", { name: "Create token" }).click();
    const token = await owner.getByRole("textbox", { name: "API token" }).inputValue();
    const ok = await fetch(`${baseURL}/api/workspaces/${slug}`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);

    await owner.getByRole("button", { name: "Revoke" }).click();
    await owner.getByRole("alertdialog").getByText("Scripts and clients using this token stop working").waitFor();
    await owner.getByRole("button", { name: "Revoke token" }).click();
    await owner.getByText("No tokens yet").waitFor();
    const refused = await fetch(`${baseURL}/api/workspaces/${slug}`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
  });

  it("explains a sign-in link that is not valid", async () => {
    const page = await newPage();
    await page.goto(
      "/api/auth/magic-link/verify?token=not-a-real-token&callbackURL=%2F&errorCallbackURL=%2Fsign-in%2Flink-error",
    );
    await page.waitForURL(/\/sign-in\/link-error/);
    await page.getByText("This sign-in link has expired or was already used.").waitFor();
    await page.getByRole("link", { name: "Go to sign in" }).waitFor();
  });
});
