/** The schema check of one payload: the JSON Schema of the request, placed and worded by its front end. */
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticIds } from '../core/diagnostic.js';
import { locate } from '../core/source-map.js';
import type { PayloadUnit } from '../core/unit.js';
import { validatePayload } from '../schema/index.js';

/** Schema diagnostics of one payload, at the places its source map gives. */
export function schemaDiagnostics(unit: PayloadUnit): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of validatePayload(unit.payload)) {
    if (unit.schemaWording?.skip?.(issue)) continue;
    const loc = locate(unit.sourceMap, issue.pointer, issue.part) ?? unit.fallback;
    const message = unit.schemaWording?.rephrase?.(issue) ?? issue.message;
    out.push({ file: loc.file, range: loc.range, severity: 'error', ruleId: DiagnosticIds.schema, messageId: issue.messageId, message, pointer: issue.pointer });
  }
  return out;
}
