/**
 * The contract between the Worker and the app's loaders and actions: an in-process fetch to
 * the Worker's own `/api`, carrying the visitor's cookies, so pages obey exactly the same
 * permission checks as any API client.
 */
import { createContext } from "react-router";

export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;

export const apiContext = createContext<ApiFetch>();
