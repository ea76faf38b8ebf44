// --html DIR: the full site (Astro + Pagefind) built from the audit's own snapshots of one fixture server; run once,
// niced.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, tempDir } from '../scanner/helpers.ts';
import { auditReportJsonSchema } from '../../src/core/schemas/audit.ts';
import { repoRoot, runAudit } from './helpers.ts';

describe('audit --html', () => {
  it("builds the site from this machine's snapshots only", async () => {
    const home = await tempDir('toolgate-audit-html-');
    await mkdir(join(home, '.codex'), { recursive: true });
    await writeFile(
      join(home, '.codex', 'config.toml'),
      `[mcp_servers.my-notes]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(join(fixturesDir, 'normal.ts'))}]\n`,
    );
    const site = join(home, 'site');
    const result = await runAudit(['--client', 'codex', '--no-lock', '--html', site], { home, cwd: home, nice: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Built the HTML report in ${site}.`);
    const page = await readFile(join(site, 'servers', 'my-notes', 'index.html'), 'utf8');
    expect(page).toContain('delete_note');
    // Only this audit's server: none of the public catalogue's.
    expect(existsSync(join(site, 'servers', 'azure-devops-mcp'))).toBe(false);
    expect(existsSync(join(repoRoot, 'content', 'servers', 'azure-devops-mcp.json'))).toBe(true);
    expect(existsSync(join(site, 'pagefind'))).toBe(true);
    // The audit report's JSON Schema is published with the site.
    const published = JSON.parse(await readFile(join(site, 'schemas', 'audit-report-v1.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(auditReportJsonSchema())));
  }, 600_000);
});
