import { ConfigurationError } from '../../../functions/checkins/errors';
import { dispatcherConfig, inboundConfig } from '../../../functions/checkins/handlers/config';

describe('dispatcherConfig', () => {
  it('returns defaults for the window, rate and budget', () => {
    const config = dispatcherConfig({ TABLE_NAME: 't', SMS_ORIGINATION_NUMBER: '+447700900999' });

    expect(config).toMatchObject({ tableName: 't', ratePerSecond: 10, runBudgetMs: 58_000 });
    expect(config.window.spec).toBe('Mon-Fri 09:00-18:00 Europe/London');
  });

  it('throws when the table, the sender or the window is missing or wrong', () => {
    expect(() => dispatcherConfig({ SMS_ORIGINATION_NUMBER: '+447700900999' })).toThrow(ConfigurationError);
    expect(() => dispatcherConfig({ TABLE_NAME: 't' })).toThrow(ConfigurationError);
    expect(() => dispatcherConfig({ TABLE_NAME: 't', SMS_SENDER_ID: 'X', SENDING_WINDOW: 'always' })).toThrow(
      ConfigurationError,
    );
    expect(() => dispatcherConfig({ TABLE_NAME: 't', SMS_SENDER_ID: 'X', SMS_RATE_PER_SECOND: '-1' })).toThrow(
      ConfigurationError,
    );
    expect(() => inboundConfig({ TABLE_NAME: 't', SMS_ORIGINATION_NUMBER: '07700900999' })).toThrow(ConfigurationError);
  });
});
