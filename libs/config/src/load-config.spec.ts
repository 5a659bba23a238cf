import { BaseAppConfig } from './base-app.config';
import { ConfigValidationError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  const valid = { PORT: '3000', DATABASE_URL: 'postgres://parley@127.0.0.1:5432/parley' };

  it('converts and defaults every setting', () => {
    const sut = loadConfig({ app: BaseAppConfig }, valid);
    expect(sut.app).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 5,
      DATABASE_PREPARED_STATEMENTS: true,
      HOST: '0.0.0.0',
    });
  });

  it('reads a switch from true or false, and refuses anything else', () => {
    const off = loadConfig({ app: BaseAppConfig }, { ...valid, DATABASE_PREPARED_STATEMENTS: 'false' });
    expect(off.app.DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(() => loadConfig({ app: BaseAppConfig }, { ...valid, DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS must be true or false/,
    );
  });

  it('names every bad or missing variable in one line', () => {
    const attempt = () => loadConfig({ app: BaseAppConfig }, { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigValidationError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).not.toContain('\n');
    expect(message).toContain('PORT must be an integer');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('DATABASE_URL must be a postgres:// URL');
  });

  it.each(['mysql://x@y/z', 'not-a-url'])('rejects %s as DATABASE_URL', (url) => {
    expect(() => loadConfig({ app: BaseAppConfig }, { ...valid, DATABASE_URL: url })).toThrow(/DATABASE_URL/);
  });

  it('rejects a database URL of another scheme', () => {
    expect(() => loadConfig({ app: BaseAppConfig }, { ...valid, DATABASE_URL: 'mysql://x@y/z' })).toThrow(
      /DATABASE_URL/,
    );
  });
});
