import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { QueueOverviewService } from '../queue-overview.service';
import { QueuePage } from './queue-overview.dto';

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
}
