/** `dsi lint --stats`: the work a run did and where its time went, on standard error (the report on standard output is unchanged). */
import { WORK_KINDS, WORK_STAGES, type WorkStats } from '../core/work.js';

/** The stats as a small table: one line per kind of work, then one per timed stage. */
export function formatStats(stats: WorkStats): string {
  const count = new Intl.NumberFormat('en-US');
  const width = Math.max(...[...WORK_KINDS, ...WORK_STAGES].map((k) => k.length));
  const lines = ['dsi: stats of this run (work done, and milliseconds by stage; a stage inside another counts in both)'];
  for (const k of WORK_KINDS) lines.push(`  ${k.padEnd(width)}  ${count.format(stats.counts[k]).padStart(12)}`);
  for (const s of WORK_STAGES) lines.push(`  ${s.padEnd(width)}  ${stats.times[s].toFixed(1).padStart(9)} ms`);
  return lines.join('\n') + '\n';
}
