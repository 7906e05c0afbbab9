/**
 * Rowpilot's command line for operators and scripts, against the local database:
 * `npm run --silent rowpilot -- <command> [options]`. `--help` lists the commands.
 */
import { parseArgs } from "node:util";
import { COMMANDS, type Command } from "./cli/commands";
import { CliError } from "./cli/workspace-owner";

function help(): string {
  const lines = ["Usage: npm run --silent rowpilot -- <command> [options]", "", "Commands:"];
  for (const [name, cmd] of Object.entries<Command>(COMMANDS)) {
    lines.push(`  ${cmd.usage}`, `      ${cmd.summary}`);
    if (cmd.positionals) lines.push(`      ${cmd.positionals}`);
    for (const [opt, spec] of Object.entries(cmd.options)) lines.push(`      --${opt.padEnd(12)} ${spec.description}`);
    if (!name) lines.push("");
  }
  lines.push(
    "",
    "Options:",
    "  --help      show this help",
    "",
    "Environment: PORT (default 8787) sets the origin of printed links.",
  );
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return 0;
  }
  const command: Command | undefined = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean" } },
      strict: true,
      allowPositionals: command.positionals !== undefined,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run --silent rowpilot -- ${command.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(`Usage: npm run --silent rowpilot -- ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    await command.run(values, positionals);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`rowpilot ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
