import { notifications } from '@mantine/notifications';

/** A short confirmation toast; its close button is named by the theme (see useLocalizedTheme). */
export function notify(message: string, tone: 'success' | 'failure' = 'success'): void {
  notifications.show({ message, color: tone === 'success' ? 'teal.9' : 'red.9' });
}
