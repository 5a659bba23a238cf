export * from './stack-plan';
export * from './app-process';
