import { describe, expect, it } from "vitest";
import { linksOf, matchesSearch } from "./format";

describe("the links an outbox email shows", () => {
  it("lists each link once, in order, with its entities undone", () => {
    const html =
      '<p><a href="https://app.example/t/c?u=1&amp;t=x">site</a> <a class="x" href=\'https://b.example/\'>b</a>' +
      '<a href="https://app.example/t/c?u=1&amp;t=x">again</a><a name="top">no link</a></p>';
    expect(linksOf(html)).toEqual(["https://app.example/t/c?u=1&t=x", "https://b.example/"]);
  });

  it("adds the bare addresses of the text, without the sentence's full stop", () => {
    const html = '<a href="https://a.example/">a</a>';
    expect(linksOf(html, "See https://a.example/ and https://b.example/s/rosa/.")).toEqual([
      "https://a.example/",
      "https://b.example/s/rosa/",
    ]);
  });

  it("finds none in a message without links", () => {
    expect(linksOf("<p>Hello</p>", "Hello")).toEqual([]);
  });
});

describe("searching recipients", () => {
  it("matches every word of the search anywhere in the name or the detail", () => {
    const rosa = { name: "Rosa's Taquería", detail: "Mexican restaurant · Austin" };
    expect(matchesSearch(rosa, "rosa")).toBe(true);
    expect(matchesSearch(rosa, "TAQUERÍA austin")).toBe(true);
    expect(matchesSearch(rosa, "rosa dallas")).toBe(false);
    expect(matchesSearch(rosa, "  ")).toBe(true);
  });
});
