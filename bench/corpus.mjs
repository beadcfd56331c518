// A deterministic corpus for the bench: the same files on every run and machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ARN = (i) => `arn:aws:datasync:us-east-1:111122223333:task/task-${(0x0a1b2c3d4e5f6000 + i).toString(16).padStart(17, '0').slice(-17)}`;

/** A template shared by every intent, in its own file. */
export const TEMPLATE = `template org-defaults {
  verify only-files-transferred
  queueing enabled
  tag managed-by = "dsi"
}
`;

/** One intent that extends the template (numbered so names differ). */
export function intent(i) {
  return `intent transfer-${i} extends org-defaults {
  task "${ARN(i)}" {
    mode enhanced
    from nfs
    to s3 storage-class standard
  }
  transfer changed
  overwrite always
  include "/projects/p${i}" "/shared/s${i % 7}"
  exclude "*.tmp"
  bandwidth ${1 + (i % 400)} MiB/s
  tag team = "team-${i % 13}"
  tag cost-center = "cc-${1000 + (i % 97)}"
}
`;
}

/** One request file, as `--cli-input-json` takes it. */
export function request(i) {
  return (
    JSON.stringify(
      {
        TaskArn: ARN(i),
        OverrideOptions: { VerifyMode: 'ONLY_FILES_TRANSFERRED', TransferMode: 'CHANGED', OverwriteMode: 'ALWAYS', BytesPerSecond: 1048576 * (1 + (i % 400)) },
        Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/projects/p${i}|/shared/s${i % 7}` }],
        Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '*.tmp' }],
        Tags: [
          { Key: 'team', Value: `team-${i % 13}` },
          { Key: 'cost-center', Value: `cc-${1000 + (i % 97)}` },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}

/** A file of `n` consecutive waivers above the line they excuse (`uid name`: uid-gid-undocumented), the slow shape of issue 12. */
export function waivers(n) {
  const lines = ['intent waived {', `  task "${ARN(0)}"`];
  for (let i = 0; i < n; i++) lines.push(`  # dsi-ignore uid-gid-undocumented -- waiver ${i}`);
  lines.push('  uid name', '}', '');
  return lines.join('\n');
}

/**
 * Writes the corpus into `dir`: `template.dsi`; `intents/` with `files` files of `perFile` intents
 * each importing the template; `requests/` with `requests` request files; `one.dsi` and
 * `one.datasync.json`; `waivers.dsi` with 8,000 waivers; `big.dsi` of about 1 MiB.
 */
export function writeCorpus(dir, { files = 1000, perFile = 10, requests = 1000, waiverCount = 8000 } = {}) {
  mkdirSync(join(dir, '.git'), { recursive: true });
  mkdirSync(join(dir, 'intents'), { recursive: true });
  mkdirSync(join(dir, 'requests'), { recursive: true });
  writeFileSync(join(dir, 'template.dsi'), TEMPLATE);
  let n = 0;
  for (let f = 0; f < files; f++) {
    const body = ['import "../template.dsi"', ''];
    for (let k = 0; k < perFile; k++) body.push(intent(n++));
    writeFileSync(join(dir, 'intents', `batch-${String(f).padStart(5, '0')}.dsi`), body.join('\n'));
  }
  for (let i = 0; i < requests; i++) writeFileSync(join(dir, 'requests', `r${String(i).padStart(5, '0')}.datasync.json`), request(i));
  writeFileSync(join(dir, 'one.dsi'), `import "./template.dsi"\n\n${intent(0)}`);
  writeFileSync(join(dir, 'one.datasync.json'), request(0));
  // The same two files in a repository of their own: a cold start measures start-up, not the
  // search for dependents over the rest of the corpus (measured on its own).
  mkdirSync(join(dir, 'small', '.git'), { recursive: true });
  writeFileSync(join(dir, 'small', 'template.dsi'), TEMPLATE);
  writeFileSync(join(dir, 'small', 'one.dsi'), `import "./template.dsi"\n\n${intent(0)}`);
  writeFileSync(join(dir, 'small', 'one.datasync.json'), request(0));
  writeFileSync(join(dir, 'waivers.dsi'), waivers(waiverCount));
  // About 1 MiB of intents in one file (the default size limit of a .dsi file).
  const big = [TEMPLATE];
  let i = 0;
  while (big.join('').length < 1_000_000) big.push(intent(100_000 + i++));
  writeFileSync(join(dir, 'big.dsi'), big.join('\n'));
  return { intents: n, requests, bigIntents: i };
}
