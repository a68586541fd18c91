import { desc, eq } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { bankHolidayLists } from '../../platform/db/schema.ts';

/** A stored list's particulars, without its content. */
export interface BankHolidayListRecord {
  listId: string;
  source: string;
  importedAt: Date;
  importedBy: string;
}

const particulars = {
  listId: bankHolidayLists.listId,
  source: bankHolidayLists.source,
  importedAt: bankHolidayLists.importedAt,
  importedBy: bankHolidayLists.importedBy,
};

/** The list in force (the newest), or null when none was imported and the shipped snapshot is. */
export async function newestBankHolidayList(tx: Transaction): Promise<BankHolidayListRecord | null> {
  const [row] = await tx
    .select(particulars)
    .from(bankHolidayLists)
    .orderBy(desc(bankHolidayLists.id))
    .limit(1);
  return row ?? null;
}

export async function bankHolidayListContent(tx: Transaction, listId: string): Promise<unknown> {
  const [row] = await tx
    .select({ content: bankHolidayLists.content })
    .from(bankHolidayLists)
    .where(eq(bankHolidayLists.listId, listId));
  if (!row) throw new Error(`Bank holiday list ${listId} is missing`);
  return row.content;
}

export async function insertBankHolidayList(
  tx: Transaction,
  record: BankHolidayListRecord & { content: unknown },
): Promise<void> {
  await tx.insert(bankHolidayLists).values(record);
}
