import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { QueueOverviewService } from '../queue-overview.service';
import { QueuePage, RetriedJobView } from './queue-overview.dto';

@ApiTags('Platform')
@Controller('api/v1/platform/queues')
export class PlatformQueuesController {
  constructor(private readonly queues: QueueOverviewService) {}

  @Get()
  @Access({ platform: ['platform_admin'] })
  @Endpoint({ summary: 'Job queues: counts by state and the recent failed jobs', type: QueuePage })
  overview() {
    return this.queues.overview();
  }

  @Post(':queue/jobs/:jobId/retry')
  @Access({ platform: ['platform_admin'] })
  @Endpoint({
    summary: 'Run a failed job again (a delivery also reopens its failed notification)',
    type: RetriedJobView,
    errors: [404, 409],
  })
  retry(@Param('queue') queue: string, @Param('jobId') jobId: string) {
    return this.queues.retry(queue, jobId);
  }
}
