export * from './authenticated-app.config';
export * from './base-app.config';
export * from './load-config';
