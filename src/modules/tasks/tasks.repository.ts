import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { activeCaseworkers } from '../casework/case-list-options.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { TaskKind } from '../../domain/task/task.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { cases, caseTasks, staffAccounts } from '../../platform/db/schema.ts';

export interface TaskRow {
  taskId: string;
  caseId: string;
  kind: TaskKind;
  description: string;
  dueOn: IsoDate;
  owner: { id: string; name: string };
  createdByName: string;
  createdAt: Date;
  doneAt: Date | null;
  doneByName: string | null;
}

/** A task with the case it is on, for lists that span cases (the dashboard). */
export interface OwnedTaskRow extends TaskRow {
  caseReference: string;
}

const taskColumns = {
  taskId: caseTasks.taskId,
  caseId: caseTasks.caseId,
  kind: caseTasks.kind,
  description: caseTasks.description,
  dueOn: caseTasks.dueOn,
  ownerId: caseTasks.ownerId,
  ownerName: staffAccounts.name,
  createdByName: caseTasks.createdByName,
  createdAt: caseTasks.createdAt,
  doneAt: caseTasks.doneAt,
  doneByName: caseTasks.doneByName,
};

function taskRow(r: {
  taskId: string;
  caseId: string;
  kind: string;
  description: string;
  dueOn: string;
  ownerId: string;
  ownerName: string;
  createdByName: string;
  createdAt: Date;
  doneAt: Date | null;
  doneByName: string | null;
}): TaskRow {
  const { ownerId, ownerName, ...rest } = r;
  return { ...rest, kind: r.kind as TaskKind, owner: { id: ownerId, name: ownerName } };
}

const ownerJoin = and(
  eq(staffAccounts.organisationId, caseTasks.organisationId),
  eq(staffAccounts.staffId, caseTasks.ownerId),
);

/** Who may own a task: active accounts of roles that work on cases, by name. */
export const taskOwners = activeCaseworkers;

export async function insertTask(
  tx: Transaction,
  task: {
    organisationId: string;
    taskId: string;
    caseId: string;
    kind: TaskKind;
    description: string;
    dueOn: IsoDate;
    ownerId: string;
    createdById: string;
    createdByName: string;
  },
): Promise<void> {
  await tx.insert(caseTasks).values(task);
}

/** A case's tasks: open ones first, soonest due first; then those done. */
export async function listTasksForCase(
  tx: Transaction,
  organisationId: string,
  caseId: string,
): Promise<TaskRow[]> {
  const rows = await tx
    .select(taskColumns)
    .from(caseTasks)
    .innerJoin(staffAccounts, ownerJoin)
    .where(and(eq(caseTasks.organisationId, organisationId), eq(caseTasks.caseId, caseId)))
    .orderBy(sql`${caseTasks.doneAt} is not null`, asc(caseTasks.dueOn), asc(caseTasks.createdAt));
  return rows.map(taskRow);
}

/** One person's open tasks, soonest due first (the partial index on open tasks by owner). */
export async function listOpenTasksOwnedBy(
  tx: Transaction,
  organisationId: string,
  ownerId: string,
  limit: number,
): Promise<{ rows: OwnedTaskRow[]; more: boolean }> {
  const rows = await tx
    .select({ ...taskColumns, caseReference: cases.reference })
    .from(caseTasks)
    .innerJoin(staffAccounts, ownerJoin)
    .innerJoin(
      cases,
      and(eq(cases.organisationId, caseTasks.organisationId), eq(cases.caseId, caseTasks.caseId)),
    )
    .where(
      and(
        eq(caseTasks.organisationId, organisationId),
        eq(caseTasks.ownerId, ownerId),
        isNull(caseTasks.doneAt),
      ),
    )
    .orderBy(asc(caseTasks.dueOn), asc(caseTasks.createdAt))
    .limit(limit + 1);
  return {
    rows: rows.slice(0, limit).map((r) => ({ ...taskRow(r), caseReference: r.caseReference })),
    more: rows.length > limit,
  };
}

/** Marks an open task of the case done; false when there is no such open task. */
export async function markTaskDone(
  tx: Transaction,
  organisationId: string,
  caseId: string,
  taskId: string,
  done: { at: Date; byName: string },
): Promise<{ description: string } | null> {
  const [row] = await tx
    .update(caseTasks)
    .set({ doneAt: done.at, doneByName: done.byName })
    .where(
      and(
        eq(caseTasks.organisationId, organisationId),
        eq(caseTasks.caseId, caseId),
        eq(caseTasks.taskId, taskId),
        isNull(caseTasks.doneAt),
      ),
    )
    .returning({ description: caseTasks.description });
  return row ?? null;
}
