// Writes test/fixtures/model/start-task-execution.json: the shapes StartTaskExecutionRequest reaches in
// the official DataSync model (../shared/reference/datasync-2018-11-09.json), with their traits and
// without documentation. The differential test (test/schema/differential.test.ts) judges requests by
// it, independently of the generated schema; it checks the fixture against the model when ../shared is there.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelPath = process.argv[2] ?? join(root, '..', 'shared', 'reference', 'datasync-2018-11-09.json');

/** The fixture's content for the model text `text`. */
export function extract(text) {
  const model = JSON.parse(text);
  const shapes = {};
  const keep = (traits = {}) => Object.fromEntries(Object.entries(traits).filter(([k]) => !k.includes('documentation') && !k.includes('examples')));
  const visit = (id) => {
    const name = id.replace(/^com\.amazonaws\.datasync#/, '');
    if (name in shapes || !(id in model.shapes)) return;
    const s = model.shapes[id];
    const out = { type: s.type, traits: keep(s.traits) };
    shapes[name] = out;
    if (s.members) {
      out.members = {};
      for (const [m, def] of Object.entries(s.members)) {
        out.members[m] = { target: def.target.replace(/^com\.amazonaws\.datasync#/, '').replace(/^smithy\.api#/, 'smithy.api#'), traits: keep(def.traits) };
        visit(def.target);
      }
    }
    if (s.member) {
      out.member = { target: s.member.target.replace(/^com\.amazonaws\.datasync#/, '') };
      visit(s.member.target);
    }
  };
  visit('com.amazonaws.datasync#StartTaskExecutionRequest');
  return {
    $comment: `Extracted by scripts/extract-model-fixture.mjs from datasync-2018-11-09.json (sha256 ${createHash('sha256').update(text).digest('hex')}); do not edit by hand.`,
    root: 'StartTaskExecutionRequest',
    shapes,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'test', 'fixtures', 'model', 'start-task-execution.json');
  writeFileSync(out, JSON.stringify(extract(readFileSync(modelPath, 'utf8')), null, 2) + '\n');
  console.log(`wrote ${out}`);
}
