import { describe, expect, it } from "vitest";
import type { ProjectCounts, ProjectSummary } from "../../schema/projects";
import { categoryLabel, dashboardStats, formatDuration, formatEta, formatMiles, percent, savedText } from "./format";

const counts = (partial: Partial<ProjectCounts>): ProjectCounts => {
  const base = { pending: 0, queued: 0, running: 0, success: 0, failed: 0, manual_override: 0, ...partial };
  return { ...base, total: Object.values(base).reduce((a, b) => a + b, 0) };
};

const summary = (status: ProjectSummary["status"], c: ProjectCounts): ProjectSummary => ({
  id: status,
  name: status,
  status,
  createdAt: "2025-01-01T00:00:00Z",
  makes: ["Toyota"],
  radiusMiles: 150,
  locationLabel: "New York, NY",
  counts: c,
  successRate: null,
});

describe("project formatting — the dashboard's quick stats", () => {
  it("counts active projects and the share of dealerships that reached a final status", () => {
    const stats = dashboardStats([
      summary("active", counts({ success: 3, failed: 1, pending: 4 })),
      summary("draft", counts({ pending: 2 })),
      summary("completed", counts({ success: 1, manual_override: 1 })),
    ]);
    expect(stats).toEqual({ total: 3, active: 1, dealerships: 12, completionRate: 6 / 12 });
  });

  it("has no completion rate before any dealership exists", () => {
    expect(dashboardStats([]).completionRate).toBeNull();
    expect(percent(null)).toBe("—");
  });
});

describe("project formatting — numbers and times", () => {
  it("reads an ETA in words", () => {
    expect(formatEta(null)).toBe("estimating…");
    expect(formatEta(20)).toBe("under a minute");
    expect(formatEta(400)).toBe("about 7 min");
    expect(formatEta(2 * 3600 + 300)).toBe("about 2 h 5 min");
  });

  it("reads durations, distances, rates and categories", () => {
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatMiles(2.345)).toBe("2.3 mi");
    expect(formatMiles(142.6)).toBe("143 mi");
    expect(percent(0.666)).toBe("67%");
    expect(categoryLabel("no_contact_page")).toBe("No contact page");
    expect(categoryLabel(null)).toBe("Uncategorized");
  });
});

describe("project formatting — after an edit", () => {
  it("says what a saved edit found, only when the search changed", () => {
    expect(savedText(null)).toBe("Saved.");
    expect(savedText(0)).toBe("Saved. No new dealerships were added.");
    expect(savedText(1)).toBe("Saved. Found 1 new dealership.");
    expect(savedText(12)).toBe("Saved. Found 12 new dealerships.");
  });
});
