import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseSendingWindow } from '../functions/checkins/sending-window';
import { isUkMobileE164 } from '../functions/shared/phone';

/*
 * Everything a deployer chooses, read from CDK context and checked before a single construct is built. Defaults live
 * in cdk.json (`context.linkwork.<stage>`), so a reader sees them; an optional JSON file given with
 * `-c configFile=path` is merged over them, so an organisation can keep its phone number and e-mail out of its clone.
 * dev is lenient (no alarm e-mail, no hosted sign-in domain, localhost origins); prod accepts no placeholder.
 */

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export interface SmsConfig {
  /** UK long code in E.164 (`+447…`), registered for two-way SMS: texts come from it and replies return to it. */
  readonly originationNumber?: string;
  /** Alphanumeric sender ID, one-way only: patients cannot reply to it. Used when there is no origination number. */
  readonly senderId?: string;
  /** When check-ins may go out, e.g. `Mon-Fri 09:00-18:00 Europe/London` (parsed by the dispatcher's own parser). */
  readonly sendingWindow: string;
  /** Messages per second the dispatcher may send; a UK long code takes about 10 message parts per second. */
  readonly ratePerSecond: number;
  /** The SNS SMS monthly spend limit set outside CDK, in USD; an alarm fires at 80% of it. */
  readonly monthlySpendLimitUsd?: number;
}

export interface AuthConfig {
  /** Prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`), globally unique. */
  readonly cognitoDomainPrefix?: string;
  /** Where the hosted sign-in may send users back to, with the authorisation code. */
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
}

export interface ApiConfig {
  /** Browser origins allowed to call the API (CORS preflight answered by API Gateway). */
  readonly corsAllowedOrigins: readonly string[];
  /** Steady-state requests per second across the API, and the burst above it. */
  readonly throttleRateLimit: number;
  readonly throttleBurstLimit: number;
  /** Concurrent executions reserved for (and capping) the GraphQL function. */
  readonly reservedConcurrency: number;
}

export interface AlarmConfig {
  /** Receives every alarm and recovery; required in prod. */
  readonly email?: string;
  /** Alarm when the oldest due check-in has waited longer than this. */
  readonly dispatcherLagSeconds: number;
  /** Alarm when more SMS deliveries than this fail in an hour. */
  readonly smsFailuresPerHour: number;
  /** Alarm when the SMS delivery success rate (0–1) over an hour falls below this. */
  readonly smsSuccessRateMin: number;
  /**
   * Alarm when a concern (a worrying text or a concern-level answer) has waited more than this many working hours
   * (the sending window's, less bank holidays) for anyone to acknowledge it. The clinical safety officer sets it.
   */
  readonly concernUnacknowledgedWorkingHours: number;
}

