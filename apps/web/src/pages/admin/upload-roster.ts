import type { components } from '../../api/schema';
import { ApiError } from '../../api/api-error';
import { refreshSession } from '../../session/session.service';
import { sessionStore } from '../../session/session.store';

export type ImportResult = components['schemas']['ImportResultView'];

export interface UploadProgress {
  /** Bytes sent so far, 0..1; then the server works on it. */
  sent: number;
  phase: 'uploading' | 'processing';
}

function send(
  file: File,
  dryRun: boolean,
  token: string | null,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/members/import?dryRun=${dryRun}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded / event.total, phase: 'uploading' });
    };
    xhr.upload.onload = () => onProgress({ sent: 1, phase: 'processing' });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body, retryAfter: xhr.getResponseHeader('Retry-After') });
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(file);
  });
}

/**
 * `POST /api/v1/members/import` through XMLHttpRequest, because fetch reports no upload progress. Like the api
 * client's middleware it refreshes the session once on a 401 and sends the file again.
 */
export async function uploadRoster(
  file: File,
  dryRun: boolean,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportResult> {
  let answer = await send(file, dryRun, sessionStore.accessToken(), onProgress);
  if (answer.status === 401) {
    const token = await refreshSession();
    if (token) answer = await send(file, dryRun, token, onProgress);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as ImportResult;
  const retryAfter = Number(answer.retryAfter);
  throw new ApiError(
    answer.status,
    answer.body,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/** The row errors of a refused file (422), as the api lists them. */
export function rowErrors(error: unknown): Array<{ row: number; field: string; message: string }> {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const errors = (
    error.problem as { errors?: Array<{ row?: number; field: string; message: string }> } | null
  )?.errors;
  return (errors ?? []).map((e) => ({ row: e.row ?? 0, field: e.field, message: e.message }));
}
