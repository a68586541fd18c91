import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Clock } from './case-context.ts';

export interface ComplaintDeps {
  db: DatabaseHandle;
  clock: Clock;
}
