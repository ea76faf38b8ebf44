// The html`` tag that assembles tool pages: every interpolated value escaped by the one escaper, markup passed through,
// and a hostile tool's page body carrying none of its markup as markup.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/site/catalog.ts';
import { html, raw } from '../../src/site/html.ts';
import { toolPageBody } from '../../src/site/tool-page-html.ts';
import { toolPagePolicy } from '../../src/site/policies.ts';
import { toolPageModel } from '../../src/site/tool-page.ts';
import { escapeMarkup } from '../../src/site/text.ts';
import { friendlySnapshot, hostileSnapshot } from './fixtures/hostile-snapshot.ts';

describe('html``', () => {
  it('escapes text in content and in quoted attributes, and passes Html through', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const out = html`<a href="${hostile}">${hostile}</a>${html`<b>${'<i>'}</b>`}${raw('<br>')}`.value;
    expect(out).toBe(`<a href="${escapeMarkup(hostile)}">${escapeMarkup(hostile)}</a><b>&lt;i&gt;</b><br>`);
    expect(out).not.toContain('<script>');
  });

  it('prints lists item by item, numbers as text, and nothing for false, null and undefined', () => {
    expect(html`${['<', html`<i></i>`, 3]}|${false}|${null}|${undefined}|${0}|${''}`.value).toBe('&lt;<i></i>3||||0|');
  });
});

describe('toolPageBody', () => {
  const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);

  it('shows every hostile tool name and description as text, never as markup', () => {
    for (const t of catalog.tools.filter((x) => x.serverId === 'hostile')) {
      const server = catalog.serverById.get(t.serverId)!;
      const body = toolPageBody(t, server, toolPageModel(t, server, toolPagePolicy(t)), []).value;
      expect(body, t.name).not.toMatch(/<script|<img|<b>|<Component|<!--/i);
      expect(body, t.name).toContain(`<code>${escapeMarkup(t.displayName)}</code>`);
    }
  });
});
