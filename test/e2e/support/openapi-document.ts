import { stringify } from 'yaml';

export interface AppDocument {
  app: string;
  port: number;
  document: { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } };
}

/**
 * One OpenAPI 3.1 document for all apps: each path keeps the app that serves it as its `servers` entry;
 * paths every app serves (health) are listed once with every app as a server.
 */
export function mergeOpenApi(apps: AppDocument[]): string {
  const paths: Record<string, Record<string, unknown> & { servers: { url: string; description: string }[] }> = {};
  const schemas: Record<string, unknown> = {};
  for (const { app, port, document } of [...apps].sort((a, b) => a.port - b.port)) {
    for (const [route, operations] of Object.entries(document.paths).sort(([a], [b]) => a.localeCompare(b))) {
      const server = { url: `http://127.0.0.1:${port}`, description: app };
      paths[route] ??= { servers: [] };
      Object.assign(paths[route], operations);
      paths[route].servers.push(server);
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
        throw new Error(`Schema ${name} differs between apps; give one of them another name`);
      }
      schemas[name] = schema;
    }
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return stringify({
    openapi: '3.1.0',
    info: {
      title: 'Parley',
      version: '1',
      description:
        'REST API of every Parley app (generated from the code by `npm run openapi`). Each path names the app that serves it in `servers`. CRM routes need a bearer JWT from tokens (`POST /oauth/token`).',
    },
    paths: sortedPaths,
    components: {
      schemas: sortedSchemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  });
}
