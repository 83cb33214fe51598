/**
 * Configuration comes from the environment, read once at cold start. A missing value stops the function at once with
 * a message naming the variable, instead of failing later on the first request that happens to need it.
 */
export class MissingEnvironmentError extends Error {
  constructor(readonly variable: string) {
    super(`Environment variable ${variable} is required but not set`);
    this.name = 'MissingEnvironmentError';
  }
}

/** The value of `name`; throws `MissingEnvironmentError` when it is unset or blank. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new MissingEnvironmentError(name);
  return value;
}

/** The value of `name`, or `undefined` when it is unset or blank. */
export function optionalEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
