import { parseBankHolidayListText, type BankHolidayList } from '../../domain/calendar/index.ts';

export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

/** The published list could not be fetched (offline, refused, timed out, not found). */
export class BankHolidayFetchError extends Error {
  override readonly name = 'BankHolidayFetchError';
}

const OFFLINE_HINT =
  'Where this server has no internet access, import a copy with `putright holidays import <file>`.';

/**
 * Fetches and validates the published bank holiday list (gov.uk's format). Throws
 * BankHolidayFetchError when it cannot be fetched, BankHolidayListError when what came back is not a
 * list.
 */
export async function fetchBankHolidayList(
  url: string = GOV_UK_BANK_HOLIDAYS_URL,
  timeoutMs = 30_000,
): Promise<BankHolidayList> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const why = timedOut
      ? `no answer within ${String(timeoutMs / 1000)} seconds`
      : cause instanceof Error
        ? cause.message
        : String(cause);
    throw new BankHolidayFetchError(
      `Could not fetch the bank holiday list from ${url}: ${why}. ${OFFLINE_HINT}`,
      {
        cause: error,
      },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new BankHolidayFetchError(
      `Could not fetch the bank holiday list from ${url}: it answered ${String(response.status)} ${response.statusText}. ${OFFLINE_HINT}`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new BankHolidayFetchError(
      `Could not read the bank holiday list from ${url}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return parseBankHolidayListText(text);
}
