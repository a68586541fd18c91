import type { FileStore } from '../../platform/files/file-store.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';

export interface EvidenceDeps extends ComplaintDeps {
  files: FileStore;
}
