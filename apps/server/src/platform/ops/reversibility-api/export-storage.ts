import { join } from 'node:path';

/** Directory under DATA_DIR holding one sub-directory per export requested through the API. */
export const EXPORTS_DIRECTORY = 'exports';

/** DATA_DIR/exports/<export id>/: everything one export writes, deleted as a whole. */
export function exportWorkDir(dataDir: string, exportId: string): string {
  return join(dataDir, EXPORTS_DIRECTORY, exportId);
}
