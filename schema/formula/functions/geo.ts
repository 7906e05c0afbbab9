/**
 * DISTANCE_MILES: the great-circle distance between two points by the haversine formula, on a
 * sphere of the earth's mean radius. A blank coordinate gives a blank distance rather than one
 * measured from 0°, 0° in the Gulf of Guinea.
 */
import { formulaError, isFormulaError } from "../errors";
import { isBlank } from "../values";
import { eager, type FormulaFunction, numericArgs } from "./spec";

/** Mean radius of the earth in statute miles (IUGG mean radius, 6,371.0 km). */
export const EARTH_RADIUS_MILES = 3958.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Miles between two points given in decimal degrees. */
export function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

export const GEO_FUNCTIONS: FormulaFunction[] = [
  eager(
    "DISTANCE_MILES(lat1, lon1, lat2, lon2)",
    "Great-circle miles between two points in decimal degrees.",
    (args) => {
      if (args.some(isBlank)) return null;
      const nums = numericArgs(args);
      if (isFormulaError(nums)) return nums;
      const [lat1, lon1, lat2, lon2] = nums as [number, number, number, number];
      if ([lat1, lat2].some((lat) => Math.abs(lat) > 90))
        return formulaError("#VALUE!", "Latitude must be from -90 to 90");
      if ([lon1, lon2].some((lon) => Math.abs(lon) > 180))
        return formulaError("#VALUE!", "Longitude must be from -180 to 180");
      return haversineMiles(lat1, lon1, lat2, lon2);
    },
  ),
];
