/**
 * Chain detection for business hunting: by brand (the OpenStreetMap name-suggestion-index,
 * BSD-3-Clause, © name-suggestion-index contributors), by the same name or website across
 * territories, and the combined verdict with the provider's own flag. Pure logic.
 */
export { type AcrossRow, chainsAcross, MIN_ROWS, MIN_TERRITORIES } from "./across";
export { type BrandData, brandListInfo, type ChainVerdict, chainByBrand, MIN_PREFIX_LETTERS } from "./brands";
export { type ChainFacts, detectChain } from "./detect";
