import { notifications } from '@mantine/notifications';

/**
 * A short confirmation toast. Without a close button: Mantine's has no accessible name, and the toast goes by
 * itself; the change it confirms is already on the page.
 */
export function notify(message: string, tone: 'success' | 'failure' = 'success'): void {
  notifications.show({ message, color: tone === 'success' ? 'teal.9' : 'red.9', withCloseButton: false });
}
