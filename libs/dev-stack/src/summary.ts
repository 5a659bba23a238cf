export interface SummaryInput {
  apps: { name: string; port: number }[];
  postgres: string;
  kafka: string;
  meta: string;
  dataDir: string;
  logDir: string;
}

/** The startup summary of `npm start`: where everything is. */
export function formatSummary(input: SummaryInput): string {
  const width = Math.max(...input.apps.map((app) => app.name.length));
  const rows = input.apps.map(
    (app) =>
      `  ${app.name.padEnd(width)}  http://127.0.0.1:${app.port}   docs http://127.0.0.1:${app.port}/docs   log ${input.logDir}/${app.name}.log`,
  );
  return [
    '',
    'Parley is running.',
    ...rows,
    '',
    `  PostgreSQL  ${input.postgres}`,
    `  Kafka       ${input.kafka}`,
    `  Meta        ${input.meta}`,
    `  Data        ${input.dataDir} (kept across restarts)`,
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}
