export * from './domain-error';
export * from './error-codes';
export * from './problem-details';
export * from './problem-details.filter';
