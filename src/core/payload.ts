import type { StartTaskExecutionCommandInput } from '@aws-sdk/client-datasync';

/**
 * The exact `StartTaskExecution` request. Typed as the SDK's input, but a payload from
 * `set` or a hand-written request file may hold anything until the schema has passed it.
 */
export type Payload = StartTaskExecutionCommandInput;
