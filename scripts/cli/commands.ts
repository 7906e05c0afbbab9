/** The operator commands of `npm run --silent rowpilot -- <command>`. */
import { GrantableRole } from "../../schema/roles";
import { ensureLocalEnv, portFromEnv } from "../local-env";
import { autopilotCommand } from "./autopilot";
import { contactCommand } from "./contact";
import { formulaCommand } from "./formula";
import { CliError, findWorkspace, firstOwner } from "./workspace-owner";

export type Command = {
  usage: string;
  summary: string;
  options: Record<string, { type: "string" | "boolean"; multiple?: boolean; description: string }>;
  /** Positional arguments, described for the help (`formula '<expression>'`); others refuse them. */
  positionals?: string;
  run: (values: Record<string, string | boolean | string[] | undefined>, positionals: string[]) => Promise<void>;
};

function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || !value) throw new CliError(`--${name} is required`);
  return value;
}

/**
 * The local database, loaded only by the commands that use it: it brings in wrangler's platform
 * proxy, about 6 s of module loading that `--help`, `formula` and `contact` do not need.
 */
const localDb = () => import("../local-db");

export const COMMANDS: Record<string, Command> = {
  token: {
    usage: "token --workspace <slug> [--role editor|viewer] [--name <label>]",
    summary: "Print a new API token for a workspace in the local database.",
    options: {
      workspace: { type: "string", description: "workspace slug" },
      role: { type: "string", description: "editor (default) or viewer" },
      name: { type: "string", description: 'label shown on the tokens page (default "CLI token")' },
    },
    async run(values) {
      const slug = requireString(values, "workspace");
      const role = GrantableRole.safeParse(values.role ?? "editor");
      if (!role.success) throw new CliError(`--role must be editor or viewer, got "${values.role}"`);
      ensureLocalEnv(portFromEnv());
      const { openLocal } = await localDb();
      const { issueApiToken } = await import("../../worker/api/tokens");
      const local = await openLocal();
      try {
        const ws = await findWorkspace(local.db, slug);
        const name = typeof values.name === "string" ? values.name : "CLI token";
        const { token } = await issueApiToken(local.db, { workspaceId: ws.id, name, role: role.data, createdBy: null });
        console.log(token);
      } finally {
        await local.dispose();
      }
    },
  },
  "login-link": {
    usage: "login-link --workspace <slug>",
    summary: "Print a one-time sign-in URL for the workspace's owner (valid 15 minutes).",
    options: { workspace: { type: "string", description: "workspace slug" } },
    async run(values) {
      const slug = requireString(values, "workspace");
      const port = portFromEnv();
      ensureLocalEnv(port);
      const { openLocal, signInLink } = await localDb();
      const local = await openLocal();
      try {
        const ws = await findWorkspace(local.db, slug);
        const owner = await firstOwner(local.db, ws.id);
        console.log(await signInLink(local, `http://localhost:${port}`, owner.email, `/w/${ws.slug}`));
      } finally {
        await local.dispose();
      }
    },
  },
  autopilot: autopilotCommand,
  contact: contactCommand,
  formula: formulaCommand,
};
