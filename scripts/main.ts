/** Whether the module at `metaUrl` is the script node was started with. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return Boolean(entry) && realpathSync(fileURLToPath(metaUrl)) === realpathSync(entry!);
}
