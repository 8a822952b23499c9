import { networkProblem, toApiProblem } from '../../../core/api/api-problem';

/**
 * `POST /api/v1/media` as multipart through XMLHttpRequest, the only browser API that reports
 * upload progress. Resolves with the created media file; rejects with an ApiProblem.
 */
export function uploadMedia(file: File, csrfToken: string | null, onProgress: (percent: number) => void, fields: { alt?: string; title?: string } = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/media');
    request.withCredentials = true;
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(networkProblem(new Error('upload failed')));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(toApiProblem(body, new Response(null, { status: request.status, headers: { 'x-request-id': request.getResponseHeader('x-request-id') ?? '' } })));
    };
    const form = new FormData();
    // Fields before the file: the server reads the multipart stream in order.
    for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
    form.append('file', file, file.name);
    request.send(form);
  });
}
