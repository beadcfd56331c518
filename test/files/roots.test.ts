import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImportMemo, createImportReader, findProjectRoot, isInside } from '../../src/files/roots.js';
import { createProject } from '../../src/project/project.js';
import { compile } from '../../src/project/compile.js';

const ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

/** A repository (with `.git`) beside a folder outside it that holds a secret-looking .dsi file. */
function tree() {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'dsi-roots-')));
  const repo = join(top, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'intents', 'deep'), { recursive: true });
  mkdirSync(join(top, 'outside'));
  // A line that is not .dsi: were it parsed, a syntax error would print it with a caret.
  writeFileSync(join(top, 'outside', 'secret.dsi'), 'AWS_SECRET_ACCESS_KEY=planted-secret-42\n');
  writeFileSync(join(repo, 'intents', 'base.dsi'), 'template base { verify none }\n');
  return { top, repo };
}

function compileIn(repo: string, text: string, importRoots?: string[]) {
  const filename = join(repo, 'intents', 'main.dsi');
  return compile(text, { filename, ...(importRoots ? { importRoots } : {}) });
}

const everything = (r: ReturnType<typeof compile>) => JSON.stringify([r.diagnostics, r.intents.map((i) => i.diagnostics), [...r.sources]]);

describe('the project root', () => {
  it('is the nearest folder with a root config, else the repository root, else the working folder', () => {
    const { top, repo } = tree();
    expect(findProjectRoot(join(repo, 'intents', 'deep'))).toBe(repo);
    writeFileSync(join(repo, 'intents', 'dsi.config.json'), '{"root": true}');
    expect(findProjectRoot(join(repo, 'intents', 'deep'))).toBe(join(repo, 'intents'));
    writeFileSync(join(repo, 'intents', 'deep', 'dsi.config.yaml'), 'root: false\n');
    expect(findProjectRoot(join(repo, 'intents', 'deep'))).toBe(join(repo, 'intents'));
    expect(findProjectRoot(join(top, 'outside'), join(top, 'outside'))).toBe(join(top, 'outside'));
    expect(isInside(repo, join(repo, 'a'))).toBe(true);
    expect(isInside(repo, `${repo}-other`)).toBe(false);
  });
});

describe('imports are confined to the project root', () => {
  it('refuses a ../ import that leaves the root, naming the path and never showing the content', () => {
    const { repo } = tree();
    const r = compileIn(repo, `import "../../outside/secret.dsi"\nintent a { task "${ARN}" }\n`);
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.message.split(';')[0]])).toEqual([
      ['import', 1, `cannot import "../../outside/secret.dsi": it is outside the project root ${repo}`],
    ]);
    expect(everything(r)).not.toContain('planted-secret-42');
  });

  it('refuses an absolute import outside the root', () => {
    const { top, repo } = tree();
    const r = compileIn(repo, `import "${join(top, 'outside', 'secret.dsi')}"\nintent a { task "${ARN}" }\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('it is outside the project root')]);
    expect(everything(r)).not.toContain('planted-secret-42');
  });

  it('refuses a symlink inside the root that leads out of it, and says where it leads', () => {
    const { top, repo } = tree();
    symlinkSync(join(top, 'outside', 'secret.dsi'), join(repo, 'intents', 'link.dsi'));
    const r = compileIn(repo, `import "./link.dsi"\nintent a { task "${ARN}" }\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining(`(it resolves to ${join(top, 'outside', 'secret.dsi')})`)]);
    expect(everything(r)).not.toContain('planted-secret-42');
  });

  it('refuses to import anything but a .dsi file, without reading it', () => {
    const { repo } = tree();
    const r = compileIn(repo, `import "/proc/self/environ"\nimport "/etc/passwd"\nintent a { task "${ARN}" }\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'cannot import "/proc/self/environ": an import names a .dsi file',
      'cannot import "/etc/passwd": an import names a .dsi file',
    ]);
    expect([...r.sources.keys()]).toEqual([join(repo, 'intents', 'main.dsi')]);
  });

  it('reads imports inside the root, and outside it only in a folder the caller allows', () => {
    const { top, repo } = tree();
    const inside = compileIn(repo, `import "./base.dsi"\nintent a extends base { task "${ARN}" }\n`);
    expect(inside.diagnostics).toEqual([]);
    expect(inside.intents[0].payload?.OverrideOptions).toEqual({ VerifyMode: 'NONE' });
    const allowed = compileIn(repo, `import "../../outside/secret.dsi"\nintent a { task "${ARN}" }\n`, [join(top, 'outside')]);
    expect(allowed.diagnostics.map((d) => d.file)).toContain(join(top, 'outside', 'secret.dsi'));
  });

  it('readers sharing a memo read a file once, and each still refuses what is outside its own roots', () => {
    const { top, repo } = tree();
    const memo = createImportMemo();
    const wide = createImportReader(join(repo, 'intents', 'main.dsi'), { importRoots: [join(top, 'outside')], memo });
    const narrow = createImportReader(join(repo, 'intents', 'main.dsi'), { memo });
    expect(wide(join(top, 'outside', 'secret.dsi'))).toContain('planted');
    expect(() => narrow(join(top, 'outside', 'secret.dsi'))).toThrow(/outside the project root/);
    expect(narrow(join(repo, 'intents', 'base.dsi'))).toBe('template base { verify none }\n');
    // Read once: the memo answers, even after the file changed on disk (one run sees one version).
    writeFileSync(join(repo, 'intents', 'base.dsi'), 'template base { verify all }\n');
    expect(wide(join(repo, 'intents', 'base.dsi'))).toBe('template base { verify none }\n');
  });

  it('a project reads an import again in its next run (an editor keeps one project)', async () => {
    const { repo } = tree();
    writeFileSync(join(repo, 'intents', 'main.dsi'), `import "./base.dsi"\nintent a extends base { task "${ARN}" }\n`);
    const project = createProject({ cwd: repo, config: false });
    const inputs = await project.readInputs(['intents/main.dsi'], { patterns: ['**/*.dsi'] });
    const first = project.compile(inputs);
    writeFileSync(join(repo, 'intents', 'base.dsi'), 'template base { verify only-files-transferred }\n');
    const second = project.compile(inputs);
    expect((first.payloads.get('a')?.payload as { OverrideOptions?: unknown }).OverrideOptions).toEqual({ VerifyMode: 'NONE' });
    expect((second.payloads.get('a')?.payload as { OverrideOptions?: unknown }).OverrideOptions).toEqual({ VerifyMode: 'ONLY_FILES_TRANSFERRED' });
  });

  it('a reader made for an entry refuses the same paths', () => {
    const { top, repo } = tree();
    const read = createImportReader(join(repo, 'intents', 'main.dsi'));
    expect(read(join(repo, 'intents', 'base.dsi'))).toBe('template base { verify none }\n');
    expect(() => read(join(top, 'outside', 'secret.dsi'))).toThrow(/outside the project root/);
  });
});
