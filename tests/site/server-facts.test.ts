// The run command a server page shows is the one the scan used: pinned, with the dependency bounds the scan needed,
// and it reads back (through the audit's package-runner parser) as the same pinned package.
import { describe, expect, it } from 'vitest';
import { packageCommand } from '../../src/core/package-command.ts';
import { runFacts } from '../../src/site/server-facts.ts';

describe('server page run facts', () => {
  it('a PyPI server installed with a dependency bound is shown with it, quoted for the shell', () => {
    const facts = runFacts('x', {
      kind: 'pypi',
      package: 'acme-mcp',
      version: '1.2.0',
      script: 'acme-mcp',
      args: [],
      envNames: [],
      constraints: ['mcp<2'],
    });
    expect(facts.command).toBe("uvx --from acme-mcp==1.2.0 --with 'mcp<2' acme-mcp");
    const config = JSON.parse(facts.config) as Record<string, { command: string; args: string[] }>;
    expect(config.x?.args).toEqual(['--from', 'acme-mcp==1.2.0', '--with', 'mcp<2', 'acme-mcp']);
    expect(packageCommand(config.x!.command, config.x!.args)).toMatchObject({
      registry: 'pypi',
      package: 'acme-mcp',
      version: '1.2.0',
    });
  });

  it('without bounds the command is unchanged', () => {
    const facts = runFacts('y', {
      kind: 'pypi',
      package: 'acme-mcp',
      version: '1.2.0',
      module: 'acme_mcp',
      args: ['--stdio'],
      envNames: ['ACME_TOKEN'],
    });
    expect(facts.command).toBe('ACME_TOKEN=<your acme token> uvx --from acme-mcp==1.2.0 python -m acme_mcp --stdio');
  });
});
