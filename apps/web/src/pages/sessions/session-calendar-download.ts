import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

/**
 * Downloads the session's calendar invite through the signed-in api client (the bearer token in a header, never in
 * a URL) and hands it to the browser as a file the calendar app opens.
 */
export async function downloadSessionCalendar(id: string): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/v1/live-sessions/{id}/ics', { params: { path: { id } }, parseAs: 'blob' }),
  );
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `session-${id}.ics`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
