/** Tracking: signed tokens, tracked links and the open pixel, machine opens. */
export { classifyOpen, hashIp, type OpenVerdict, type UserAgentClass, userAgentClass } from "./machine-opens";
export { bodyEndIndex, htmlFromText, type TrackingLinks, trackEmail, trackHtml, trackText } from "./rewrite";
export { signToken, type TokenCheck, type TrackingPayload, trackingKey, verifyToken } from "./tokens";
