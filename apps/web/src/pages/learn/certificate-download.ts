import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

/**
 * Downloads a certificate's PDF through the signed-in api client (the bearer token in a header, never in a URL)
 * and hands it to the browser as a file.
 */
export async function downloadCertificate(id: string): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/v1/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }),
  );
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `certificate-${id}.pdf`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
