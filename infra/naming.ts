import type { Stage } from './config';

/*
 * Physical names follow one pattern per stage, so two stages can share an account and the key policy can scope
 * service principals (CloudWatch Logs, CloudWatch alarms) to this stage's resources by prefix, without referring to
 * resources that do not exist yet.
 */

/** `linkwork-dev-dispatcher`: functions, topics, schedules, the table. */
export function resourceName(stage: Stage, name: string): string {
  return `linkwork-${stage}-${name}`;
}

/** Every log group of a stage lives under `/linkwork/<stage>/`. */
export function logGroupPrefix(stage: Stage): string {
  return `/linkwork/${stage}/`;
}

/** Every alarm of a stage is named `linkwork-<stage>-…`. */
export function alarmPrefix(stage: Stage): string {
  return `linkwork-${stage}-`;
}

/** Names of the two stacks a stage deploys. */
export function stackNames(stage: Stage): { stateful: string; stateless: string } {
  return { stateful: `Linkwork-${stage}-Stateful`, stateless: `Linkwork-${stage}-Stateless` };
}
