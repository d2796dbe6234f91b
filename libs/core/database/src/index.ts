export * from './actor';
export * from './database.module';
export * from './execution-context';
export * from './organization-directory.service';
export * from './postgres-errors';
export * from './tenant-transaction.service';
export * from './sql';
export * from './member-scope.sql';
