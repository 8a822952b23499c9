import { networkProblem, toApiProblem } from '../../core/api/api-problem';

/** `attachment; filename="x.xml"` → `x.xml`. */
function attachmentName(disposition: string | null): string | null {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  return match?.[1] ?? null;
}

/**
 * Fetches a file the API serves (PDF, pain.008 XML, FEC) with the session cookie and hands it to the
 * browser as a download, named as the server's Content-Disposition says (else `fallbackName`).
 * Refusals come back as problem+json and are thrown as ApiProblem.
 */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { accept: `${accept}, application/problem+json` } });
  } catch (cause) {
    throw networkProblem(cause);
  }
  if (!response.ok) throw toApiProblem(await response.json().catch(() => undefined), response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = attachmentName(response.headers.get('content-disposition')) ?? fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
