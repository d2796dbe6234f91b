export * from './app-config';
export * from './config.module';
export * from './config.token';
export * from './duration';
export * from './state-approvals';
