import { Controller, Get, HttpCode } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ProblemResponse, Problems, Public } from '@beacon/core/http';
import { RedisClient } from '@beacon/core/queue';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('Health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'PostgreSQL and Redis answer' })
  @ApiResponse({ status: 200, description: 'PostgreSQL and Redis answer (checks: postgres, redis up)' })
  @ProblemResponse(503, 'A dependency is down; the detail names which.')
  async ready() {
    const [postgres, redis] = await Promise.all([
      // A round trip on a pooled connection, outside any tenant transaction (which the typed helpers need).
      withTimeout(this.dataSource.query('SELECT 1')).then(
        () => 'up',
        () => 'down',
      ),
      withTimeout(this.redis.client.ping()).then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const checks = { postgres, redis };
    if (postgres !== 'up' || redis !== 'up') {
      throw Problems.unavailable(
        `Not ready: ${Object.entries(checks)
          .filter(([, s]) => s !== 'up')
          .map(([n]) => n)
          .join(', ')} down.`,
      );
    }
    return { status: 'ok', checks };
  }
}
