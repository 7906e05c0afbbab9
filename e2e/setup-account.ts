/** Runs before each browser/socket test file: the shared account from the global setup. */
import { inject } from "vitest";
import { Api } from "./api";

Api.register(inject("baseUrl"), inject("account"));
