/**
 * Builds src/domain/calendar/gov-uk-bank-holidays.json, the bank holiday list PutRight ships, in the
 * format of https://www.gov.uk/bank-holidays.json.
 *
 * It was built on a machine without internet access, so it is assembled rather than downloaded:
 * date-holidays' 'public' holidays for 2019-2027 (weekdays only: gov.uk lists the observed day, not the
 * weekend original), renamed to gov.uk's titles, with substitutes marked the gov.uk way (the title of
 * the holiday, notes "Substitute day"), plus the one-off days date-holidays does not know. A server
 * with internet access should replace it with the published list: `putright holidays update`.
 *
 *   node --import tsx scripts/build-bank-holiday-snapshot.ts && npx prettier --write src/domain/calendar/gov-uk-bank-holidays.json
 */
import { writeFileSync } from 'node:fs';
import Holidays from 'date-holidays';

const FIRST_YEAR = 2019;
const LAST_YEAR = 2027;
const OUTPUT = new URL('../src/domain/calendar/gov-uk-bank-holidays.json', import.meta.url);

type Division = 'england-and-wales' | 'scotland' | 'northern-ireland';
const REGION: Record<Division, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

interface Event {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

/** date-holidays' names (en) -> gov.uk's titles. An unknown name stops the build, to be mapped by hand. */
const TITLES: Record<string, string> = {
  "New Year's Day": 'New Year’s Day',
  'January 2nd': '2nd January',
  'St Patrick’s Day': 'St Patrick’s Day',
  'Good Friday': 'Good Friday',
  'Easter Monday': 'Easter Monday',
  'Early May bank holiday': 'Early May bank holiday',
  'Early May bank holiday (VE day)': 'Early May bank holiday (VE day)',
  'Spring bank holiday': 'Spring bank holiday',
  'Queen’s Platinum Jubilee': 'Platinum Jubilee bank holiday',
  'Battle of the Boyne (Orangemen’s Day)': 'Battle of the Boyne (Orangemen’s Day)',
  'Summer bank holiday': 'Summer bank holiday',
  "Queen Elizabeth's Funeral Day": 'Bank Holiday for the State Funeral of Queen Elizabeth II',
  "King Charles III's Coronation": 'Bank holiday for the coronation of King Charles III',
  'St Andrew’s Day': 'St Andrew’s Day',
  'Christmas Day': 'Christmas Day',
  'Boxing Day': 'Boxing Day',
};

/** gov.uk flies no bunting for these, nor on Easter Monday 2020 (the first lockdown). */
const NO_BUNTING = new Set(['Good Friday', 'Bank Holiday for the State Funeral of Queen Elizabeth II']);
const NO_BUNTING_ON = new Set(['2020-04-13']);

/** One-off holidays proclaimed after date-holidays 3.37.0 was published. */
const ADDITIONS: Record<Division, Event[]> = {
  'england-and-wales': [],
  // Royal Proclamation of 4 February 2026 (Scotland only).
  scotland: [{ title: 'Extra bank holiday', date: '2026-06-15', notes: '', bunting: true }],
  'northern-ireland': [],
};

const SUBSTITUTE = ' (substitute day)';

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

function eventsOf(division: Division): Event[] {
  const source = new Holidays('GB', REGION[division]);
  const events: Event[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const holiday of source.getHolidays(year, 'en')) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type !== 'public' || !isWeekday(date)) continue;
      const substitute = holiday.name.endsWith(SUBSTITUTE);
      const name = substitute ? holiday.name.slice(0, -SUBSTITUTE.length) : holiday.name;
      const title = TITLES[name];
      if (title === undefined)
        throw new Error(`No gov.uk title for ${JSON.stringify(holiday.name)} (${date})`);
      events.push({
        title,
        date,
        notes: substitute ? 'Substitute day' : '',
        bunting: !NO_BUNTING.has(title) && !NO_BUNTING_ON.has(date),
      });
    }
  }
  for (const addition of ADDITIONS[division]) {
    if (events.some((e) => e.date === addition.date)) throw new Error(`${addition.date} is already listed`);
    events.push(addition);
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const divisions: Division[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const list = Object.fromEntries(
  divisions.map((division) => [division, { division, events: eventsOf(division) }]),
);

// The proclamations of these years, checked rather than trusted.
for (const division of divisions) {
  const dates = new Set(list[division]?.events.map((e) => e.date));
  for (const date of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
    if (!dates.has(date)) throw new Error(`${division}: ${date} is missing`);
  }
  for (const date of ['2020-05-04', '2022-05-30']) {
    if (dates.has(date)) throw new Error(`${division}: ${date} was moved and must not be listed`);
  }
}

writeFileSync(OUTPUT, `${JSON.stringify(list, null, 2)}\n`);
console.log(`Wrote ${OUTPUT.pathname}`);
