import { dataSourceOptions, prepared, statementName } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';

describe('prepared statements', () => {
  let database: TestDatabase;
  const open: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('foundation_it_prepared_statements');
  });

  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await database?.drop();
  });

  /** One connection, so the session asked about its prepared statements is the one that ran them. */
  async function connect(preparedStatements?: boolean): Promise<DataSource> {
    const options = { url: database.url, schema: 'public', entities: [], migrations: [], poolSize: 1 };
    const dataSource = await new DataSource(dataSourceOptions({ ...options, preparedStatements })).initialize();
    open.push(dataSource);
    return dataSource;
  }

  const preparedInSession = (dataSource: DataSource): Promise<Array<{ name: string; statement: string }>> =>
    dataSource.query('SELECT name, statement FROM pg_prepared_statements ORDER BY name');

  it('runs a declared statement as one named prepared statement of the connection, however often it runs', async () => {
    const dataSource = await connect();
    const text = prepared('SELECT $1::int + 1 AS next');

    expect(await dataSource.query(text, [1])).toEqual([{ next: 2 }]);
    expect(await dataSource.query(text, [41])).toEqual([{ next: 42 }]);

    expect(await preparedInSession(dataSource)).toEqual([{ name: statementName(text), statement: text }]);
  });

  it('leaves statements that were not declared unnamed', async () => {
    const dataSource = await connect();

    expect(await dataSource.query('SELECT $1::int * 2 AS twice', [21])).toEqual([{ twice: 42 }]);

    expect(await preparedInSession(dataSource)).toEqual([]);
  });

  it('prepares nothing when switched off', async () => {
    const dataSource = await connect(false);
    const text = prepared('SELECT $1::int - 1 AS previous');

    expect(await dataSource.query(text, [43])).toEqual([{ previous: 42 }]);

    expect(await preparedInSession(dataSource)).toEqual([]);
  });

  it('keeps driver errors as they were, and the connection usable', async () => {
    const dataSource = await connect();
    const text = prepared('SELECT 1 / $1::int AS quotient');

    await expect(dataSource.query(text, [0])).rejects.toThrow(/division by zero/);
    expect(await dataSource.query(text, [1])).toEqual([{ quotient: 1 }]);
  });
});
