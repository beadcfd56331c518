/**
 * Law: every compiled payload of a valid program satisfies the schema, and the real AWS SDK
 * sends it unchanged (the SDK silently drops unknown keys and nulls, so only an equal body proves it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataSyncClient, StartTaskExecutionCommand } from '@aws-sdk/client-datasync';
import { compileFiles } from '../helpers.js';
import { validatePayload } from '../../src/schema/index.js';
import { startDataSyncServer, type DataSyncServer } from '../fixtures/datasync-server.js';
import { credentials, isolateAwsEnvironment } from '../context/environment.js';
import { program } from './arbitraries.js';

let server: DataSyncServer;
let client: DataSyncClient;

beforeAll(async () => {
  isolateAwsEnvironment();
  server = await startDataSyncServer({});
  client = new DataSyncClient({ region: 'us-east-1', endpoint: server.endpoint, credentials, maxAttempts: 1 });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('compiled payloads', () => {
  it('of generated programs pass the schema with no error diagnostics', () => {
    fc.assert(
      fc.property(program, (files) => {
        const r = compileFiles(files, 'main.dsi', { rules: false });
        const text = Object.values(files).join('\n---\n');
        const errors = [...r.diagnostics, ...r.intents.flatMap((i) => i.diagnostics)].filter((d) => d.severity === 'error');
        expect(errors, text).toEqual([]);
        expect(r.intents).toHaveLength(1);
        expect(validatePayload(r.intents[0].payload)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('are sent unchanged by the real SDK client', async () => {
    await fc.assert(
      fc.asyncProperty(program, async (files) => {
        const [intent] = compileFiles(files, 'main.dsi', { rules: false }).intents;
        const before = server.requests.length;
        await client.send(new StartTaskExecutionCommand(intent.payload!)).catch(() => undefined);
        const sent = server.requests.slice(before).filter((r) => r.operation === 'StartTaskExecution');
        expect(sent).toHaveLength(1);
        expect(JSON.parse(sent[0].body)).toEqual(intent.payload);
      }),
      { numRuns: 100 },
    );
  });
});
