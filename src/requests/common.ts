/** What the JSON and YAML front ends share: their result and the diagnostics both report. */
import { DiagnosticIds } from '../core/diagnostic.js';
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

/** An integer literal that a JavaScript number would round (BytesPerSecond is a long). */
export function unsafeInteger(node: SourceNode, literal: string): PendingDiagnostic {
  const negative = literal.trim().startsWith('-');
  return {
    start: node.start,
    end: node.end,
    severity: 'error',
    ruleId: DiagnosticIds.invalidValue,
    messageId: 'unsafeInteger',
    message: negative
      ? `\`${literal}\` is smaller than -9007199254740991, the smallest whole number dsi can represent exactly; write a number within that range`
      : `\`${literal}\` is larger than 9007199254740991, the largest whole number dsi can represent exactly; write a smaller number${
          node.pointer.endsWith('/BytesPerSecond') ? ' (for no bandwidth limit, write -1)' : ''
        }`,
  };
}
