/** What goes wrong with a messaging request, as the API answers it (400, 404), in words a person can act on. */

/** A request messaging cannot take: no such recipient field, a bad address, nothing to send. */
export class MessageInputError extends Error {}

/** The message, or its recipient, is not there. */
export class MessageMissingError extends Error {}
