export * from './test-database';
export * from './erasure-request';
