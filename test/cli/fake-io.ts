/** An in-memory CliIo for running commands in-process. */
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runDsi(argv: string[], options: { cwd: string; stdin?: string }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), color: false },
    stderr: { write: (t) => void (stderr += t), color: false },
    cwd: options.cwd,
    readStdin: async () => options.stdin ?? '',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
