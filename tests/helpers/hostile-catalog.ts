// Produces the hostile catalogue: the hostile-strings fixture server, started for real over stdio and listed, saved as content/servers/hostile.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { canonicalJson, toolHash } from '../../src/core/hash.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { ROOT } from './site-build.ts';

/** The id the hostile server is catalogued under. */
export const HOSTILE_ID = 'hostile';
export const HOSTILE_SERVER = join(ROOT, 'tests/fixtures/servers/hostile-strings.ts');

// The SDK's ListToolsResultSchema rejects some of the fixture's tools (that is the point), so read the raw list.
const RawToolsSchema = z.object({ tools: z.array(z.record(z.string(), z.unknown())) }).passthrough();

/**
 * Start the fixture, list its tools and write `<contentDir>/servers/hostile.json`.
 * Interim stand-in for `npm run scan -- --stdio … --id hostile --out <contentDir>` until the scanner CLI lands.
 */
export async function writeHostileContent(contentDir: string): Promise<string> {
  const client = new Client({ name: 'toolgate-site-qa', version: '0.1.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [HOSTILE_SERVER], stderr: 'pipe' });
  try {
    await client.connect(transport);
    const listed = await client.request({ method: 'tools/list', params: {} }, RawToolsSchema);
    const info = client.getServerVersion();
    const tools = listed.tools.map((raw) => {
      const tool = raw as { name: string; title?: string; description?: string; inputSchema?: unknown; outputSchema?: unknown; annotations?: Record<string, unknown> };
      return { ...tool, hash: toolHash(tool) };
    });
    const snapshot = SnapshotSchema.parse({
      schemaVersion: 1,
      id: HOSTILE_ID,
      name: info?.name ?? HOSTILE_ID,
      source: { kind: 'command', command: 'node', args: ['tests/fixtures/servers/hostile-strings.ts'], envNames: [] },
      transport: 'stdio',
      provenance: 'Browser-test fixture: tests/fixtures/servers/hostile-strings.ts listed over stdio.',
      scannedAt: '2026-01-01T00:00:00.000Z',
      serverInfo: info ?? { name: HOSTILE_ID, version: '0' },
      // The fixture is the same SDK, so it accepts the client's latest version.
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: client.getServerCapabilities() ?? {},
      instructions: client.getInstructions(),
      counts: { tools: tools.length },
      tools,
      findings: [],
    });
    await mkdir(join(contentDir, 'servers'), { recursive: true });
    const file = join(contentDir, 'servers', `${HOSTILE_ID}.json`);
    await writeFile(file, `${canonicalJson(snapshot, 2)}\n`);
    return file;
  } finally {
    await client.close();
  }
}
