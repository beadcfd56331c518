/** The retry strategy of StartTaskExecution: a call without an idempotency token is retried only after a throttling answer. */
import { describe, expect, it } from 'vitest';
import { THROTTLING_BASE_DELAY_MS, THROTTLING_MAX_ATTEMPTS, throttlingOnlyRetryStrategy } from '../../src/aws/client.js';

const answer = (status: number | undefined, name = 'ThrottlingException') => Object.assign(new Error('x'), { name, ...(status === undefined ? {} : { $metadata: { httpStatusCode: status } }) });

describe('throttlingOnlyRetryStrategy', () => {
  it('retries a throttling answer (4xx), with growing delays, up to the attempt limit', async () => {
    const strategy = throttlingOnlyRetryStrategy();
    let token = await strategy.acquireInitialRetryToken('');
    const delays: number[] = [];
    for (let i = 1; i < THROTTLING_MAX_ATTEMPTS; i++) {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING', error: answer(400) });
      expect(token.getRetryCount()).toBe(i);
      delays.push(token.getRetryDelay());
    }
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual((THROTTLING_BASE_DELAY_MS * 2 ** i) / 2);
      expect(d).toBeLessThanOrEqual(THROTTLING_BASE_DELAY_MS * 2 ** i);
    });
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING', error: answer(400) })).rejects.toThrow();
  });

  it('never retries a 5xx, a transient failure or a lost connection, even one named as throttling', async () => {
    const strategy = throttlingOnlyRetryStrategy();
    const token = await strategy.acquireInitialRetryToken('');
    for (const info of [
      { errorType: 'SERVER_ERROR', error: answer(500, 'InternalException') },
      { errorType: 'TRANSIENT', error: answer(503, 'ServiceUnavailable') },
      { errorType: 'TRANSIENT', error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) },
      { errorType: 'THROTTLING', error: answer(503, 'SlowDown') },
      { errorType: 'THROTTLING', error: answer(undefined) },
      { errorType: 'CLIENT_ERROR', error: answer(400, 'InvalidRequestException') },
    ]) {
      await expect(strategy.refreshRetryTokenForRetry(token, info)).rejects.toThrow();
    }
  });

  it('waits at least as long as the service asks (Retry-After)', async () => {
    const strategy = throttlingOnlyRetryStrategy();
    const token = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(''), { errorType: 'THROTTLING', error: answer(429), retryAfterHint: new Date(Date.now() + 5_000) });
    expect(token.getRetryDelay()).toBeGreaterThan(4_000);
  });
});
