import { ConfigurationError } from '../errors';
import { parseSendingWindow, type SendingWindow } from '../sending-window';

/*
 * Environment, read once and checked at cold start: a misconfigured function fails at once, loudly, instead of
 * sending texts from the wrong number or at the wrong hours.
 */

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigurationError(`Environment variable ${name} is required`);
  return value;
}

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigurationError(`${name} must be a positive number`);
  return value;
}

export interface SenderConfig {
  originationNumber?: string;
  senderId?: string;
}

function senderConfig(env: Env): SenderConfig {
  const originationNumber = env.SMS_ORIGINATION_NUMBER?.trim() || undefined;
  const senderId = env.SMS_SENDER_ID?.trim() || undefined;
  if (!originationNumber && !senderId) {
    throw new ConfigurationError('SMS_ORIGINATION_NUMBER (two-way, preferred) or SMS_SENDER_ID is required');
  }
  if (originationNumber && !/^\+[1-9][0-9]{6,14}$/.test(originationNumber)) {
    throw new ConfigurationError('SMS_ORIGINATION_NUMBER must be an E.164 number');
  }
  return { originationNumber, senderId };
}

export interface DispatcherConfig {
  tableName: string;
  sender: SenderConfig;
  window: SendingWindow;
  ratePerSecond: number;
  runBudgetMs: number;
}

export function dispatcherConfig(env: Env = process.env): DispatcherConfig {
  let window: SendingWindow;
  try {
    window = parseSendingWindow(env.SENDING_WINDOW?.trim() || undefined);
  } catch (error) {
    throw new ConfigurationError(`SENDING_WINDOW: ${(error as Error).message}`);
  }
  return {
    tableName: required(env, 'TABLE_NAME'),
    sender: senderConfig(env),
    window,
    ratePerSecond: positiveNumber(env, 'SMS_RATE_PER_SECOND', 10),
    runBudgetMs: positiveNumber(env, 'RUN_BUDGET_MS', 58_000),
  };
}

export interface InboundConfig {
  tableName: string;
  sender: SenderConfig;
}

export function inboundConfig(env: Env = process.env): InboundConfig {
  return { tableName: required(env, 'TABLE_NAME'), sender: senderConfig(env) };
}
