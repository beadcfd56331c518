/**
 * Starting a task execution: `StartTaskExecution` with a payload dsi compiled or read. The payload
 * is checked against the API's schema first, because the SDK drops unknown members silently: a
 * misspelt option would start the task without it. The call has no idempotency token, so it is
 * retried only when AWS throttled it (see {@link throttlingOnlyRetryStrategy}).
 */
import type { Payload } from '../core/payload.js';
import { validatePayload } from '../schema/index.js';
import { describeError, openSession, type AwsContextOptions } from './client.js';

/** What {@link sendStartTaskExecution} did: the execution's ARN, or why there is none (one line). */
export interface StartResult {
  readonly taskExecutionArn?: string;
  readonly error?: string;
}

/** Sends a StartTaskExecution request as given, after checking it against the API schema; a failure comes back as `error`, never thrown. */
export async function sendStartTaskExecution(payload: Payload, options: AwsContextOptions = {}): Promise<StartResult> {
  const taskArn = typeof payload?.TaskArn === 'string' ? payload.TaskArn : '(no TaskArn)';
  const issues = validatePayload(payload);
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((i) => `${i.pointer || '/'}: ${i.message}`);
    const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
    return { error: `the request for ${taskArn} does not match the StartTaskExecution schema (${shown.join('; ')}${more}); nothing was sent` };
  }
  const session = await openSession(taskArn, options, 'throttling-only');
  if ('error' in session) return { error: `cannot start ${taskArn}: ${session.error}` };
  try {
    const out = await session.client.send(new session.sdk.StartTaskExecutionCommand(payload));
    return out.TaskExecutionArn !== undefined
      ? { taskExecutionArn: out.TaskExecutionArn }
      : { error: `StartTaskExecution for ${taskArn} answered without a TaskExecutionArn` };
  } catch (e) {
    return { error: `StartTaskExecution failed for ${taskArn}: ${session.redact(describeError(e))}` };
  } finally {
    session.close();
  }
}
