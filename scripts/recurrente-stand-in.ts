/**
 * `npm run stand-in:recurrente`: the fake Recurrente (the one the tests use) on 127.0.0.1 for
 * people trying payments locally without an account: paste its keys into Settings → Payments,
 * start Rowpilot with `RECURRENTE_URL` pointing at it, and pay claims on its hosted checkout with
 * the test card 4242 4242 4242 4242 (4000 0000 0000 0002 is declined). Stops on Ctrl+C.
 */
import {
  DECLINED_CARD,
  type FakeRecurrente,
  SUCCESS_CARD,
  startFakeRecurrente,
} from "../automation/payments/recurrente/test/fake-recurrente";
import { isMain } from "./main";

/** The port people are told about in docs/payments.md; `PORT` changes it. */
export const DEFAULT_PORT = 4010;

/** Starts the stand-in on `port` and says how to use it. */
export async function startStandIn(port: number, log: (line: string) => void = console.log): Promise<FakeRecurrente> {
  const fake = await startFakeRecurrente({ port, accountName: "Rowpilot stand-in" });
  log(`Recurrente stand-in at ${fake.url}`);
  log("Paste these into Settings → Payments:");
  log(`  Public key (X-PUBLIC-KEY):  ${fake.keys.publicKey}`);
  log(`  Secret key (X-SECRET-KEY):  ${fake.keys.secretKey}`);
  log("Then start Rowpilot with:");
  log(`  RECURRENTE_URL=${fake.url} npm start`);
  log(`Test cards: ${SUCCESS_CARD} pays, ${DECLINED_CARD} is declined. Ctrl+C stops.`);
  return fake;
}

/** `PORT` from the environment, or the default; a clear error for anything else. */
export function portFrom(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be 1–65535, not "${value}"`);
  return port;
}

if (isMain(import.meta.url)) {
  const fake = await startStandIn(portFrom(process.env.PORT));
  const stop = () => {
    console.log("Stopping the Recurrente stand-in");
    void fake.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
