/**
 * A stand-in for Outscraper's Google Maps API on 127.0.0.1, as its documentation describes it
 * (`GET /maps/search-v3?query=…&limit=…&skip=…` with `X-API-KEY`, answering `{ id, status:
 * "Success", data: [[place…]] }`; `GET /maps/reviews-v3?query=<place id>…` with `reviews_data`):
 * `count` fictional plumbers scattered around a point, each search answered with the places
 * nearest its "near lat,lng", paged by `skip`, so a full answer splits a territory into tiles as
 * real Maps searches do. A key of "refused-key" gets 401. Every fifth place without an email has
 * one in an owner's answer to a review, lightly hidden (`owner2 [at] plumbing-2.example`).
 * A key of "down-key" gets a 500 on every route, as a provider down for a while does;
 * `GET /profile/balance` answers the account's balance (the health check's call).
 */
import { greatCircleMiles, offsetMiles } from "../../../discovery/geo";
import { type FakeServer, fakeServer } from "../../../discovery/sources/test-server";

export const REFUSED_KEY = "refused-key";
export const DOWN_KEY = "down-key";

export type FakePlace = Record<string, unknown> & { place_id: string; latitude: number; longitude: number };

/** `count` places within `radiusMiles` of `center`, the same every time. */
export function fakePlaces(count: number, center: { lat: number; lng: number }, radiusMiles: number): FakePlace[] {
  return Array.from({ length: count }, (_, i) => {
    // A golden-angle spiral spreads them evenly over the disc.
    const distance = radiusMiles * Math.sqrt((i + 0.5) / count);
    const angle = i * 2.399963;
    const spot = offsetMiles(center, distance * Math.cos(angle), distance * Math.sin(angle));
    const hasSite = i % 3 !== 0;
    return {
      name: `Stand-in Plumbing ${i + 1}`,
      type: "Plumber",
      full_address: `${100 + i} Test St, Springfield, IL 62701`,
      street: `${100 + i} Test St`,
      city: "Springfield",
      state: "Illinois",
      us_state: "IL",
      postal_code: "62701",
      phone: `+1 217-555-${String(1000 + i).slice(-4)}`,
      site: hasSite ? `https://plumbing-${i + 1}.example/` : "",
      latitude: Math.round(spot.lat * 1e6) / 1e6,
      longitude: Math.round(spot.lng * 1e6) / 1e6,
      rating: 3.9 + (i % 12) / 10,
      reviews: (i * 37) % 300,
      place_id: `ChIJ-standin-${i + 1}`,
      location_link: `https://www.google.com/maps/place/?q=place_id:ChIJ-standin-${i + 1}`,
      business_status: "OPERATIONAL",
      email_1: i % 2 === 0 ? `office@plumbing-${i + 1}.example` : null,
      ai_chain_info: { chain: i % 25 === 0 },
    };
  });
}

const NEAR = /near (-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/;

export function fakeOutscraperMaps(places: FakePlace[]): Promise<FakeServer> {
  return fakeServer((request) => {
    if (request.headers["x-api-key"] === REFUSED_KEY) return { status: 401, json: { errorMessage: "Invalid API key" } };
    if (request.headers["x-api-key"] === DOWN_KEY)
      return { status: 500, json: { errorMessage: "Internal Server Error" } };
    const params = request.url.searchParams;
    if (request.path === "/maps/search-v3") {
      const near = NEAR.exec(params.get("query") ?? "");
      const point = near ? { lat: Number(near[1]), lng: Number(near[2]) } : { lat: 0, lng: 0 };
      const skip = Number(params.get("skip") ?? 0);
      const limit = Number(params.get("limit") ?? 20);
      const nearest = places
        .map((p) => ({ p, d: greatCircleMiles(point, { lat: p.latitude, lng: p.longitude }) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 120)
        .map((x) => x.p);
      return { json: { id: "search", status: "Success", data: [nearest.slice(skip, skip + limit)] } };
    }
    if (request.path === "/profile/balance") return { json: { balance: 100, currency: "USD" } };
    if (request.path === "/maps/reviews-v3") {
      const data = params.getAll("query").map((placeId) => {
        const index = Number(placeId.split("-").pop()) - 1;
        const place = places[index];
        const host = place?.site ? new URL(String(place.site)).hostname : "gmail.com";
        const answer = index % 5 === 1 ? `Thanks! Email us any time at owner${index + 1} [at] ${host}` : "";
        return { place_id: placeId, reviews_data: [{ review_text: "Fixed our sink fast.", owner_answer: answer }] };
      });
      return { json: { id: "reviews", status: "Success", data } };
    }
    return { status: 404, json: { errorMessage: "Not found" } };
  });
}
