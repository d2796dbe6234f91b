import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { NotificationRetry } from '../notification-retry.service';
import { NotificationsService } from '../notifications.service';
import { NotificationPage, NotificationQuery, NotificationView } from './notification.dto';

@ApiTags('Notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly retries: NotificationRetry,
  ) {}

  @Get()
  @Access({ org: ['org_admin', 'educator'] })
  @Endpoint({
    summary: 'Outbox of the organization: what mail is owed, sent or failed',
    type: NotificationPage,
  })
  list(@Query() query: NotificationQuery) {
    return this.notifications.list(query);
  }

  @Post(':id/retry')
  @Access({ org: ['org_admin'] })
  @Endpoint({
    summary: 'Send a failed notification again: back to pending, its attempts and last error kept',
    type: NotificationView,
    errors: [404, 409],
  })
  retry(@Param('id', IdParamPipe) id: string) {
    return this.retries.retry(id);
  }
}
