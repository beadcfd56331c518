/**
 * The AWS sources that rules derive from, with the labels of the project's constraints
 * reference (`reference/start-task-execution-constraints.md`, §3).
 */
import type { RuleSource } from './create-rule.js';

const UG = 'https://docs.aws.amazon.com/datasync/latest/userguide/';

/** One source, labelled with its §3 rule number in the constraints reference. */
function source(label: string, url: string) {
  return (section: number): RuleSource => ({ label: `${label} (constraints §3.${section})`, url });
}

export const API_OPTIONS = source('API reference: Options', `${UG}API_Options.html`);
export const MODEL = source('DataSync API model (datasync-2018-11-09)', 'https://github.com/aws/api-models-aws/blob/main/models/datasync/service/2018-11-09/datasync-2018-11-09.json');
export const UG_FILTER = source('User Guide: Transferring specific files, objects, and folders by using filters', `${UG}filtering.html`);
export const UG_MANIFEST = source('User Guide: Transferring specific files or objects by using a manifest', `${UG}transferring-with-manifest.html`);
export const UG_METADATA = source('User Guide: Configuring how to handle files, objects, and metadata', `${UG}configure-metadata.html`);
export const UG_VERIFY = source('User Guide: Configuring how AWS DataSync verifies data integrity', `${UG}configure-data-verification-options.html`);
export const UG_MODE = source('User Guide: Choosing a task mode for your data transfer', `${UG}choosing-task-mode.html`);
export const UG_S3 = source('User Guide: Storage class considerations with Amazon S3 transfers', `${UG}create-s3-location.html#using-storage-classes`);
export const UG_LIMITS = source('User Guide: AWS DataSync quotas', `${UG}datasync-limits.html`);
export const UG_LOGGING = source('User Guide: Monitoring data transfers with Amazon CloudWatch Logs', `${UG}configure-logging.html`);
export const UG_REPORT = source('User Guide: Creating your DataSync task reports', `${UG}creating-task-report.html`);
export const UG_BW = source('User Guide: Setting bandwidth limits for your AWS DataSync task', `${UG}configure-bandwidth.html`);
export const UG_META_COPIED = source('User Guide: Understanding how DataSync handles file and object metadata', `${UG}metadata-copied.html`);
export const CFN_TASK = source(
  'CloudFormation registry schema AWS::DataSync::Task',
  'https://github.com/hashicorp/terraform-provider-awscc/blob/main/internal/service/cloudformation/schemas/AWS_DataSync_Task.json',
);
