/** Reads a page back the way the tests look at it: every element with its attributes and text. */
import { DomUtils, parseDocument } from "htmlparser2";

export type Found = { name: string; attribs: Record<string, string>; text: string };

export function elementsOf(html: string): Found[] {
  const doc = parseDocument(html);
  return DomUtils.findAll(() => true, doc.children).map((el) => ({
    name: el.name,
    attribs: el.attribs,
    text: DomUtils.textContent(el),
  }));
}

/** What an injection would leave behind: scripts, inline handlers, and links that run code. */
export function executableParts(html: string, ourScripts: string[] = []) {
  const elements = elementsOf(html);
  return {
    scripts: elements
      .filter((el) => el.name === "script")
      .filter((el) => el.attribs.type !== "application/ld+json" && !ourScripts.includes(el.text)),
    handlers: elements.flatMap((el) => Object.keys(el.attribs).filter((key) => key.toLowerCase().startsWith("on"))),
    codeUrls: elements.flatMap((el) =>
      ["href", "src", "action", "formaction", "cite"]
        .map((key) => el.attribs[key] ?? "")
        .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url) && el.name !== "img"),
    ),
    embeds: elements.filter((el) => ["iframe", "object", "embed", "base", "form"].includes(el.name)),
  };
}
