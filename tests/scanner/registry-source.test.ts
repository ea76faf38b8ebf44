// The MCP Registry as a source: recorded pages (the documented /v0.1/servers shape) served on 127.0.0.1, paged by
// cursor, active latest entries kept, npm/PyPI stdio packages and remotes turned into targets, remotes scanned for
// real.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { candidatesFromListing, fetchRegistry, loadRegistry } from '../../src/scanner/sources/mcp-registry.ts';
import { registryPages } from '../fixtures/discover/registry-pages.ts';
import { startHttpFixture } from '../fixtures/servers/http.ts';
import { startSseFixture } from '../fixtures/servers/sse.ts';
import { readJson, runCli, tempDir } from './helpers.ts';

let http: { url: string; close(): Promise<void> };
let sse: { url: string; close(): Promise<void> };
let registry: { url: string; requests: string[]; close(): Promise<void> };

async function serveRegistry(
  pages: Map<string, unknown>,
  raw?: string,
): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (raw !== undefined) return void res.writeHead(200, { 'content-type': 'application/json' }).end(raw);
    const page = pages.get(url.searchParams.get('cursor') ?? '');
    if (url.pathname !== '/v0.1/servers' || url.searchParams.get('version') !== 'latest' || !page)
      return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

beforeAll(async () => {
  http = await startHttpFixture();
  sse = await startSseFixture();
  registry = await serveRegistry(registryPages(http.url, sse.url));
});
afterAll(async () => {
  await Promise.all([http.close(), sse.close(), registry.close()]);
});

describe('MCP Registry source', () => {
  it('pages with version=latest and the returned cursor, keeps active latest servers, and records publishedAt/updatedAt', async () => {
    registry.requests.length = 0;
    const listings = await fetchRegistry(registry.url);
    expect(registry.requests).toEqual([
      '/v0.1/servers?version=latest&limit=100',
      '/v0.1/servers?version=latest&limit=100&cursor=io.github.example%2Fremote-only%3A2.0.0',
    ]);
    expect(listings.map((listing) => [listing.server.name, listing.publishedAt, listing.updatedAt])).toEqual([
      ['io.github.example/registry-server', '2025-06-01T10:00:00Z', '2025-06-02T11:00:00Z'],
      ['io.github.example/remote-only', '2025-07-01T10:00:00Z', '2025-07-05T09:30:00Z'],
      ['io.github.example/legacy-sse', '2025-08-01T00:00:00Z', '2025-08-01T00:00:00Z'],
      ['io.github.example/python-tool', '2025-09-01T00:00:00Z', '2025-09-03T00:00:00Z'],
    ]);
    // Discovery candidates: npm and PyPI stdio packages only; secrets and templated values are not filled in.
    expect(listings.flatMap(candidatesFromListing).map((c) => [c.registry, c.package, c.version, c.declared])).toEqual([
      [
        'npm',
        'fixture-registry-server',
        '1.0.0',
        { args: [], envNames: ['REGISTRY_MODE', 'REGISTRY_API_KEY'], env: { REGISTRY_MODE: 'read-only' } },
      ],
      ['pypi', 'fixture-py-module', '1.0.0', { args: [], envNames: [], env: {} }],
    ]);
  });

  it('turns packages and remotes into scan targets, and scans the remotes with the registry dates in the provenance', async () => {
    const targets = await loadRegistry(registry.url);
    expect(targets.map((target) => [target.id, target.source.kind])).toEqual([
      ['io-github-example-registry-server', 'npm'],
      ['io-github-example-remote-only', 'remote'],
      ['io-github-example-legacy-sse', 'remote'],
      ['io-github-example-python-tool', 'pypi'],
    ]);
    const dir = await tempDir();
    const out = join(dir, 'content');
    const result = await runCli([
      '--registry',
      registry.url,
      '--only',
      'io-github-example-remote-only,io-github-example-legacy-sse',
      '--out',
      out,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const remote = SnapshotSchema.parse(await readJson(join(out, 'servers', 'io-github-example-remote-only.json')));
    expect(remote.transport).toBe('streamable-http');
    expect(remote.provenance).toBe(
      'Listed in the MCP Registry as io.github.example/remote-only 2.0.0 (published 2025-07-01T10:00:00Z, updated 2025-07-05T09:30:00Z).',
    );
    expect(
      SnapshotSchema.parse(await readJson(join(out, 'servers', 'io-github-example-legacy-sse.json'))).transport,
    ).toBe('sse');
  });

  it('says clearly when the URL is not a registry', async () => {
    const broken = await serveRegistry(new Map(), '<html>not json</html>');
    try {
      const result = await runCli(['--registry', broken.url]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/MCP Registry page .* is not JSON/);
    } finally {
      await broken.close();
    }
  });
});
