import type { RetrievedChunk, SourceVisibility } from '../retrieval/retrieved-chunk.js';
import type { GenerationProvider } from './generation-provider.js';

/**
 * Which visibility levels may be sent to which provider. Staff-only sources never leave for a
 * provider we do not host; public and members content may (after redaction). The extractive
 * provider runs in-process, so it reads everything the asker may read.
 */
export function allowedVisibilities(provider: Pick<GenerationProvider, 'hostedOnPremises'>): ReadonlySet<SourceVisibility> {
  return provider.hostedOnPremises ? new Set(['public', 'members', 'staff']) : new Set(['public', 'members']);
}

export function chunksAllowedFor(provider: Pick<GenerationProvider, 'hostedOnPremises'>, chunks: readonly RetrievedChunk[]): RetrievedChunk[] {
  const allowed = allowedVisibilities(provider);
  return chunks.filter((chunk) => allowed.has(chunk.visibility));
}
