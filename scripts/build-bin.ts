// Bundles the `toolgate` bin into one JavaScript file (bin/toolgate.mjs) for `npm pack`: Node does not strip types
// under node_modules, and the bundle carries its dependencies, so the packed package installs with no registry at all.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { auditReportJsonSchema } from '../src/core/schemas/audit.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bin', 'toolgate.mjs');
await mkdir(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'src', 'cli', 'toolgate.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The system Node of many machines is 20; the bundle uses nothing newer.
  target: 'node20',
  define: { __TOOLGATE_BUNDLE__: 'true' },
  // CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __toolgateRequire } from 'node:module';\nconst require = __toolgateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
await writeFile(
  join(root, 'bin', 'audit-report-v1.schema.json'),
  JSON.stringify(auditReportJsonSchema(), null, 2) + '\n',
);
// stderr: `npm pack --json` prints its JSON on stdout.
process.stderr.write(`built ${outfile}\n`);
