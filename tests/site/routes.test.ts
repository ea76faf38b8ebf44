// routes.ts is the one place that builds site paths: its shapes, the sitemap it feeds, and no hand-built links
// elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexablePaths, listingPage, routes, LISTING_PAGE_SIZE } from '../../src/site/routes.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('routes', () => {
  it('builds encoded, slash-terminated page paths', () => {
    expect(routes.server('delx')).toBe('/servers/delx/');
    expect(routes.tool('delx', 'close_session')).toBe('/servers/delx/close_session/');
    expect(routes.servers(3)).toBe('/servers/page.3/');
    expect(routes.category('write', 2)).toBe('/categories/write/2/');
    expect(routes.attackKind('incident')).toBe('/attacks/kind/incident/');
    expect(routes.tool('a', 'x y')).toBe('/servers/a/x%20y/');
    expect(listingPage('/risk/high/', 1)).toBe('/risk/high/');
  });

  it('lists every page of every paginated listing, servers and tools, and attack filter pages', () => {
    const counts = {
      byCategory: { read: LISTING_PAGE_SIZE + 1, write: 0, destructive: 1 },
      byRisk: { low: 1, medium: 0, high: 0, critical: 0 },
      byCapability: {} as never,
    };
    const paths = indexablePaths({
      servers: [{ id: 's', tools: [{ slug: 't' }] }],
      counts,
      categories: ['read', 'write', 'destructive'],
      risks: ['low'],
      capabilities: [],
      attackSlugs: ['p'],
      attackKinds: ['incident'],
      attackYears: ['2025'],
      coverage: [{ code: 'NEEDS_CREDENTIALS', total: 201 }],
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        '/categories/read/',
        '/categories/read/2/',
        '/categories/write/',
        '/servers/s/',
        '/servers/s/t/',
        '/attacks/p/',
        '/attacks/kind/incident/',
        '/attacks/year/2025/',
        '/coverage/',
        '/coverage/needs-credentials/',
        '/coverage/needs-credentials/2/',
      ]),
    );
    expect(paths).not.toContain('/categories/read/3/');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('is the only source file that spells out a site path', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith(join('site', 'routes.ts'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/^\s*(\/\/|\*|\/\*\*).*$/, '');
          if (
            /(["'`])\/(servers|categories|risk|capabilities|attacks|search|api|changes|coverage|how-verdicts-are-made)([/?#"'`]|$)/.test(
              code,
            ) ||
            /href="\/[^/"]*(?<!\.(svg|css|js))"/.test(code)
          ) {
            offenders.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(offenders).toEqual([]);
  });
});
