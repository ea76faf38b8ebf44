// The `toolgate` bin (package.json "bin"): `toolgate audit …`. Bundled into one file by scripts/build-bin.ts for `npm
// pack`.
import { main as audit, VERSION } from './audit.ts';

const HELP = `Usage: toolgate <command> [options]

Commands:
  audit     find this machine's MCP client configs, scan every server sandboxed, classify every tool, report and pin
            (toolgate audit --help)

Options:
  --version  print the version
  --help     this text`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'audit') return audit(rest);
  if (command === '--version' || command === '-v') {
    process.stdout.write(`toolgate ${VERSION}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  process.stderr.write(`toolgate: unknown command "${command}"; the commands are: audit. Run "toolgate --help".\n`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`toolgate: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
