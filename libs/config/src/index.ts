export * from './base-app.config';
export * from './load-config';
