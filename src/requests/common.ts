/** What the JSON and YAML front ends share: their result and the diagnostics both report. */
import { DiagnosticIds } from '../core/diagnostic.js';
import { inexactLongMessage, LONG_MAX, LONG_MIN, sentDigits } from '../core/long.js';
import type { PendingDiagnostic } from './report.js';
import type { RequestFormat, SourceNode, SourceNodes } from './source-map.js';

/** A front end's reading of one text: the payload when it could be read in full, the pointer table, diagnostics in offsets. */
export interface FrontEndResult {
  readonly payload?: unknown;
  readonly nodes: SourceNodes;
  readonly pending: PendingDiagnostic[];
}

const EXAMPLE_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';

/** How a request looks in each format, for messages. */
export function requestShape(format: RequestFormat): string {
  return format === 'json'
    ? `one JSON object such as {"TaskArn": "${EXAMPLE_ARN}"}`
    : `one YAML mapping such as \`TaskArn: ${EXAMPLE_ARN}\``;
}

/** Sets `object[name]`, keeping `__proto__` an ordinary member as `JSON.parse` does. */
export function setMember(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

/** A file with nothing in it. */
export function emptyFile(text: string, format: RequestFormat): PendingDiagnostic {
  return {
    start: 0,
    end: text.length,
    severity: 'error',
    ruleId: DiagnosticIds.parseError,
    messageId: 'emptyFile',
    message: `the file is empty: a request file holds ${requestShape(format)}`,
  };
}

/** A top-level value that is not an object; points at its first character (a scalar: all of it). */
export function notAnObject(root: SourceNode, format: RequestFormat, what: string): PendingDiagnostic {
  return {
    start: root.start,
    end: root.kind === 'scalar' ? root.end : Math.min(root.start + 1, root.end),
    severity: 'error',
    ruleId: DiagnosticIds.parseError,
    messageId: 'notAnObject',
    message: `a request file holds ${requestShape(format)}, not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`,
  };
}

/** A key given twice in one object: an error at the later key, with the earlier one related. */
export function duplicateKey(name: string, later: SourceNode, earlier: SourceNode, format: RequestFormat): PendingDiagnostic {
  const consequence =
    format === 'json'
      ? 'the AWS CLI would silently use the later value'
      : 'YAML does not allow a key twice in one mapping';
  return {
    start: later.keyStart,
    end: later.keyEnd,
    severity: 'error',
    ruleId: DiagnosticIds.duplicateKey,
    messageId: 'duplicateKey',
    message: `\`${name}\` is given twice in this object (${consequence}); keep only one of the two`,
    related: [{ start: earlier.keyStart, end: earlier.keyEnd, message: `\`${name}\` is first given here` }],
  };
}


/**
 * The exact value of a decimal number literal (`1048576`, `1048576.0`, `1e6`, `-1`) when it is a
 * whole number; `fraction` when it is not; undefined for text that is not such a literal
 * (YAML's `0x10`, `.inf`). Exact for any length: no rounding through a JavaScript number.
 */
export function exactInteger(literal: string): bigint | 'fraction' | undefined {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(literal.trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  let digits = (m[2] + (m[3] ?? '')).replace(/^0+/, '');
  let exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  if (digits === '') return 0n;
  const zeros = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - zeros);
  exponent += zeros;
  if (exponent < 0) return 'fraction';
  // Past 10^40 the value is far outside any 64-bit integer; its exact digits do not matter.
  if (digits.length + exponent > 40) return sign * 10n ** 40n;
  return sign * BigInt(digits) * 10n ** BigInt(exponent);
}

/**
 * What is wrong with a number written at `node`, a member the model types as a whole number (a
 * `long`): a value past 64 bits, or a whole number written with a point or exponent, which
 * botocore and the AWS CLI reject (the AWS SDK for JavaScript would send it as an integer) —
 * with a fix that writes it plainly; and, as a warning, a whole number past 2^53 that would be sent
 * as other digits (see src/core/long.ts). `exact` is the literal's value where the parser knows it
 * (YAML integers); otherwise the literal's text is read exactly.
 */
export function longProblem(node: SourceNode, literal: string, exact?: bigint): PendingDiagnostic | undefined {
  const value = exact ?? exactInteger(literal);
  if (value === undefined || value === 'fraction') return undefined;
  const base = { start: node.start, end: node.end, severity: 'error' as const, ruleId: DiagnosticIds.invalidValue };
  const member = node.key ?? 'this member';
  if (value > LONG_MAX || value < LONG_MIN) {
    return {
      ...base,
      messageId: 'outOfRange',
      message: `\`${abbreviate(literal.trim())}\` does not fit in ${member}, a 64-bit whole number (at most ${LONG_MAX}); botocore and the AWS CLI reject it${
        node.pointer.endsWith('/BytesPerSecond') ? ' (for no bandwidth limit, write -1)' : ''
      }`,
    };
  }
  if (exact !== undefined || /^[-+]?\d+$/.test(literal.trim())) {
    // Past 2^53 a whole number may go out as other digits: a deliberate warning, saying which.
    const sent = sentDigits(value);
    if (sent === undefined) return undefined;
    return { ...base, severity: 'warning', messageId: 'inexactLong', message: inexactLongMessage(abbreviate(literal.trim()), value, sent, member, 'request') };
  }
  const plain = value.toString();
  return {
    ...base,
    messageId: 'notWholeNumberLiteral',
    message: `${member} is a whole number (a \`long\`): write \`${plain}\`, not \`${abbreviate(literal.trim())}\` (botocore and the AWS CLI reject a point or an exponent here)`,
    fix: { description: `write ${plain}`, edits: [{ start: node.start, end: node.end, text: plain }] },
  };
}

function abbreviate(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}
