/** What goes wrong with a hunting request, as the API answers it (404, 400, 409), in words a person can act on. */

export class HuntingMissingError extends Error {}

/** A request hunting cannot take: bad input, a missing key, a territory with no place. */
export class HuntingInputError extends Error {}

/** Only an owner may do this. */
export class HuntingForbiddenError extends Error {}

/** The territory is being scraped already. */
export class HuntingBusyError extends Error {}

/** The territory rests until `cooldownUntil` (ISO time); an owner may force a scrape. */
export class CooldownError extends Error {
  constructor(readonly cooldownUntil: string) {
    super(`This territory is in cooldown until ${cooldownUntil}; an owner can scrape it again now with force`);
  }
}
