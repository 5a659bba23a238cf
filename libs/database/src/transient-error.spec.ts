import { isTransientDatabaseError } from './transient-error';

const pgError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe(isTransientDatabaseError.name, () => {
  it.each([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      true,
    ],
    ['connection failure (08006)', pgError('08006'), true],
    ['too many connections (53300)', pgError('53300'), true],
    ['admin shutdown (57P01)', pgError('57P01'), true],
    ['serialization failure', pgError('40001'), true],
    ['deadlock', pgError('40P01'), true],
    ['lock not available', pgError('55P03'), true],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: pgError('57P03') }), true],
    ['a dropped connection, in words', new Error('Connection terminated unexpectedly'), true],
    ['a pool timeout', new Error('timeout exceeded when trying to connect'), true],
    ['unique violation', pgError('23505'), false],
    ['undefined table', pgError('42P01'), false],
    ['query canceled by statement timeout (57014)', pgError('57014'), false],
    ['a bug', new TypeError('x is undefined'), false],
    ['not an error', 'down', false],
  ])('%s → %p', (_name, error, expected) => {
    expect(isTransientDatabaseError(error)).toBe(expected);
  });
});
