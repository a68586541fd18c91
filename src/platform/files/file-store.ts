import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Files kept outside the database and the web root (evidence), each under its organisation and id. */
export interface FileStore {
  /** Writes a file durably; a file already there under that id is replaced. */
  put(organisationId: string, fileId: string, data: Buffer): Promise<void>;
  /** The file's bytes, or null when there is none. */
  open(organisationId: string, fileId: string): Promise<Readable | null>;
  remove(organisationId: string, fileId: string): Promise<void>;
}

const SAFE_ID = /^[0-9a-f-]{36}$/;

/**
 * A folder on the server's disk: `root/<organisation>/<file id>`, folders 0700 and files 0600, so
 * no other user of the machine can read residents' documents. Ids are uuids (checked), so a name can
 * never lead out of the folder. A file is written to a temporary name, flushed and renamed: a crash
 * leaves the old file or the new, never half of one.
 */
export function diskFileStore(root: string): FileStore {
  const pathOf = (organisationId: string, fileId: string) => {
    if (!SAFE_ID.test(organisationId) || !SAFE_ID.test(fileId)) throw new Error('Not a file id');
    return join(root, organisationId, fileId);
  };
  return {
    async put(organisationId, fileId, data) {
      const path = pathOf(organisationId, fileId);
      await mkdir(join(root, organisationId), { recursive: true, mode: 0o700 });
      const temporary = `${path}.part`;
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    },
    async open(organisationId, fileId) {
      const path = pathOf(organisationId, fileId);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async remove(organisationId, fileId) {
      await rm(pathOf(organisationId, fileId), { force: true });
    },
  };
}
