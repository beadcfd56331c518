/** Usage errors: wrong commands, flags or arguments. They exit 2. */
export class UsageError extends Error {}
