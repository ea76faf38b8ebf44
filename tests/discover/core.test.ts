// The pure parts of discovery: candidate lists, shards, ids, Python choice, learning from errors, and verdicts.
import { describe, expect, it } from 'vitest';
import {
  assignIds,
  candidateKey,
  parseCandidateList,
  parseShard,
  shardOf,
  tryOrder,
} from '../../src/core/discover/candidates.ts';
import type { Candidate } from '../../src/core/discover/candidates.ts';
import {
  argsFromUsage,
  dependencyBound,
  envNamesIn,
  envNamesInReadme,
  fakeEnvValue,
  filesFromErrors,
} from '../../src/core/discover/learn.ts';
import { allows, pickPython, pythonConstraint } from '../../src/core/discover/python.ts';
import { keyLine, verdictFor } from '../../src/core/discover/verdict.ts';

const npm = (name: string): Candidate => ({ registry: 'npm', package: name, version: '1.0.0', origin: 'npm.tsv' });
const pypi = (name: string): Candidate => ({ registry: 'pypi', package: name, version: '1.0', origin: 'pypi.tsv' });

describe('candidates', () => {
  it('parses both list formats and keeps the release month of PyPI rows', () => {
    expect(
      parseCandidateList('package\tversion\tdownloads_a_month\tsummary\n@a/b\t1.2.3\t10\tAn MCP server\n', 'npm.tsv'),
    ).toEqual([{ registry: 'npm', package: '@a/b', version: '1.2.3', origin: 'npm.tsv', summary: 'An MCP server' }]);
    expect(
      parseCandidateList(
        'package\tversion\tlast_release\tpopularity_rank\tsummary\nx-mcp\t0.1\t2025-12\t\t\n',
        'pypi.tsv',
      )[0],
    ).toMatchObject({ registry: 'pypi', released: '2025-12' });
    expect(() => parseCandidateList('name\tversion\n', 'bad.tsv')).toThrow(/header/);
  });

  it('puts every candidate in exactly one shard, whatever the count', () => {
    const all = Array.from({ length: 300 }, (_, i) => (i % 2 ? npm(`pkg-${i}`) : pypi(`Pkg_${i}`)));
    for (const count of [1, 2, 3, 7]) {
      const sizes = new Array(count).fill(0);
      for (const candidate of all) sizes[shardOf(candidate, count)]++;
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(300);
      if (count > 1) expect(Math.min(...sizes)).toBeGreaterThan(300 / count / 2);
    }
    expect(shardOf(pypi('Foo_Bar'), 5)).toBe(shardOf(pypi('foo-bar'), 5));
    expect(parseShard('2/8')).toEqual({ index: 1, count: 8 });
    expect(() => parseShard('0/3')).toThrow(/i\/n/);
  });

  it('assigns ids that avoid reserved ids and each other, keep known ids, and do not depend on order', () => {
    const list = [
      npm('@acme/mcp-server'),
      npm('acme-mcp-server'),
      pypi('mcp-server-time'),
      pypi('taken'),
      npm('plain'),
    ];
    const ids = assignIds(list, ['taken'], new Map([[candidateKey(npm('plain')), 'plain-kept']]));
    const reversed = assignIds([...list].reverse(), ['taken'], new Map([[candidateKey(npm('plain')), 'plain-kept']]));
    expect(ids).toEqual(reversed);
    expect(ids.get('pypi:mcp-server-time')).toBe('mcp-server-time');
    expect(ids.get('npm:plain')).toBe('plain-kept');
    expect(ids.get('pypi:taken')).toMatch(/^taken-[0-9a-f]{6}$/);
    expect(ids.get('npm:@acme/mcp-server')).not.toBe(ids.get('npm:acme-mcp-server'));
    expect(ids.get('npm:@acme/mcp-server')).toMatch(/^acme-mcp-server-[0-9a-f]{6}$/);
  });

  it('tries likely servers first and keeps lists at the same pace', () => {
    const order = tryOrder([npm('sdk-helpers'), npm('a-mcp-server'), pypi('b-mcp-server'), pypi('c-mcp-server')]).map(
      (c) => c.package,
    );
    expect(order).toEqual(['b-mcp-server', 'a-mcp-server', 'c-mcp-server', 'sdk-helpers']);
  });
});

