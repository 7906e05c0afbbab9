/** Calling providers' HTTP APIs: one helper every provider family (discovery, messaging) shares. */
export {
  callProvider,
  excerpt,
  type HttpOptions,
  joinUrl,
  type ProviderAnswer,
  type ProviderCall,
  ProviderUnreachable,
  parseRetryAfter,
  sleep,
} from "./provider-call";