export interface LinkworkConfig {
  readonly stage: Stage;
  /** Pins the target account; required in prod so prod settings cannot be deployed into the wrong account. */
  readonly account?: string;
  readonly region: string;
  readonly logLevel: LogLevel;
  readonly logRetentionDays: (typeof LOG_RETENTION_DAYS)[number];
  readonly sms: SmsConfig;
  readonly auth: AuthConfig;
  readonly api: ApiConfig;
  readonly alarms: AlarmConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly stage: string,
    readonly issues: readonly string[],
  ) {
    super(
      `Linkwork configuration for stage "${stage}" is not valid (set it in cdk.json under context.linkwork.${stage}, ` +
        `or in a file passed with -c configFile=path):\n${issues.map((issue) => `  - ${issue}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

type Raw = Record<string, unknown>;

/** The context keys `loadConfig` reads; `app.node.tryGetContext` supplies them. */
export interface ConfigContext {
  stage?: unknown;
  linkwork?: unknown;
  configFile?: unknown;
}

/** Reads `-c stage=…` (default dev), the `linkwork` context object and the optional `-c configFile=…` file. */
export function loadConfig(context: ConfigContext, cwd: string = process.cwd()): LinkworkConfig {
  const stage = context.stage ?? 'dev';
  if (typeof stage !== 'string' || !(STAGES as readonly string[]).includes(stage)) {
    throw new ConfigError(String(stage), [`stage: must be one of ${STAGES.join(', ')} (got ${JSON.stringify(stage)})`]);
  }
  let settings: unknown = context.linkwork ?? {};
  if (context.configFile !== undefined) {
    if (typeof context.configFile !== 'string' || context.configFile.trim() === '') {
      throw new ConfigError(stage, ['configFile: must be a path to a JSON file']);
    }
    const path = isAbsolute(context.configFile) ? context.configFile : resolve(cwd, context.configFile);
    let fromFile: unknown;
    try {
      fromFile = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(stage, [`configFile: cannot read ${path} as JSON (${(error as Error).message})`]);
    }
    settings = deepMerge(settings, fromFile);
  }
  if (!isObject(settings)) throw new ConfigError(stage, ['linkwork: must be an object keyed by stage']);
  return parseConfig(stage as Stage, settings[stage]);
}

/** Validates one stage's settings; throws a ConfigError that lists every problem at once, each naming its key. */
export function parseConfig(stage: Stage, input: unknown): LinkworkConfig {
  const issues: string[] = [];
  const at = (key: string) => `linkwork.${stage}.${key}`;
  const prod = stage === 'prod';
  const raw: Raw = isObject(input) ? input : {};
  if (input !== undefined && !isObject(input)) issues.push(`linkwork.${stage}: must be an object`);

  const read = new Reader(raw, at, issues);
  const sms = read.object('sms');
  const auth = read.object('auth');
  const api = read.object('api');
  const alarms = read.object('alarms');

  const account = read.string('account', { required: prod, pattern: /^\d{12}$/, hint: 'a 12-digit AWS account id' });
  const region = read.string('region', { pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, hint: 'e.g. eu-west-2' }) ?? 'eu-west-2';
  const logLevel = read.oneOf('logLevel', LOG_LEVELS) ?? (prod ? 'INFO' : 'DEBUG');
  const logRetentionDays = read.oneOf('logRetentionDays', LOG_RETENTION_DAYS) ?? (prod ? 365 : 30);

  // SMS: who the texts come from is always the deployer's choice; prod refuses Ofcom's drama range.
  const originationNumber = sms.string('originationNumber', {
    check: (v) => (isUkMobileE164(v) ? undefined : 'must be a UK long code in E.164 form, e.g. +447700900123'),
  });
  if (prod && originationNumber && /^\+447700900\d{3}$/.test(originationNumber)) {
    issues.push(`${at('sms.originationNumber')}: is in Ofcom's drama range (fiction only); set your real long code`);
  }
  const senderId = sms.string('senderId', {
    pattern: /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/,
    hint: '3–11 letters and digits with at least one letter',
  });
  if (!sms.has('originationNumber') && !sms.has('senderId')) {
    issues.push(
      `${at('sms.originationNumber')}: required (or ${at('sms.senderId')}); a long code lets patients reply, a sender ID does not`,
    );
  }
  const sendingWindow =
    sms.string('sendingWindow', {
      required: prod,
      check: (v) => {
        try {
          parseSendingWindow(v);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
    }) ?? 'Mon-Fri 09:00-18:00 Europe/London';
  const ratePerSecond = sms.number('ratePerSecond', { required: prod, min: 0.1, max: 100 }) ?? 1;
  const monthlySpendLimitUsd = sms.number('monthlySpendLimitUsd', { min: 1, max: 1_000_000 });

  // Sign-in: prod needs the hosted domain and real https URLs to send people back to.
  const cognitoDomainPrefix = auth.string('cognitoDomainPrefix', {
    required: prod,
    pattern: /^(?!.*(aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    hint: 'lower-case letters, digits and hyphens, without "aws", "amazon" or "cognito"',
  });
  const callbackUrls = auth.urls('callbackUrls', { required: prod, httpsOnly: prod }) ?? ['http://localhost:5173/'];
  const logoutUrls = auth.urls('logoutUrls', { httpsOnly: prod }) ?? callbackUrls;

  const corsAllowedOrigins = api.origins('corsAllowedOrigins', { required: prod, httpsOnly: prod }) ?? [
    'http://localhost:5173',
  ];
  const throttleRateLimit =
    api.number('throttleRateLimit', { min: 1, max: 10_000, integer: true }) ?? (prod ? 100 : 20);
  const throttleBurstLimit =
    api.number('throttleBurstLimit', { min: 1, max: 5_000, integer: true }) ?? (prod ? 200 : 40);
  const reservedConcurrency =
    api.number('reservedConcurrency', { min: 1, max: 1_000, integer: true }) ?? (prod ? 50 : 5);

  const email = alarms.string('email', {
    required: prod,
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    hint: 'an e-mail address that receives alarms',
  });
  const dispatcherLagSeconds = alarms.number('dispatcherLagSeconds', { min: 60, max: 86_400, integer: true }) ?? 900;
  const smsFailuresPerHour = alarms.number('smsFailuresPerHour', { min: 0, max: 100_000, integer: true }) ?? 5;
  const smsSuccessRateMin = alarms.number('smsSuccessRateMin', { min: 0, max: 1 }) ?? 0.9;
  const concernUnacknowledgedWorkingHours =
    alarms.number('concernUnacknowledgedWorkingHours', { min: 0.25, max: 45 }) ?? 4;

  if (issues.length > 0) throw new ConfigError(stage, issues);
  return {
    stage,
    ...(account ? { account } : {}),
    region,
    logLevel,
    logRetentionDays,
    sms: {
      ...(originationNumber ? { originationNumber } : {}),
      ...(senderId ? { senderId } : {}),
      sendingWindow,
      ratePerSecond,
      ...(monthlySpendLimitUsd !== undefined ? { monthlySpendLimitUsd } : {}),
    },
    auth: { ...(cognitoDomainPrefix ? { cognitoDomainPrefix } : {}), callbackUrls, logoutUrls },
    api: { corsAllowedOrigins, throttleRateLimit, throttleBurstLimit, reservedConcurrency },
    alarms: {
      ...(email ? { email } : {}),
      dispatcherLagSeconds,
      smsFailuresPerHour,
      smsSuccessRateMin,
      concernUnacknowledgedWorkingHours,
    },
  };
}

interface StringRule {
  required?: boolean;
  pattern?: RegExp;
  hint?: string;
  /** Returns a problem, or undefined when the value is fine. */
  check?: (value: string) => string | undefined;
}

interface NumberRule {
  required?: boolean;
  min: number;
  max: number;
  integer?: boolean;
}

interface UrlRule {
  required?: boolean;
  httpsOnly?: boolean;
}

/** Reads typed values from one level of the settings, recording a problem (with its full key) instead of throwing. */
class Reader {
  constructor(
    private readonly raw: Raw,
    private readonly at: (key: string) => string,
    private readonly issues: string[],
  ) {}

  /** True when the key is set at all (even to a value that fails its checks). */
  has(key: string): boolean {
    const value = this.raw[key];
    return value !== undefined && value !== null && value !== '';
  }

  object(key: string): Reader {
    const value = this.raw[key];
    if (value !== undefined && !isObject(value)) this.issues.push(`${this.at(key)}: must be an object`);
    return new Reader(isObject(value) ? value : {}, (inner) => this.at(`${key}.${inner}`), this.issues);
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    const value = this.present(key, rule.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.problem(key, 'must be a string');
    if (rule.pattern && !rule.pattern.test(value)) return this.problem(key, `must be ${rule.hint ?? rule.pattern}`);
    const problem = rule.check?.(value);
    return problem ? this.problem(key, problem) : value;
  }

  number(key: string, rule: NumberRule): number | undefined {
    const value = this.present(key, rule.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.problem(key, 'must be a number');
    if (rule.integer && !Number.isInteger(value)) return this.problem(key, 'must be a whole number');
    if (value < rule.min || value > rule.max) return this.problem(key, `must be from ${rule.min} to ${rule.max}`);
    return value;
  }

  oneOf<T extends string | number>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.present(key, false);
    if (value === undefined) return undefined;
    if (!(allowed as readonly unknown[]).includes(value))
      return this.problem(key, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  urls(key: string, rule: UrlRule): string[] | undefined {
    return this.list(key, rule, (value) => {
      const url = tryUrl(value);
      if (!url) return 'is not a URL';
      if (rule.httpsOnly && url.protocol !== 'https:') return 'must use https';
      if (url.protocol !== 'https:' && !isLocalhost(url)) return 'must use https (http only for localhost)';
      return undefined;
    });
  }

  origins(key: string, rule: UrlRule): string[] | undefined {
    return this.list(key, rule, (value) => {
      if (value === '*') return 'must name origins; "*" would let any site call the API with a stolen token';
      const url = tryUrl(value);
      if (!url || url.origin !== value) return 'must be an origin like https://app.example.nhs.uk (no path or slash)';
      if (rule.httpsOnly && url.protocol !== 'https:') return 'must use https';
      if (url.protocol !== 'https:' && !isLocalhost(url)) return 'must use https (http only for localhost)';
      return undefined;
    });
  }

  private list(key: string, rule: UrlRule, check: (value: string) => string | undefined): string[] | undefined {
    const value = this.present(key, rule.required);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) return this.problem(key, 'must be a non-empty list');
    for (const [index, item] of value.entries()) {
      const problem = typeof item === 'string' ? check(item) : 'must be a string';
      if (problem) return this.problem(`${key}[${index}]`, `${JSON.stringify(item)} ${problem}`);
    }
    return value as string[];
  }

  private present(key: string, required = false): unknown {
    const value = this.raw[key];
    if (value === undefined || value === null || value === '') {
      if (required) this.issues.push(`${this.at(key)}: required`);
      return undefined;
    }
    return value;
  }

  private problem(key: string, message: string): undefined {
    this.issues.push(`${this.at(key)}: ${message}`);
    return undefined;
  }
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isLocalhost(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1';
}

/** Objects merge key by key; anything else (including lists) in `over` replaces what is in `base`. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: Raw = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = deepMerge(base[key], value);
  return merged;
}
