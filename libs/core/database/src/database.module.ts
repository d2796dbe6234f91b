import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { GroupCommit } from './group-commit.service';
import { OrganizationDirectory } from './organization-directory.service';
import { TenantTransaction } from './tenant-transaction.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseAppUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: false,
        // A request waits this long for a pooled connection, then answers 503 (see ProblemFilter). A burst queued on
        // one row lock (50 people taking the last seats of a session at once) must wait its turn, not be shed.
        extra: { max: 10, connectionTimeoutMillis: 15_000 },
        applicationName: 'beacon',
      }),
    }),
  ],
  providers: [TenantTransaction, OrganizationDirectory, GroupCommit],
  exports: [TenantTransaction, OrganizationDirectory, GroupCommit],
})
export class DatabaseModule {}
