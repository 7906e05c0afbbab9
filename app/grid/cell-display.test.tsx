import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../../schema/tables";
import { CellDisplay } from "./cell-display";

// The reader's zone: a datetime shows in it, a date alone never moves a day.
process.env.TZ = "America/Los_Angeles";

const column = (type: ColumnDef["type"]): ColumnDef => ({ id: "c1", name: "When", type, options: {} });
const shown = (html: string) => html.replace(/<[^>]+>/g, "");

describe("CellDisplay — dates", () => {
  it("shows a date and time in the reader's locale and zone, not as ISO text", () => {
    const html = renderToStaticMarkup(<CellDisplay column={column("datetime")} value="2026-12-06T04:34:59.123Z" />);
    expect(shown(html)).toBe("Dec 5, 2026, 8:34 PM");
    expect(html).toMatch(/datetime="2026-12-06T04:34:59.123Z"/i);
  });

  it("shows a date alone as that day in any zone", () => {
    expect(shown(renderToStaticMarkup(<CellDisplay column={column("date")} value="2026-12-06" />))).toBe("Dec 6, 2026");
  });

  it("shows text that is not a date as it is", () => {
    expect(shown(renderToStaticMarkup(<CellDisplay column={column("datetime")} value="next Tuesday" />))).toBe(
      "next Tuesday",
    );
  });
});
