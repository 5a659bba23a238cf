export * from './create-app';
export * from './run-app';
export * from './platform-modules';
