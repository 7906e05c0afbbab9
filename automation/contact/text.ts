/**
 * Text normalisation for matching what a page says against what a field means: lower case,
 * accents folded (so "Teléfono" matches "telefono"), identifiers split into words
 * ("customerFirst_name" → "customer first name").
 */

/** Lower-cased words separated by single spaces, accents removed. */
export function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9@#*?&]+/g, " ")
    .trim();
}

/**
 * An attribute identifier as words: camelCase, snake_case, kebab-case and digits split apart.
 * @example identifierWords("customerFirst_name2") // "customer first name 2"
 */
export function identifierWords(id: string): string {
  return normalize(
    id
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Za-z])(\d)/g, "$1 $2")
      .replace(/(\d)([A-Za-z])/g, "$1 $2"),
  );
}

/** The digits of a string. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}
