/** The printer's canonical layout, comments in place, and the refusals of `formatText`. */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/printer/format.js';
import { printStatement } from '../../src/printer/print.js';
import { bandwidthNode, optionNode, quote, setNode } from '../../src/printer/build.js';
import { parse } from '../../src/grammar/index.js';
import type { DeclarationNode } from '../../src/grammar/ast.js';

const messy = `# defaults

import "./defaults.dsi"
import "./b.dsi"
template org-defaults { verify none; queueing enabled
  tag managed-by = "dsi" }   # after the template
intent nightly-archive extends org-defaults,other {
  task "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026" {
    mode enhanced                      # context for rules; not emitted
    from nfs
    to s3 storage-class deep-archive
  }


  transfer changed
  # rates

  bandwidth 100MiB/s
     include "/projects/alpha" "/projects/beta"
  manifest "s3://b/m.csv" # the list
     role "arn:aws:iam::111122223333:role/r"
  report {
    to "s3://acme-datasync-reports/nightly/"
    output standard
    # dangling in report
  }
  set TaskReportConfig.Overrides = {"Skipped": {ReportLevel: "ERRORS_ONLY"}, "Deleted":{"ReportLevel":"ERRORS_ONLY"}}
  tag team = "storage"; tag cost-center = "cc-1042"
  report {}
}
policy p { when tag env = "prod"
require tag team, cost-center
  limit bandwidth <= 1_000 MiB/s warn because "x" as lim
}
// the end
`;

const canonical = `# defaults

import "./defaults.dsi"
import "./b.dsi"

template org-defaults {
  verify none
  queueing enabled
  tag managed-by = "dsi"
} # after the template

intent nightly-archive extends org-defaults, other {
  task "arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026" {
    mode enhanced # context for rules; not emitted
    from nfs
    to s3 storage-class deep-archive
  }

  transfer changed
  # rates

  bandwidth 100 MiB/s
  include "/projects/alpha" "/projects/beta"
  manifest "s3://b/m.csv" role "arn:aws:iam::111122223333:role/r" # the list
  report {
    to "s3://acme-datasync-reports/nightly/"
    output standard
    # dangling in report
  }
  set TaskReportConfig.Overrides = { "Skipped": { ReportLevel: "ERRORS_ONLY" }, "Deleted": { "ReportLevel": "ERRORS_ONLY" } }
  tag team = "storage"
  tag cost-center = "cc-1042"
  report {}
}

policy p {
  when tag env = "prod"
  require tag team, cost-center
  limit bandwidth <= 1_000 MiB/s as lim warn because "x"
}

// the end
`;

describe('formatText', () => {
  it('lays a file out canonically, keeping every comment, spelling and empty line that separates', () => {
    expect(formatText(messy, 'a.dsi')).toEqual({ text: canonical, changed: true, diagnostics: [] });
    expect(formatText(canonical, 'a.dsi')).toEqual({ text: canonical, changed: false, diagnostics: [] });
  });

  it('formats an empty file to an empty file, and a comment-only file to its comments', () => {
    expect(formatText('', 'e.dsi').text).toBe('');
    expect(formatText('\n\n  # only\n\n\n// two\n', 'e.dsi').text).toBe('# only\n\n// two\n');
  });

  it('never formats a file with syntax errors, and says why', () => {
    const r = formatText('intent a {\n  verify\n}\nintent b { log off', 'bad.dsi');
    expect(r.text).toBeUndefined();
    expect(r.changed).toBe(false);
    expect(r.diagnostics.map((d) => `${d.range.start.line}: ${d.ruleId}`)).toEqual(['3: syntax', '4: syntax']);
  });

  it('formats a file whose words are unknown (that is for the compiler to say): the text is kept as written', () => {
    expect(formatText('intent a {   verify sometimes }', 'a.dsi').text).toBe('intent a {\n  verify sometimes\n}\n');
  });
});

describe('the printer for built nodes (decompile, fixes)', () => {
  it('prints option and bandwidth statements in the language words', () => {
    expect(printStatement(optionNode('VerifyMode', 'ONLY_FILES_TRANSFERRED')!)).toBe('verify only-files-transferred');
    expect(printStatement(optionNode('SecurityDescriptorCopyFlags', 'OWNER_DACL_SACL')!, '  ')).toBe('  security-descriptors owner-dacl-sacl');
    expect(optionNode('NoSuchMember', 'X')).toBeUndefined();
    expect([-1, 0, 1024, 100 * 1024 ** 2, 1_500_000, 1001].map((n) => printStatement(bandwidthNode(n)!))).toEqual([
      'bandwidth unlimited',
      'bandwidth 0 B/s',
      'bandwidth 1 KiB/s',
      'bandwidth 100 MiB/s',
      'bandwidth 1500 kB/s',
      'bandwidth 1001 B/s',
    ]);
  });

  it('prints `set` with JSON that reads back as the same value, strings escaped as .dsi escapes them', () => {
    const value = { Key: 'a"b\\c\nd\te\u0001é😀', N: -1.5e3, L: [true, null, {}] };
    const text = printStatement(setNode(['Tags', 0], value));
    expect(text).toBe('set Tags[0] = { "Key": "a\\"b\\\\c\\nd\\te\\u{1}é😀", "N": -1500, "L": [true, null, {}] }');
    const { ast, diagnostics } = parse(`intent x { ${text} }`, 'x.dsi');
    expect(diagnostics).toEqual([]);
    expect((ast.items[0] as DeclarationNode).body[0]).toMatchObject({ type: 'Set', value: { members: [{ value: { value: value.Key } }, { value: { value: -1500 } }, {}] } });
    expect(quote('\u2028')).toBe('"\\u{2028}"');
  });
});