describe('python choice', () => {
  it('reads Requires-Python specifiers and prefers 3.12', () => {
    expect(allows('>=3.10', '3.12')).toBe(true);
    expect(allows('>=3.10,<3.12', '3.12')).toBe(false);
    expect(allows('<3.12.3', '3.12')).toBe(true);
    expect(allows('~=3.9', '3.13')).toBe(true);
    expect(allows('==3.11.*', '3.12')).toBe(false);
    expect(pickPython(undefined, ['3.8', '3.12', '3.13'])).toBe('3.12');
    expect(pickPython('>=3.13', ['3.8', '3.12', '3.13'])).toBe('3.13');
    expect(pickPython('>=3.14', ['3.12'])).toBeUndefined();
    expect(
      pythonConstraint(
        'Because the current Python version (3.12.1) does not satisfy Python>=3.13 and foo==1.0 depends on Python>=3.13, we can',
      ),
    ).toBe('>=3.13');
  });
});

describe('learning from a failed start', () => {
  it('finds configuration variable names, not error codes or runtime variables', () => {
    expect(
      envNamesIn(
        'Error: GITHUB_PERSONAL_ACCESS_TOKEN is not set (ECONNREFUSED, NODE_ENV=production, ERR_MODULE_NOT_FOUND)',
      ),
    ).toEqual(['GITHUB_PERSONAL_ACCESS_TOKEN']);
    expect(
      envNamesInReadme('```json\n"env": { "ACME_API_KEY": "<key>", "YOUR_TOKEN": "x" }\n```\nexport ACME_REGION=eu'),
    ).toEqual(['ACME_API_KEY', 'ACME_REGION']);
  });

  it('gives obviously fake values shaped by the name', () => {
    expect(fakeEnvValue('ACME_BASE_URL')).toBe('https://example.invalid');
    expect(fakeEnvValue('DATABASE_URL')).toMatch(/^postgresql:\/\/.*127\.0\.0\.1/);
    expect(fakeEnvValue('ACME_API_KEY')).toMatch(/fake/);
    expect(fakeEnvValue('DATA_DIR')).toBe('$SANDBOX/files');
    expect(fakeEnvValue('MCP_TRANSPORT')).toBe('stdio');
  });

  it('bounds mcp below 2 only for a crash on FastMCP moved by mcp 2.x', () => {
    expect(
      dependencyBound(
        "ModuleNotFoundError: No module named 'mcp.server.fastmcp'. This is mcp 2.x, where FastMCP was renamed to MCPServer",
      ),
    ).toBe('mcp<2');
    expect(
      dependencyBound(
        "ImportError: cannot import name 'FastMCP' from 'mcp.server' ($VENV/lib/python3.12/site-packages)",
      ),
    ).toBe('mcp<2');
    expect(dependencyBound("ModuleNotFoundError: No module named 'requests'")).toBeUndefined();
    expect(dependencyBound("ImportError: cannot import name 'FastMCP' from 'fastmcp'")).toBeUndefined();
  });

  it('does not take a server that says it runs on stdio for an HTTP listener', () => {
    // A server that says it runs on stdio is not an HTTP listener.
    expect(
      verdictFor({ result: 'TIMEOUT', message: '', output: 'MCP server running on stdio', exited: false }).detail,
    ).toBe('NO_ANSWER');
  });

  it('learns required flags, positionals and subcommands from the usual CLI libraries', () => {
    expect(argsFromUsage("error: required option '--orgs <orgs>' not specified", [])).toEqual([
      '--orgs',
      'toolgate-fake',
    ]);
    expect(argsFromUsage('Missing required argument: api-url', [])).toEqual(['--api-url', 'https://example.invalid']);
    expect(
      argsFromUsage('usage: srv [-h] --root ROOT\nsrv: error: the following arguments are required: --root', []),
    ).toEqual(['--root', '$SANDBOX/files']);
    expect(argsFromUsage("Error: Missing argument 'PATH'.", [])).toEqual(['$SANDBOX/files']);
    expect(
      argsFromUsage('Usage: tool [command]\n\nCommands:\n  serve    Run the MCP server\n  login    Log in', []),
    ).toEqual(['serve']);
    expect(argsFromUsage('Usage: tool [command]\n\nCommands:\n  serve    Run the MCP server', ['serve'])).toEqual([]);
  });

  it('creates placeholder config files only inside the working folder or home', () => {
    expect(filesFromErrors("Error: ENOENT: no such file or directory, open '/w/config.json'", '/w', '/h')).toEqual({
      '$SANDBOX/config.json': '{}\n',
    });
    expect(
      filesFromErrors("FileNotFoundError: [Errno 2] No such file or directory: 'settings.yaml'", '/w', '/h'),
    ).toEqual({ '$SANDBOX/settings.yaml': '' });
    expect(filesFromErrors("ENOENT: no such file or directory, open '/etc/passwd2'", '/w', '/h')).toEqual({});
    expect(filesFromErrors("No such file or directory: '../../x.json'", '/w', '/h')).toEqual({});
  });
});

