import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../infra/config';
import { cdkJsonContext, PROD_SETTINGS } from './support';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('returns the dev settings in cdk.json when no stage is given', () => {
    const config = loadConfig({ linkwork: cdkJsonContext().linkwork });

    expect(config).toMatchObject({
      stage: 'dev',
      region: 'eu-west-2',
      logLevel: 'DEBUG',
      sms: { originationNumber: '+447700900123', sendingWindow: 'Mon-Fri 09:00-18:00 Europe/London', ratePerSecond: 1 },
      api: { corsAllowedOrigins: ['http://localhost:5173'] },
    });
    expect(config.alarms.email).toBeUndefined();
    expect(config.auth.cognitoDomainPrefix).toBeUndefined();
  });

  it('throws for prod from cdk.json alone, naming every key a deployer must set', () => {
    const issues = issuesOf(() => loadConfig({ stage: 'prod', linkwork: cdkJsonContext().linkwork }));

    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^linkwork\.prod\.account: required/),
        expect.stringMatching(/^linkwork\.prod\.sms\.originationNumber: required \(or linkwork\.prod\.sms\.senderId\)/),
        expect.stringMatching(/^linkwork\.prod\.sms\.ratePerSecond: required/),
        expect.stringMatching(/^linkwork\.prod\.auth\.cognitoDomainPrefix: required/),
        expect.stringMatching(/^linkwork\.prod\.auth\.callbackUrls: required/),
        expect.stringMatching(/^linkwork\.prod\.api\.corsAllowedOrigins: required/),
        expect.stringMatching(/^linkwork\.prod\.alarms\.email: required/),
      ]),
    );
  });

  it('merges a -c configFile over cdk.json, so private settings can live outside the clone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkwork-config-'));
    writeFileSync(join(dir, 'prod.json'), JSON.stringify({ prod: PROD_SETTINGS }));

    const config = loadConfig({ stage: 'prod', linkwork: cdkJsonContext().linkwork, configFile: 'prod.json' }, dir);

    expect(config.alarms.email).toBe('linkwork-alerts@example.nhs.uk');
    expect(config.sms.sendingWindow).toBe('Mon-Fri 09:00-18:00 Europe/London');
    expect(config.account).toBe('123456789012');
  });

  it('throws when the config file cannot be read', () => {
    const issues = issuesOf(() => loadConfig({ stage: 'dev', configFile: '/nonexistent/linkwork.json' }));

    expect(issues).toEqual([expect.stringMatching(/^configFile: cannot read \/nonexistent\/linkwork\.json/)]);
  });

  it('throws for an unknown stage', () => {
    expect(() => loadConfig({ stage: 'staging' })).toThrow(/stage: must be one of dev, prod/);
  });
});

describe('parseConfig', () => {
  it('returns a complete prod configuration with tuning defaults', () => {
    const config = parseConfig('prod', PROD_SETTINGS);

    expect(config).toMatchObject({
      stage: 'prod',
      logLevel: 'INFO',
      logRetentionDays: 365,
      api: { throttleRateLimit: 100, throttleBurstLimit: 200, reservedConcurrency: 50 },
      alarms: {
        dispatcherLagSeconds: 900,
        smsFailuresPerHour: 5,
        smsSuccessRateMin: 0.9,
        concernUnacknowledgedWorkingHours: 4,
      },
    });
  });

  it('throws when prod uses a number from the Ofcom drama range', () => {
    const settings = { ...PROD_SETTINGS, sms: { ...PROD_SETTINGS.sms, originationNumber: '+447700900123' } };

    expect(issuesOf(() => parseConfig('prod', settings))).toEqual([
      expect.stringMatching(/^linkwork\.prod\.sms\.originationNumber: is in Ofcom's drama range/),
    ]);
  });

  it('accepts a sender ID instead of a long code', () => {
    const { originationNumber: _, ...sms } = PROD_SETTINGS.sms;

    const config = parseConfig('prod', { ...PROD_SETTINGS, sms: { ...sms, senderId: 'LinkWork' } });

    expect(config.sms).toMatchObject({ senderId: 'LinkWork' });
    expect(config.sms.originationNumber).toBeUndefined();
  });

  it('throws for a sending window the dispatcher could not parse', () => {
    const settings = { sms: { originationNumber: '+447700900123', sendingWindow: 'weekdays 9 to 6' } };

    expect(issuesOf(() => parseConfig('dev', settings))).toEqual([
      expect.stringMatching(
        /^linkwork\.dev\.sms\.sendingWindow: .*must look like "Mon-Fri 09:00-18:00 Europe\/London"/,
      ),
    ]);
  });

  it('throws for values of the wrong shape, one issue per key', () => {
    const settings = {
      logRetentionDays: 31,
      sms: { originationNumber: '07700 900123', ratePerSecond: 0 },
      api: { corsAllowedOrigins: ['*'], throttleRateLimit: 2.5 },
      alarms: { email: 'not-an-address', smsSuccessRateMin: 90 },
    };

    expect(issuesOf(() => parseConfig('dev', settings))).toEqual([
      expect.stringMatching(/^linkwork\.dev\.logRetentionDays: must be one of 1, 3, 5/),
      expect.stringMatching(/^linkwork\.dev\.sms\.originationNumber: must be a UK long code in E\.164 form/),
      expect.stringMatching(/^linkwork\.dev\.sms\.ratePerSecond: must be from 0\.1 to 100/),
      expect.stringMatching(/^linkwork\.dev\.api\.corsAllowedOrigins\[0\]: "\*" must name origins/),
      expect.stringMatching(/^linkwork\.dev\.api\.throttleRateLimit: must be a whole number/),
      expect.stringMatching(/^linkwork\.dev\.alarms\.email: must be an e-mail address/),
      expect.stringMatching(/^linkwork\.dev\.alarms\.smsSuccessRateMin: must be from 0 to 1/),
    ]);
  });

  it('throws when prod allows plain http', () => {
    const settings = { ...PROD_SETTINGS, api: { corsAllowedOrigins: ['http://linkwork.example.nhs.uk'] } };

    expect(issuesOf(() => parseConfig('prod', settings))).toEqual([
      expect.stringMatching(/^linkwork\.prod\.api\.corsAllowedOrigins\[0\]: .* must use https/),
    ]);
  });

  it('throws for a Cognito domain prefix Cognito would refuse', () => {
    const settings = { ...PROD_SETTINGS, auth: { ...PROD_SETTINGS.auth, cognitoDomainPrefix: 'my-cognito-login' } };

    expect(issuesOf(() => parseConfig('prod', settings))).toEqual([
      expect.stringMatching(/^linkwork\.prod\.auth\.cognitoDomainPrefix: must be lower-case letters/),
    ]);
  });
});
