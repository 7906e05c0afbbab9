/**
 * Email finding for business hunting: addresses read from web pages and review texts (with the
 * false positives page templates and scripts carry left out), the one to write to chosen by the
 * rule in `rank.ts`, and the edge fetcher that reads a business's own site for them.
 */
export { candidateFor, type EmailCandidate, type EmailKind, isRoleLocal } from "./address";
export { emailsInHtml, emailsInReviews, emailsInText, type PageEmail } from "./extract";
export { bareHost, bestEmail, emailTier } from "./rank";
export { findEmailRendered, MAX_RENDERED_PAGES, RENDER_TIMEOUT_MS, type RenderOptions } from "./rendered";
export {
  type FindEmailOptions,
  findEmailOnWebsite,
  MAX_EXTRA_PAGES,
  MAX_PAGE_BYTES,
  PAGE_TIMEOUT_MS,
  type WebsiteEmail,
} from "./website";
