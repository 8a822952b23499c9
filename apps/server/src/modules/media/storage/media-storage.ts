import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/http/errors.js';

/**
 * Where media bytes live. Keys are `<entity id>/<media id>/<name>`: under DATA_DIR/media that is the
 * per-entity layout the backup and the reversibility export already copy. Objects are written once
 * and never changed (a new upload is a new key), which is what lets delivery cache them for a year.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /** Writes the whole object or nothing: a reader never sees a partial file under `key`. */
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream, or null when there is no such object. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,3}$/;

/** Refuses keys that could leave the media root (`..`, absolute paths, odd characters). */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`Refusing the malformed media storage key "${key}"`);
  }
}

/** 507: the disk holding DATA_DIR/media is full (ENOSPC) or the quota is reached (EDQUOT). */
export class InsufficientStorageError extends AppError {
  constructor() {
    super(
      'insufficient_storage',
      507,
      'Insufficient storage',
      "Espace disque insuffisant : le fichier n'a pas été enregistré. Réessayez plus tard ou prévenez l'administrateur de la plateforme.",
    );
  }
}

/** 503: the object storage did not answer or refused the request. */
export class StorageUnavailableError extends AppError {
  constructor() {
    super('media_storage_unavailable', 503, 'Service unavailable', 'Le stockage des fichiers ne répond pas : réessayez dans quelques instants.', [], { 'retry-after': '5' });
  }
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
