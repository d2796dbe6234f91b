import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '@beacon/core/http';
import { NotificationRepository } from './notification.repository';
import { toNotificationView } from './notification.view';
import { NotificationQuery, NotificationView } from './http/notification.dto';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly tx: TenantTransaction,
  ) {}

  list(query: NotificationQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.repository.list(
          { kind: query.kind, recipient: query.recipient, status: query.status },
          after,
          limit,
        ),
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        toNotificationView,
      ),
    );
  }
}
