// The wrong verdicts named in issue 11, on copies of their catalogue snapshots, with annotations hidden as a new user's
// server would be: each now gets a verdict an expert would accept. No rule names these servers or tools; they are fixed
// by general rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_INFO, classify, RISK_RULES, type ClassifiableTool } from '../../src/core/classify/index.ts';

// Frozen copies of the snapshots' tools, so a rescan of the catalogue does not change what these tests test.
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'classify', 'issue-11-examples.json'), 'utf8'),
) as {
  servers: Record<string, { tools: ClassifiableTool[] }>;
};
function tool(server: string, name: string): ClassifiableTool {
  const t = fixture.servers[server]?.tools.find((x) => x.name === name);
  if (t === undefined) throw new Error(`${server}/${name} is not in tests/fixtures/classify/issue-11-examples.json`);
  return t;
}
const blind = (server: string, name: string) => classify(tool(server, name), { ignoreAnnotations: true });
const riskRule = (v: ReturnType<typeof classify>) => v.evidence.find((e) => e.code === 'RISK')!.matched[0];

describe('issue 11 named examples', () => {
  it('lark bitable_v1_appTableRecord_update is a write (a "[Lark]-Docs-" breadcrumb is not a verb)', () => {
    expect(blind('larksuiteoapi-lark-mcp', 'bitable_v1_appTableRecord_update').category).toBe('write');
  });

  it('lark docx_builtin_import is a write', () => {
    const v = blind('larksuiteoapi-lark-mcp', 'docx_builtin_import');
    expect(v.category).toBe('write');
    expect(v.risk).not.toBe('low');
  });

  it('server-postgres query (arbitrary SQL said to be read-only) is a read, but not "safe to allow by default"', () => {
    const v = blind('modelcontextprotocol-server-postgres', 'query');
    expect(v.category).toBe('read');
    expect(v.risk).toBe('medium');
    expect(riskRule(v)).toBe('QUERY_READ_ONLY_EXPLICIT');
  });

  it("Azure postgres_database_query (SELECT operations) is a read with the weaker guard's higher risk", () => {
    const v = blind('azure-mcp-mode-all', 'postgres_database_query');
    expect(v.category).toBe('read');
    expect(v.risk).toBe('high');
    expect(riskRule(v)).toBe('QUERY_READ_ONLY_IMPLIED');
    expect(v.capabilities).not.toContain('code-execution');
  });

  it('chrome-devtools navigate_page is navigation, not destruction; its init script runs in the page', () => {
    const v = blind('chrome-devtools-mcp', 'navigate_page');
    expect(v.category).toBe('write');
    expect(v.capabilities).toContain('browser');
    expect(v.capabilities).not.toContain('code-execution');
    expect(riskRule(v)).toBe('PAGE_SCRIPT');
    const rule = RISK_RULES.find((r) => r.id === riskRule(v))!;
    expect(`${rule.when} ${CATEGORY_INFO[v.category].description}`).not.toMatch(/\bdeletes\b/i);
  });

  it('cyanheads git_add is a write: its force flag adds ignored files, it destroys nothing', () => {
    const v = blind('cyanheads-git-mcp-server', 'git_add');
    expect(v).toMatchObject({ category: 'write', risk: 'medium' });
  });

  it('cloudflare do_create_namespace is a write: its script parameter names a Worker, it is not code to run', () => {
    const v = blind('cloudflare-mcp-server-cloudflare', 'do_create_namespace');
    expect(v.category).toBe('write');
    expect(v.capabilities).not.toContain('code-execution');
  });

  it('kubernetes pods_run runs any container image: a write by what it does, critical by what it runs', () => {
    const v = blind('kubernetes-mcp-server', 'pods_run');
    expect(v).toMatchObject({ category: 'write', risk: 'critical' });
    expect(v.capabilities).toEqual(expect.arrayContaining(['code-execution', 'infrastructure']));
    expect(riskRule(v)).toBe('RUNS_IMAGE');
  });

  it('kubernetes pods_list is not a browser tool (a field selector is not a CSS selector)', () => {
    const v = blind('kubernetes-mcp-server', 'pods_list');
    expect(v.category).toBe('read');
    expect(v.capabilities).toEqual(['infrastructure']);
  });

  it('HubSpot associations are not messaging ("toObjectType" is not a recipient)', () => {
    for (const name of [
      'hubspot-list-associations',
      'hubspot-batch-create-associations',
      'hubspot-get-association-definitions',
    ]) {
      expect(blind('hubspot-mcp-server', name).capabilities).not.toContain('messaging');
    }
  });

  it('Pinecone list-indexes is not tool poisoning ("use this before calling other tools" is advice, not an instruction)', () => {
    const v = classify(tool('pinecone-database-mcp', 'list-indexes'));
    expect(v.findings.map((f) => f.code).filter((c) => c.startsWith('POISON_'))).toEqual([]);
  });

  it('"infrastructure" needs a cloud or host for project / site / server', () => {
    expect(blind('supabase-mcp-server-supabase', 'list_projects').capabilities).not.toContain('infrastructure');
    expect(blind('smartbear-mcp', 'zephyr_get_project').capabilities).not.toContain('infrastructure');
    expect(
      classify({ name: 'list_sites', description: 'Lists the sites deployed to your hosting account.' }).capabilities,
    ).toContain('infrastructure');
  });
});
