// Audit test helpers: a fake home with client configs naming real fixture servers, and the audit CLI run as a child
// process.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fixturesDir, tempDir } from '../scanner/helpers.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node src/cli/audit.ts …` (or another entry) with HOME pointed at a fake home; no network is needed. */
export function runAudit(
  args: string[],
  options: { home: string; cwd: string; entry?: string[]; env?: Record<string, string>; nice?: boolean },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // The fake home must be the only home: drop variables that point the clients' files elsewhere.
      if (value !== undefined && !['XDG_CONFIG_HOME', 'CODEX_HOME', 'CLAUDE_CONFIG_DIR', 'APPDATA'].includes(key))
        env[key] = value;
    }
    const command = [process.execPath, ...(options.entry ?? [join(repoRoot, 'src', 'cli', 'audit.ts')]), ...args];
    if (options.nice) command.unshift('nice', '-n', '10');
    const child = spawn(command[0]!, command.slice(1), {
      cwd: options.cwd,
      env: { ...env, HOME: options.home, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export const NOTES_TOOLS = [
  {
    name: 'list_tasks',
    description: 'List the tasks in the current project.',
    inputSchema: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'done'] } } },
    annotations: { readOnlyHint: true },
  },
  {
    name: 'add_task',
    description: 'Add a task to the project. \u001b[31mRed\u001b[0m text from the server.',
    inputSchema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  },
  {
    name: 'delete_task',
    description: 'Delete a task by id.',
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
];

/**
 * A fake home: Claude Code (~/.claude.json) runs the "normal" fixture, Cursor (project .cursor/mcp.json) the
 * tools-from-file fixture over tasks.json, Codex (~/.codex/config.toml) the garbage-stdout fixture.
 */
export async function fakeHome(): Promise<{ home: string; project: string; tasksFile: string }> {
  const home = await tempDir('toolgate-audit-home-');
  const project = join(home, 'project');
  const tasksFile = join(home, 'tasks.json');
  const node = process.execPath;
  const write = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  await write(tasksFile, JSON.stringify(NOTES_TOOLS, null, 2));
  await write(
    join(home, '.claude.json'),
    JSON.stringify(
      {
        mcpServers: {
          notes: {
            type: 'stdio',
            command: node,
            args: [join(fixturesDir, 'normal.ts')],
            env: { NOTES_TOKEN: 'value-never-shown', FROM_ENV: '${TOOLGATE_AUDIT_TEST_SECRET}' },
          },
        },
      },
      null,
      2,
    ),
  );
  await write(
    join(project, '.cursor', 'mcp.json'),
    JSON.stringify(
      { mcpServers: { tasks: { command: node, args: [join(fixturesDir, 'tools-from-file.ts'), tasksFile] } } },
      null,
      2,
    ),
  );
  await write(
    join(home, '.codex', 'config.toml'),
    `[mcp_servers.echo]\ncommand = ${JSON.stringify(node)}\nargs = [${JSON.stringify(join(fixturesDir, 'garbage-stdout.ts'))}]\n`,
  );
  return { home, project, tasksFile };
}
