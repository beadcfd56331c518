/**
 * Each attack of a hostile pull request, reproduced against the bundled bin (as CI runs it):
 * reading secrets through imports, devices and FIFOs, writing through planted symlinks or over
 * devices, interrupts during --out, files edited during --fix, and a full stdout.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { startDataSyncServer } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment } from '../context/environment.js';

const bin = join(repoRoot, 'dist', 'bin', 'dsi.cjs');
const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const SECRET = 'planted-secret-6f1d2c';

/** A repository (`.git`) with `intents/`, and a folder outside it. */
function repo(): { top: string; dir: string } {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'dsi-sec-')));
  const dir = join(top, 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  mkdirSync(join(dir, 'intents'));
  mkdirSync(join(top, 'outside'));
  return { top, dir };
}

function dsi(args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  // A timeout turns a hang into a failure instead of a stuck suite.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 20_000, ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), error: r.error };
}

describe('a pull request cannot read secrets through imports', () => {
  it('import "/proc/self/environ" (and a .dsi symlink to it) never prints the environment, in any format', () => {
    const { dir } = repo();
    symlinkSync('/proc/self/environ', join(dir, 'intents', 'env.dsi'));
    writeFileSync(join(dir, 'intents', 'a.dsi'), `import "/proc/self/environ"\nimport "./env.dsi"\nimport "/etc/passwd"\nintent a { task "${ARN}" }\n`);
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      for (const args of [['lint', 'intents', '--format', format], ['lint', 'intents/a.dsi', 'intents/env.dsi', '--format', format]]) {
        const r = dsi(args, dir, { env: { DSI_PLANTED_SECRET: SECRET } });
        expect(r.stdout + r.stderr).not.toContain(SECRET);
        expect(r.stdout + r.stderr).toContain('/proc/self/environ');
        expect(r.status).toBe(1);
      }
    }
    const compiled = dsi(['compile', 'intents'], dir, { env: { DSI_PLANTED_SECRET: SECRET } });
    expect(compiled.stderr).not.toContain(SECRET);
    expect(compiled.stderr).toContain('cannot import "./env.dsi": it is outside the project root');
    expect(compiled.status).toBe(1);
  });

  it('a .dsi file named on the command line that is a symlink out of the project is not read', () => {
    const { top, dir } = repo();
    writeFileSync(join(top, 'outside', 'secret.dsi'), `${SECRET}\n`);
    symlinkSync(join(top, 'outside', 'secret.dsi'), join(dir, 'intents', 'x.dsi'));
    const r = dsi(['lint', 'intents/x.dsi'], dir);
    expect(r.stdout).toContain(`intents/x.dsi:1:1 error cannot read intents/x.dsi: it is a symbolic link to ${join(top, 'outside', 'secret.dsi')}, outside the project`);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.status).toBe(1);
    // --import-root is how a user (never an input file) allows it.
    expect(dsi(['lint', 'intents/x.dsi', '--import-root', join(top, 'outside')], dir).stdout).toContain(SECRET);
  });
});

describe('devices and FIFOs end within seconds with a clear error', () => {
  it('as imports: /dev/zero (allowed by --import-root, so the descriptor check is what stops it) and a FIFO', () => {
    const { dir } = repo();
    symlinkSync('/dev/zero', join(dir, 'intents', 'zero.dsi'));
    spawnSync('mkfifo', [join(dir, 'intents', 'fifo.dsi')]);
    writeFileSync(join(dir, 'intents', 'a.dsi'), `import "./zero.dsi"\nimport "./fifo.dsi"\nintent a { task "${ARN}" }\n`);
    const started = Date.now();
    const r = dsi(['lint', 'intents/a.dsi', '--import-root', '/dev'], dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stdout).toContain('intents/a.dsi:1:8 error cannot import "./zero.dsi": it is a character device, not a regular file');
    expect(r.stdout).toContain('intents/a.dsi:2:8 error cannot import "./fifo.dsi": it is a FIFO (named pipe), not a regular file');
    expect(r.status).toBe(1);
  });

  it('as inputs: a FIFO named on the command line, and /dev/zero through a .dsi symlink', () => {
    const { dir } = repo();
    spawnSync('mkfifo', [join(dir, 'intents', 'fifo.dsi')]);
    symlinkSync('/dev/zero', join(dir, 'intents', 'zero.dsi'));
    for (const command of ['lint', 'compile']) {
      const r = dsi([command, 'intents/fifo.dsi', 'intents/zero.dsi', '--import-root', '/dev'], dir);
      expect(r.error).toBeUndefined();
      const out = r.stdout + r.stderr;
      expect(out).toContain('cannot read intents/fifo.dsi: it is a FIFO (named pipe), not a regular file');
      expect(out).toContain('cannot read intents/zero.dsi: it is a character device, not a regular file');
      expect(r.status).toBe(1);
    }
  });
});

