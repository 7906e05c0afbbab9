/**
 * WCAG 2.x contrast between two sRGB colors, for palettes a model proposes: the formula of
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio (relative luminance, (L1 + 0.05) / (L2 + 0.05)).
 */

/** Normal-size text needs 4.5:1 at level AA (WCAG 2.2, success criterion 1.4.3). */
export const WCAG_AA_TEXT = 4.5;

/** `#rgb` or `#rrggbb`, the forms the design brief asks for. */
export const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** The color's sRGB channels in 0–255, or null when it is not `#rgb`/`#rrggbb`. */
export function parseHex(color: string): [number, number, number] | null {
  if (!HEX_COLOR.test(color)) return null;
  const hex = color.length === 4 ? [...color.slice(1)].map((c) => c + c).join("") : color.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of an sRGB color, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * Contrast ratio of two hex colors, 1 to 21; null when either is not a hex color.
 * @example contrastRatio("#000000", "#ffffff") // 21
 */
export function contrastRatio(foreground: string, background: string): number | null {
  const fg = parseHex(foreground);
  const bg = parseHex(background);
  if (!fg || !bg) return null;
  const [light, dark] = [relativeLuminance(fg), relativeLuminance(bg)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
