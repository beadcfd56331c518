// Embedding dsi: compile one intent of a .dsi file with the library, stop on any problem, and
// start the task execution through the AWS SDK (or print the request with --dry-run).
//
//   node examples/embed/start.mjs FILE INTENT [--dry-run]
//
// AWS credentials, Region and endpoint come from the SDK's usual sources (environment, profiles).
import { readFileSync } from 'node:fs';
import { compile, hasErrors, sendStartTaskExecution } from 'datasync-intent';

const [file, intentName, flag] = process.argv.slice(2);
if (!file || !intentName || (flag !== undefined && flag !== '--dry-run')) {
  console.error('usage: node examples/embed/start.mjs FILE INTENT [--dry-run]');
  process.exit(2);
}

// compile() never throws on bad input: every problem is a diagnostic with a file and a range.
// Imports are read from the file system, confined to the project root of `file`.
const result = compile(readFileSync(file, 'utf8'), { filename: file });
for (const d of result.diagnostics) {
  console.error(`${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.message} (${d.ruleId})`);
}
if (hasErrors(result.diagnostics)) process.exit(1);

const intent = result.intents.find((i) => i.name === intentName);
if (!intent?.payload) {
  console.error(`no intent named ${intentName}; the file declares ${result.intents.map((i) => i.name).join(', ') || 'none'}`);
  process.exit(2);
}

if (flag === '--dry-run') {
  console.log(JSON.stringify(intent.payload, null, 2));
} else {
  // Checks the request against the API schema, then sends it; only throttling is retried.
  const started = await sendStartTaskExecution(intent.payload);
  if (started.error) {
    console.error(started.error);
    process.exit(1);
  }
  console.log(started.taskExecutionArn);
}
