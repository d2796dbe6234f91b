import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { NotificationsService } from '../notifications.service';
import { NotificationPage, NotificationQuery } from './notification.dto';

@ApiTags('Notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access({ org: ['org_admin', 'educator'] })
  @Endpoint({
    summary: 'Outbox of the organization: what mail is owed, sent or failed',
    type: NotificationPage,
  })
  list(@Query() query: NotificationQuery) {
    return this.notifications.list(query);
  }
}
