export * from './webhooks/webhook-payload.types';
export * from './webhooks/webhook-signature';
export * from './webhooks/signed-request';
export * from './webhooks/webhook-body';
export * from './webhooks/canonical-json';
export * from './webhooks/normalize-delivery';
export * from './webhooks/meta-fixtures';