describe('verdicts', () => {
  const exited = (output: string, exitCode = 1) =>
    verdictFor({
      result: 'PROCESS_EXITED',
      message: `the server process exited (code ${exitCode})`,
      output,
      exited: true,
      exitCode,
    });
  it('maps the last telling line to a permanent code', () => {
    expect(exited('Error: ACME_API_KEY environment variable is required').code).toBe('NEEDS_CREDENTIALS');
    expect(exited('Error: connect ECONNREFUSED 127.0.0.1:5432').code).toBe('NEEDS_SERVICE');
    expect(exited("ModuleNotFoundError: No module named 'numpy'").code).toBe('CRASHED');
    expect(exited('Usage: tool [options]\n\nOptions:\n  --help').code).toBe('NOT_A_SERVER');
    expect(exited('all done', 0)).toMatchObject({ code: 'NOT_A_SERVER', detail: 'EXITED_CLEANLY' });
    expect(
      verdictFor({ result: 'TIMEOUT', message: '', output: 'Uvicorn running on http://127.0.0.1:8000', exited: false }),
    ).toMatchObject({ code: 'TIMEOUT', detail: 'LISTENS_ON_HTTP' });
    expect(verdictFor({ result: 'INITIALIZE_FAILED', message: 'bad', output: '', exited: false }).code).toBe(
      'PROTOCOL_ERROR',
    );
    expect(verdictFor({ result: 'OVERSIZE', message: 'too big', output: '', exited: false }).code).toBe(
      'PROTOCOL_ERROR',
    );
  });

  it('skips stack frames and runtime banners when picking the line to show', () => {
    expect(
      keyLine(
        '{"level":"fatal","message":"Authentication required: token must be provided"}\nnode:child_process:981\n    throw err;\n    at Object.<anonymous> (x.js:1:1)\n\nNode.js v24.21.0',
      ),
    ).toMatch(/Authentication required/);
  });
});

describe('learning from a rejected argument', () => {
  it('swaps a placeholder the server rejects for the server subcommand it offers, and reads region demands', async () => {
    const { learn, replacementFor } = await import('../../src/core/discover/learn.ts');
    expect(
      replacementFor(
        "abacus: error: argument command: invalid choice: 'toolgate-fake' (choose from 'stdio', 'http', 'tools')",
        ['toolgate-fake'],
      ),
    ).toEqual(['toolgate-fake', 'stdio']);
    expect(
      replacementFor("error: argument --transport: invalid choice: 'stdio' (choose from 'sse', 'streamablehttp')", [
        '--transport',
        'stdio',
      ]),
    ).toBeUndefined();
    expect(
      learn(
        'Exception: Failed to create boto3 client for ec2: You must specify a region.',
        { envNames: [], args: [], files: [] },
        { work: '/w', home: '/h' },
      ).envNames,
    ).toEqual(['AWS_REGION', 'AWS_DEFAULT_REGION']);
    expect(
      learn(
        'Error: In-memory databases require the --read-write flag.',
        { envNames: [], args: [], files: [] },
        { work: '/w', home: '/h' },
      ).args,
    ).toEqual(['--read-write']);
  });
});
