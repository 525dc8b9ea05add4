import { z } from 'zod';
import { ConfigurationError, envBrokerList, envPort, envPostgresUrl, loadConfig } from './index';

const schema = z.object({
  PORT: envPort(3000),
  DATABASE_URL: envPostgresUrl,
  KAFKA_BROKERS: envBrokerList,
});

describe('loadConfig', () => {
  it('given a complete environment, when loaded, then it yields typed values and defaults', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://turnout@127.0.0.1:5432/voting_ledger',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
    });
    expect(config).toEqual({
      PORT: 3000,
      DATABASE_URL: 'postgres://turnout@127.0.0.1:5432/voting_ledger',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
    });
  });

  it('given a missing variable, when loaded, then the error names it and what it expects', () => {
    expect(() => loadConfig(schema, { KAFKA_BROKERS: '127.0.0.1:9092' })).toThrow(
      new ConfigurationError(
        'configuration: DATABASE_URL is missing: expected a PostgreSQL URL like postgres://user@127.0.0.1:5432/voting_ledger',
      ),
    );
  });

  it('given malformed variables, when loaded, then every one is named in one line', () => {
    const load = () =>
      loadConfig(schema, { PORT: '70000', DATABASE_URL: 'mysql://x/y', KAFKA_BROKERS: 'localhost' });
    expect(load).toThrow(/PORT="70000" is invalid: expected a TCP port between 1 and 65535/);
    expect(load).toThrow(/DATABASE_URL="mysql:\/\/x\/y" is invalid: expected a PostgreSQL URL/);
    expect(load).toThrow(/KAFKA_BROKERS="localhost" is invalid: expected a comma-separated list/);
    expect(load).not.toThrow(/\n/);
  });

  it('given a password in a malformed URL, when reported, then the password is masked', () => {
    expect(() =>
      loadConfig(schema, { DATABASE_URL: 'http://admin:s3cret@db/x', KAFKA_BROKERS: 'k:9092' }),
    ).toThrow(/admin:\*\*\*@db/);
  });

  it('given an empty variable, when loaded, then it counts as missing', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: ' ', KAFKA_BROKERS: '127.0.0.1:9092' })).toThrow(
      /DATABASE_URL is missing/,
    );
  });
});
