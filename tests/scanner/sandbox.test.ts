// The bubblewrap launcher, run for real: what a sandboxed command can see, reach and leave behind.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findBwrap, nodeBinds, runSandboxed } from '../../src/scanner/sandbox.ts';
import type { RunSpec } from '../../src/scanner/sandbox.ts';
import { repoRoot, survivorsAfter, tempDir } from './helpers.ts';

const nodeDir = nodeBinds()[0]!.path;

async function spec(script: string, extra: Partial<RunSpec> = {}): Promise<RunSpec> {
  const dir = await tempDir();
  const work = join(dir, 'work');
  const home = join(dir, 'home');
  await mkdir(work);
  await mkdir(home);
  return {
    command: 'node',
    args: ['-e', script],
    cwd: work,
    env: { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: home },
    binds: [...nodeBinds(), { path: work, writable: true }, { path: home, writable: true }],
    deadline: Date.now() + 20_000,
    scratch: dir,
    ...extra,
  };
}

describe('sandbox', () => {
  it('uses bubblewrap on this machine', () => {
    expect(findBwrap()).not.toBeNull();
  });

  it('shows a read-only system and a private home, work folder and tmp, and nothing of the checkout or the scanner environment', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'canary-sandbox-secret-1234';
    const script = `
      const fs = require('node:fs');
      const tryWrite = (p) => { try { fs.writeFileSync(p, 'x'); return 'written'; } catch (e) { return e.code; } };
      console.log(JSON.stringify({
        checkout: fs.existsSync(${JSON.stringify(join(repoRoot, 'package.json'))}),
        usr: tryWrite('/usr/planted'),
        work: tryWrite('planted'),
        home: tryWrite(process.env.HOME + '/planted'),
        tmp: tryWrite('/tmp/planted'),
        env: Object.keys(process.env).sort(),
        pid: process.pid,
      }));`;
    const result = await runSandboxed(await spec(script));
    delete process.env.AWS_SECRET_ACCESS_KEY;
    expect(result.isolation).toBe('bwrap');
    expect(result.code, result.output).toBe(0);
    const seen = JSON.parse(result.output);
    expect(seen).toMatchObject({ checkout: false, usr: 'EROFS', work: 'written', home: 'written', tmp: 'written' });
    expect(seen.env).toEqual(['HOME', 'PATH', 'PWD', 'TOOLGATE_SCAN_SESSION']);
    // Its own PID namespace: it cannot see, let alone signal, the scanner.
    expect(seen.pid).toBeLessThan(10);
    expect(result.output).not.toContain('canary-sandbox-secret');
  });

  it('has no network unless asked: the host loopback is out of reach by default and reachable with network: true', async () => {
    // Names do not resolve either, and say so at once (ENOTFOUND, as on a machine without internet).
    const lookup = await runSandboxed(
      await spec(
        `require('node:dns').lookup('example.invalid.toolgate.test', (error) => console.log(error && error.code))`,
      ),
    );
    expect(lookup.output.trim()).toBe('ENOTFOUND');
    const server = createServer((socket) => socket.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const script = `require('node:net').connect(${port}, '127.0.0.1').on('data', (d) => { console.log('reached ' + d); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
    try {
      const closed = await runSandboxed(await spec(script));
      expect(closed.output.trim()).toBe('ECONNREFUSED');
      const open = await runSandboxed(await spec(script, { network: true }));
      expect(open.output.trim()).toBe('reached hello');
    } finally {
      server.close();
    }
  });

  it('kills the command at its deadline, and nothing it started (a setsid daemon that re-executes itself with an empty environment) survives', async () => {
    const marker = `toolgate-daemon-${randomUUID()}`;
    // The daemon leaves the session and re-executes itself with no environment at all; the parent hangs.
    const script = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { env: {}, detached: true, stdio: 'ignore' }).unref()", '${marker}'], { env: {}, detached: true, stdio: 'ignore' }).unref();
      setInterval(() => {}, 1000);`;
    const started = Date.now();
    const result = await runSandboxed(await spec(script, { deadline: Date.now() + 1500 }));
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
  });

  it('leaves nothing behind when the command exits normally after starting a daemon', async () => {
    const marker = `toolgate-daemon-${randomUUID()}`;
    const script = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { env: {}, detached: true, stdio: 'ignore' }).unref();`;
    const result = await runSandboxed(await spec(script));
    expect(result.code).toBe(0);
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
  });

  it('falls back to process-group isolation where bubblewrap is missing, and says so once', async () => {
    const probe = `
      import { runSandboxed } from ${JSON.stringify(join(repoRoot, 'src', 'scanner', 'sandbox.ts'))};
      const base = { command: process.execPath, args: ['-e', 'console.log(process.cwd())'], cwd: ${JSON.stringify(repoRoot)}, env: {} };
      const a = await runSandboxed(base);
      const b = await runSandboxed(base);
      console.log(JSON.stringify([a.isolation, b.isolation, a.code]));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe], {
      env: { ...process.env, TOOLGATE_BWRAP: '/nonexistent/bwrap', PATH: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise((resolve) => child.once('close', resolve));
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(['process-group', 'process-group', 0]);
    expect(stderr.match(/bubblewrap \(bwrap\) is not available/g)).toHaveLength(1);
    expect(stderr).toContain('--no-sandbox');
  });
});
