import { EndUserMessagingSmsSender } from '../adapters/end-user-messaging-sms-sender';
import { SnsSmsSender } from '../adapters/sns-sms-sender';
import { ConfigurationError } from '../errors';
import { DEFAULT_SEGMENT_CAP } from '../policy';
import type { SmsSender } from '../ports';
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

/** A whole number from 1 to 100, or the fallback when unset. */
function segmentCap(env: Env, fallback: number): number {
  const raw = env.SMS_SEGMENT_CAP?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new ConfigurationError('SMS_SEGMENT_CAP must be a whole number from 1 to 100');
  }
  return value;
}

export interface SenderConfig {
  originationNumber?: string;
  senderId?: string;
  /** The End User Messaging configuration set (production); without one, texts go through SNS Publish. */
  configurationSetName?: string;
}

function senderConfig(env: Env): SenderConfig {
  const originationNumber = env.SMS_ORIGINATION_NUMBER?.trim() || undefined;
  const senderId = env.SMS_SENDER_ID?.trim() || undefined;
  const configurationSetName = env.SMS_CONFIGURATION_SET?.trim() || undefined;
  if (!originationNumber && !senderId) {
    throw new ConfigurationError('SMS_ORIGINATION_NUMBER (two-way, preferred) or SMS_SENDER_ID is required');
  }
  if (originationNumber && !/^\+[1-9][0-9]{6,14}$/.test(originationNumber)) {
    throw new ConfigurationError('SMS_ORIGINATION_NUMBER must be an E.164 number');
  }
  return { originationNumber, senderId, ...(configurationSetName ? { configurationSetName } : {}) };
}

export interface DispatcherConfig {
  tableName: string;
  sender: SenderConfig;
  window: SendingWindow;
  ratePerSecond: number;
  runBudgetMs: number;
  /** Routine SMS segments per patient per referral (DispatchPolicy.segmentCap). */
  segmentCap: number;
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
    segmentCap: segmentCap(env, DEFAULT_SEGMENT_CAP),
  };
}

export interface InboundConfig {
  tableName: string;
  sender: SenderConfig;
  /** Routine SMS segments per patient per referral (a re-ask or next question past it is not sent). */
  segmentCap: number;
}

export function inboundConfig(env: Env = process.env): InboundConfig {
  return {
    tableName: required(env, 'TABLE_NAME'),
    sender: senderConfig(env),
    segmentCap: segmentCap(env, DEFAULT_SEGMENT_CAP),
  };
}

/**
 * The SMS sender a deployed function uses: End User Messaging `SendTextMessage` with the configuration set whose
 * events are the delivery receipts (production, set by CDK); SNS `Publish` only where no configuration set is named.
 */
export function smsSenderFor(sender: SenderConfig): SmsSender {
  return sender.configurationSetName
    ? new EndUserMessagingSmsSender({ ...sender, configurationSetName: sender.configurationSetName })
    : new SnsSmsSender(sender);
}
