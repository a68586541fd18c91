import { parseBankHolidayList, useBankHolidayList } from '../../domain/calendar/index.ts';
import type { DatabaseHandle, Transaction } from '../../platform/db/database.ts';
import {
  bankHolidayListContent,
  newestBankHolidayList,
  type BankHolidayListRecord,
} from './bank-holiday-lists.repository.ts';

/**
 * Keeps this process's calendars on the bank holiday list in force: the newest one stored, or the
 * snapshot shipped in the code when none is. The calendars live in memory (src/domain/calendar), so
 * each process checks the database before it uses them: another process (`putright holidays import`
 * while the server runs on PostgreSQL) may have stored a newer list.
 */

/** The stored list the calendars use; null: the shipped snapshot. */
let installedListId: string | null = null;

/** Installs a list this process has just stored, without reading it back. */
export function installStoredList(listId: string, list: Parameters<typeof useBankHolidayList>[0]): void {
  useBankHolidayList(list);
  installedListId = listId;
}

/**
 * Brings the calendars up to date with the list in force, read in `tx`, and returns its particulars
 * (null: the shipped snapshot). One small query when nothing changed.
 */
export async function keepBankHolidayListCurrent(tx: Transaction): Promise<BankHolidayListRecord | null> {
  const newest = await newestBankHolidayList(tx);
  const newestId = newest?.listId ?? null;
  if (newestId !== installedListId) {
    if (newest === null) {
      useBankHolidayList(null);
      installedListId = null;
    } else {
      // Stored lists were validated before they were stored; a failure here is a corrupt row.
      installStoredList(newest.listId, parseBankHolidayList(await bankHolidayListContent(tx, newest.listId)));
    }
  }
  return newest;
}

/** At start-up (the server, each CLI command): load the list in force into the calendars. */
export async function loadBankHolidayListInForce(db: DatabaseHandle): Promise<BankHolidayListRecord | null> {
  return db.privileged((tx) => keepBankHolidayListCurrent(tx));
}
