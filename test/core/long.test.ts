/**
 * `long` values between 2^53 and 2^63−1 (issue 12, "integers up to 2^63−1"): payloads hold
 * JavaScript numbers, so such a value may go out as other digits. dsi accepts it with a
 * deliberate warning at the value that names the digits `dsi compile` writes and `dsi start` sends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendStartTaskExecution } from '../../src/aws/start.js';
import { inexactLongMessage, LONG_MAX, sentDigits } from '../../src/core/long.js';
import type { Payload } from '../../src/core/payload.js';
import { compile, lint } from '../../src/index.js';
import { parseRequest } from '../../src/requests/index.js';
import { startDataSyncServer, type DataSyncServer } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment } from '../context/environment.js';

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-08de6e6697796f026';
const json = (n: string) => `{"TaskArn": "${TASK}", "OverrideOptions": {"BytesPerSecond": ${n}}}`;
const at = (d: { range: { start: { line: number; column: number } } }) => `${d.range.start.line}:${d.range.start.column}`;

describe('sentDigits', () => {
  it('names the digits JSON.stringify writes for a whole number, when they are not its own', () => {
    expect(sentDigits(2n ** 53n - 1n)).toBeUndefined();
    expect(sentDigits(2n ** 53n)).toBeUndefined();
    expect(sentDigits(10n ** 16n)).toBeUndefined();
    expect(sentDigits(2n ** 53n + 1n)).toBe('9007199254740992');
    expect(sentDigits(2n ** 60n)).toBe('1152921504606847000');
    expect(sentDigits(LONG_MAX)).toBe('9223372036854776000');
  });
});

describe('request files', () => {
  it('a `long` between 2^53 and 2^63−1 is a warning at the value naming what `dsi start` would send; the payload is kept', () => {
    const r = parseRequest(json('9007199254740993'), 'r.json');
    expect(r.diagnostics.map((d) => [d.severity, d.ruleId, d.messageId, at(d)])).toEqual([['warning', 'invalid-value', 'inexactLong', '1:122']]);
    expect(r.diagnostics[0].message).toBe(inexactLongMessage('9007199254740993', 2n ** 53n + 1n, '9007199254740992', 'BytesPerSecond', 'request'));
    expect(r.diagnostics[0].message).toContain('dsi would send 9007199254740992 for BytesPerSecond (`dsi start` sends it), where botocore and the AWS CLI send 9007199254740993');
    expect(r.payload).toEqual({ TaskArn: TASK, OverrideOptions: { BytesPerSecond: 9007199254740992 } });
  });

  it('the same in YAML, read exactly (2^60 would go out as 1152921504606847000)', () => {
    const r = parseRequest(`TaskArn: ${TASK}\nOverrideOptions:\n  BytesPerSecond: 1152921504606846976\n`, 'r.yaml');
    expect(r.diagnostics.map((d) => [d.severity, d.messageId, at(d)])).toEqual([['warning', 'inexactLong', '3:19']]);
    expect(r.diagnostics[0].message).toContain('dsi would send 1152921504606847000');
  });

  it('2^63−1 is accepted with a warning that says its digits as sent do not fit in 64 bits', () => {
    const r = parseRequest(json('9223372036854775807'), 'r.json');
    expect(r.diagnostics.map((d) => [d.severity, d.messageId])).toEqual([['warning', 'inexactLong']]);
    expect(r.diagnostics[0].message).toContain('dsi would send 9223372036854776000 for BytesPerSecond (`dsi start` sends it; that is more than a 64-bit whole number holds, so AWS would reject the request)');
  });

  it('a value past 2^53 whose digits go out as written is no warning; past 64 bits it is an error', () => {
    expect(parseRequest(json('10000000000000000'), 'r.json').diagnostics).toEqual([]);
    expect(parseRequest(json('9223372036854775808'), 'r.json').diagnostics.map((d) => [d.severity, d.messageId])).toEqual([['error', 'outOfRange']]);
  });

  it('lint keeps the warning a warning: the file has no errors', () => {
    const r = lint(json('9007199254740993'), { filename: 'r.json' });
    expect(r.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'invalid-value']]);
  });
});

describe('.dsi intents', () => {
  it('`set` of a `long` past 2^53 is a warning at the number, and `dsi compile` emits the digits it names', () => {
    const r = compile(`intent a {\n task "${TASK}"\n set OverrideOptions.BytesPerSecond = 9_007_199_254_740_993\n}\n`, { filename: 'a.dsi' });
    const warnings = r.diagnostics.filter((d) => d.ruleId === 'invalid-value');
    expect(warnings.map((d) => [d.severity, at(d)])).toEqual([['warning', '3:39']]);
    expect(warnings[0].message).toContain('dsi would send 9007199254740992 for this member (`dsi compile` writes it and `dsi start` sends it)');
    expect(JSON.stringify(r.intents[0].payload)).toContain('"BytesPerSecond":9007199254740992}');
  });

  it('`bandwidth` past 2^53 bytes per second is a warning; past 64 bits an error; 10,000 TB/s (exact) neither', () => {
    const of = (rate: string) => {
      const r = compile(`intent a {\n task "${TASK}"\n bandwidth ${rate}\n}\n`, { filename: 'a.dsi' });
      return { diagnostics: r.diagnostics, payload: r.intents[0].payload };
    };
    const inexact = of('9007199254740993 B/s');
    expect(inexact.diagnostics.map((d) => [d.severity, d.ruleId, at(d)])).toEqual([['warning', 'invalid-value', '3:12']]);
    expect(inexact.diagnostics[0].message).toMatch(/^`9007199254740993 B\/s` cannot be sent exactly: .* dsi would send 9007199254740992 for BytesPerSecond/);
    expect(inexact.payload?.OverrideOptions?.BytesPerSecond).toBe(9007199254740992);
    const over = of('8388608 TiB/s');
    expect(over.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['error', '8388608 TiB is 9223372036854775808 bytes, more than a 64-bit whole number holds (at most 9223372036854775807); for no limit write `unlimited`'],
    ]);
    expect(of('10000 TB/s').diagnostics).toEqual([]);
  });
});

describe('`dsi start` sends what the warning names', () => {
  let server: DataSyncServer;
  beforeAll(async () => {
    isolateAwsEnvironment();
    server = await startDataSyncServer({ tasks: [{ TaskArn: TASK }] });
  });
  afterAll(async () => {
    await server?.close();
    vi.unstubAllEnvs();
  });

  it('through the real SDK, the body carries the digits the warning names', async () => {
    const r = parseRequest(json('1152921504606846976'), 'r.json');
    const result = await sendStartTaskExecution(r.payload as Payload, { endpoint: server.endpoint, credentials });
    expect(result.error).toBeUndefined();
    const body = server.requests[server.requests.length - 1].body;
    expect(body).toContain('"BytesPerSecond":1152921504606847000');
    expect(r.diagnostics[0].message).toContain('dsi would send 1152921504606847000');
  });
});
