// Serves the recorded Delx tools/list (../shared/fixtures/delx/tools.json) over streamable HTTP on 127.0.0.1 until
// stopped.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRecording, startReplayServer } from '../src/scanner/replay-server.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, file: { type: 'string' }, shared: { type: 'string' } },
});
const shared = resolve(values.shared ?? process.env.TOOLGATE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'));
const file = resolve(values.file ?? resolve(shared, 'fixtures', 'delx', 'tools.json'));
const server = await startReplayServer(await loadRecording(file), { port: Number(values.port) });
process.stdout.write(`Delx replay of ${file}\nstreamable HTTP: ${server.url}\nSSE: ${server.sseUrl}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
