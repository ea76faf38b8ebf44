// Caps that keep a hostile server from exhausting memory or looping forever, checked against real fixture servers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanServer } from '../../src/scanner/scan-server.ts';
import { childEnv } from '../../src/scanner/targets.ts';
import { fixturesDir } from './helpers.ts';

const launch = (name: string) => ({
  kind: 'stdio' as const,
  command: process.execPath,
  args: [join(fixturesDir, `${name}.ts`)],
  env: childEnv({}),
});

describe('scan limits', () => {
  it('fails a server over the tool cap with TOO_MANY_TOOLS, and stops at the page cap with a finding', async () => {
    const capped = await scanServer(launch('many-tools-2500'), { maxTools: 250 });
    expect(capped.ok).toBe(false);
    if (!capped.ok) expect(capped.error.code).toBe('TOO_MANY_TOOLS');
    const paged = await scanServer(launch('many-tools-2500'), { maxPages: 3 });
    expect(paged.ok).toBe(true);
    if (paged.ok) {
      expect(paged.data.tools).toHaveLength(300);
      expect(paged.data.findings.map((finding) => finding.code)).toContain('TOOLS_PAGE_CAP_REACHED');
    }
  });

  it('fails with OVERSIZE when a server sends more bytes than allowed', async () => {
    const outcome = await scanServer(launch('many-tools-2500'), { maxBytes: 50_000 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('OVERSIZE');
  });
});