describe('outputs go only where the user meant', () => {
  it('--out never writes through a planted symlink to a file outside the output folder', () => {
    const { top, dir } = repo();
    writeFileSync(join(dir, 'intents', 'a.dsi'), `intent a { task "${ARN}" }\nintent x { task "${ARN}" }\n`);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(top, 'outside', 'victim'), 'keep');
    symlinkSync(join(top, 'outside', 'victim'), join(dir, 'out', 'x.json'));
    const r = dsi(['compile', 'intents', '--out', 'out'], dir);
    expect(r.stderr).toBe(`dsi: cannot write out/x.json: it is a symbolic link to ${join(top, 'outside', 'victim')}, outside ${join(dir, 'out')}; dsi does not write through it; nothing was written\n`);
    expect(r.status).toBe(2);
    expect(readFileSync(join(top, 'outside', 'victim'), 'utf8')).toBe('keep');
    expect(readdirSync(join(dir, 'out'))).toEqual(['x.json']);
  });

  it('-o to a character device, and through a symlink to one, writes to it and leaves it a device', () => {
    // /dev/null is one every test may write; only as root could the old rename have replaced it.
    const { dir } = repo();
    writeFileSync(join(dir, 'intents', 'a.dsi'), `intent a { task "${ARN}" }\n`);
    symlinkSync('/dev/null', join(dir, 'report.sarif'));
    for (const target of ['/dev/null', 'report.sarif']) {
      const r = dsi(['lint', 'intents', '--format', 'sarif', '-o', target], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
    expect(lstatSync(join(dir, 'report.sarif')).isSymbolicLink()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('-o through a symlink to /dev/stdout writes the report to standard output', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'intents', 'a.dsi'), `intent a { task "${ARN}" }\n`);
    symlinkSync('/dev/stdout', join(dir, 'out.json'));
    // Through a real pipe, as a shell makes it (Node's own child stdio is a socket, which no open() reaches).
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} lint intents --format json -o out.json | cat; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ filePath: 'intents/a.dsi', errorCount: 0 })]);
    expect(r.stderr).toBe('exit=0\n');
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(true);
  });

  it('SIGINT during a large compile --out leaves the outputs all old or all new, and no temporary file', async () => {
    const { dir } = repo();
    const names = Array.from({ length: 1500 }, (_, i) => `i${i}`);
    writeFileSync(join(dir, 'intents', 'many.dsi'), names.map((n) => `intent ${n} { task "${ARN}" }\n`).join(''));
    mkdirSync(join(dir, 'out'));
    for (const n of names) writeFileSync(join(dir, 'out', `${n}.json`), 'old\n');
    const child = spawn(process.execPath, [bin, 'compile', 'intents', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
    // Interrupt as soon as the first temporary file appears: the run is then mid-write.
    let interrupted = false;
    const watcher = watch(join(dir, 'out'), (_event, name) => {
      if (!interrupted && name?.endsWith('.tmp')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    watcher.close();
    expect(interrupted).toBe(true);
    expect(ended.signal).toBe('SIGINT');
    const left = readdirSync(join(dir, 'out'));
    expect(left.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const contents = new Set(names.map((n) => readFileSync(join(dir, 'out', `${n}.json`), 'utf8') === 'old\n'));
    expect(contents.size).toBe(1); // all old, or all new
    expect(left).toHaveLength(names.length);
  });

  it('a run removes the temporary files a killed run left behind', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'intents', 'a.dsi'), `intent a { task "${ARN}" }\n`);
    mkdirSync(join(dir, 'out'));
    const dead = spawnSync('true').pid!;
    writeFileSync(join(dir, 'out', `.a.json.dsi-${dead}-0123456789ab.tmp`), 'stale');
    expect(dsi(['compile', 'intents', '--out', 'out'], dir).status).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.json']);
  });

  it('a failed write to standard output (/dev/full) is one line on stderr and exit 2', () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'intents', 'a.dsi'), `intent a { task "${ARN}" }\n`);
    const full = openSync('/dev/full', 'w');
    try {
      const r = dsi(['compile', 'intents'], dir, { stdio: ['ignore', full, 'pipe'] });
      expect(r.stderr).toBe('dsi: cannot write to standard output: no space left on the device\n');
      expect(r.status).toBe(2);
      // Standard error full too: nothing can be said, but the exit code still tells.
      const both = dsi(['compile', 'intents', 'missing.dsi'], dir, { stdio: ['ignore', full, full] });
      expect(both.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe('--fix and a file edited during the run', () => {
  it('does not overwrite a file that changed after it was read, and warns', async () => {
    isolateAwsEnvironment();
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    // ListLocations fails, so resolving context writes a warning: the moment (between reading
    // and fixing) at which this test's stderr appends a line to the file, as an editor would.
    const server = await startDataSyncServer({
      tasks: [{ TaskArn: ARN, TaskMode: 'BASIC', SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-00000000000000001', DestinationLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-00000000000000002' }],
      errors: { ListLocations: { type: 'AccessDeniedException', message: 'no' } },
    });
    try {
      const { dir } = repo();
      const file = join(dir, 'intents', 'a.dsi');
      writeFileSync(file, `intent a {\n  task "${ARN}"\n  atime none\n  mtime preserve\n}\n`);
      let stderr = '';
      let edited = false;
      const io: CliIo = {
        stdout: { write: () => undefined, color: false },
        stderr: {
          write: (t) => {
            stderr += t;
            if (!edited) {
              edited = true;
              appendFileSync(file, '# added while dsi ran\n');
            }
          },
          color: false,
        },
        cwd: dir,
        readStdin: async () => '',
      };
      await main(['lint', 'intents', '--fix', '--resolve-context', '--endpoint-url', server.endpoint], io);
      expect(edited).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(`intent a {\n  task "${ARN}"\n  atime none\n  mtime preserve\n}\n# added while dsi ran\n`);
      expect(stderr).toContain('dsi: warning: intents/a.dsi was not fixed: it changed while dsi was running; run dsi lint --fix again\n');
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(join(dir, 'intents'))).toEqual(['a.dsi']);
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await server.close();
    }
  });
});
