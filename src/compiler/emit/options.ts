/** `OverrideOptions`: one-word option statements and `bandwidth`. */
import type { BandwidthNode, OptionNode } from '../../grammar/ast.js';
import { BANDWIDTH, MEMBER_OF_OPTION, optionPointer, optionValues, UNLIMITED } from '../../language/vocabulary.js';
import { DiagnosticIds } from '../../core/diagnostic.js';
import { inexactLongMessage, sentDigits } from '../../core/long.js';
import { matchEnum, sizeToBytes } from '../values.js';
import { normalizeWord } from '../../core/words.js';
import type { Setting } from '../settings.js';
import { origin, type LowerSink } from './common.js';

/** Option statement keyword → member of `Options` (from the vocabulary table). */
export const OPTION_MEMBERS = MEMBER_OF_OPTION;

/** `verify only-files-transferred` → `/OverrideOptions/VerifyMode = "ONLY_FILES_TRANSFERRED"`. */
export function emitOption(node: OptionNode, sink: LowerSink): Setting | undefined {
  const member = OPTION_MEMBERS[node.keyword];
  const { pointer, literals } = optionOf(member);
  const match = matchEnum(node.value.value, literals, 'option value', {}, `\`${node.keyword}\``);
  if (!match.ok) {
    sink.report(DiagnosticIds.unknownValue, node.value.range, match.message);
    return undefined;
  }
  const o = origin(sink.file, node.range, node.value.range, node.value.range, node.keyword);
  return { kind: 'write', key: pointer, origin: o, writes: [{ pointer, value: match.value, origin: o }] };
}

/** An option's pointer and values, looked up in the model once per member (every option statement needs them). */
function optionOf(member: string): { readonly pointer: string; readonly literals: readonly string[] } {
  let found = options.get(member);
  if (!found) options.set(member, (found = { pointer: optionPointer(member), literals: optionValues(member) }));
  return found;
}

const options = new Map<string, { readonly pointer: string; readonly literals: readonly string[] }>();

/** `bandwidth 100 MiB/s` → `BytesPerSecond` in whole bytes; `unlimited` → -1. */
export function emitBandwidth(node: BandwidthNode, sink: LowerSink): Setting | undefined {
  const pointer = optionPointer(BANDWIDTH.member);
  const o = origin(sink.file, node.range, node.value.range, node.value.range, BANDWIDTH.keyword);
  const write = (value: number): Setting => ({ kind: 'write', key: pointer, origin: o, writes: [{ pointer, value, origin: o }] });
  const v = node.value;
  if (v.type === 'Word') {
    if (normalizeWord(v.value) === UNLIMITED) return write(-1);
    sink.report(
      DiagnosticIds.unknownValue,
      v.range,
      `unknown bandwidth \`${v.value}\`; write a rate such as \`100 MiB/s\`, or \`unlimited\``,
    );
    return undefined;
  }
  if (v.unit === undefined) {
    sink.report(
      DiagnosticIds.invalidValue,
      v.range,
      `a bandwidth needs a unit: write \`${v.number} B/s\` for bytes per second, or a rate such as \`100 MiB/s\``,
    );
    return undefined;
  }
  if (!v.perSecond) {
    sink.report(DiagnosticIds.invalidValue, v.range, `a bandwidth is a rate: write \`${v.number} ${v.unit}/s\``);
    return undefined;
  }
  const bytes = sizeToBytes(v.number, v.unit);
  if (!bytes.ok) {
    sink.report(DiagnosticIds.invalidValue, v.range, bytes.message);
    return undefined;
  }
  // Past 2^53 a number of bytes may go out as other digits: a deliberate warning, saying which.
  const sent = bytes.exact === undefined ? undefined : sentDigits(bytes.exact);
  if (sent !== undefined) sink.report(DiagnosticIds.invalidValue, v.range, inexactLongMessage(`${v.number} ${v.unit}/s`, bytes.exact!, sent, 'BytesPerSecond', 'dsi'), 'warning');
  return write(bytes.value);
}
