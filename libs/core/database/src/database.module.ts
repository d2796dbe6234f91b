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
        extra: { max: 10, connectionTimeoutMillis: 5_000 },
        applicationName: 'beacon',
      }),
    }),
  ],
  providers: [TenantTransaction, OrganizationDirectory, GroupCommit],
  exports: [TenantTransaction, OrganizationDirectory, GroupCommit],
})
export class DatabaseModule {}
