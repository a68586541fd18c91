import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Clock } from '../complaints/case-context.ts';

export interface StaffDeps {
  db: DatabaseHandle;
  clock: Clock;
}
