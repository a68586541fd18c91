/**
 * Seeds a large caseload quickly: a handful of real cases through the use cases (their states and events
 * are the templates), then `INSERT … SELECT … FROM generate_series` straight into `cases` and
 * `case_events`, in batches. Distributions: received_at evenly over the period (with jitter); status by
 * age (new cases open, old ones closed); 8 service areas, 50 handlers, 9 channels, all in England.
 */
import { sql } from 'drizzle-orm';
import { calendarFor, londonDateOf, type IsoDate } from '../src/domain/calendar/index.ts';
import type { ComplaintState } from '../src/domain/complaint/state.ts';
import { HOS_CODE_2024 } from '../src/domain/policy/presets/index.ts';
import { actOnComplaint } from '../src/modules/complaints/act-on-complaint.use-case.ts';
import type { Clock } from '../src/modules/complaints/case-context.ts';
import { receiveComplaintUseCase } from '../src/modules/complaints/receive-complaint.use-case.ts';
import { rulesFor } from '../src/domain/complaint/receive.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { query } from './bench-database.ts';
import type { StaffMember } from '../src/domain/complaint/command-schemas.ts';
import { divisionOf } from '../src/domain/policy/country.ts';
import type { CaseActor } from '../src/modules/complaints/case-actor.ts';
import type { StaffRole } from '../src/modules/staff/staff-roles.ts';
import { staffAccounts } from '../src/platform/db/schema.ts';
import {
  atTime,
  LIFECYCLES,
  OFFICER,
  wireInput,
  wireReceiveInput,
  PERSON_NAMES,
  random,
  receiveInput,
  STAFF,
  STAGE_1_HANDLERS,
  STAGE_2_HANDLERS,
} from './complaint-scenarios.ts';

/** A clock the seeding moves forward, so every template event happens at a realistic past time. */
export class SteppedClock implements Clock {
  constructor(private current: Date = new Date()) {}
  set(date: Date): void {
    this.current = date;
  }
  now(): Date {
    return this.current;
  }
}

interface TemplateEvent {
  type: string;
  actorId: string;
  actorName: string;
  data: unknown;
}

/** Keyed by status ('closed-1' and 'closed-2' for closed at each stage). */
export interface Templates {
  states: Record<string, ComplaintState>;
  events: Record<string, TemplateEvent[]>;
}

const templateKey = (state: ComplaintState) =>
  state.status === 'closed' ? `closed-${state.stage}` : state.status;

/**
 * Runs five complaints through receiveComplaintUseCase and actOnComplaint (received 45 working days
 * ago), capturing the stored state after every step: one template per status.
 */
/**
 * The benchmark organisation's staff as real accounts (commands name staff accounts): the officer,
 * 40 stage 1 handlers and 10 senior managers, with the ids the scenarios use. Nobody signs in.
 */
export async function createBenchStaff(db: DatabaseHandle, organisationId: string): Promise<void> {
  const people = [
    { member: OFFICER, role: 'complaints-officer' },
    ...STAGE_1_HANDLERS.map((member) => ({ member, role: 'handler' })),
    ...STAGE_2_HANDLERS.map((member) => ({ member, role: 'senior-lead' })),
  ];
  await db.forOrganisation(organisationId, (tx) =>
    tx.insert(staffAccounts).values(
      people.map(({ member, role }) => ({
        organisationId,
        staffId: member.id,
        email: `${member.id}@${organisationId.slice(0, 8)}.bench.putright.test`,
        name: member.name,
        role,
        passwordHash: 'none: benchmark staff do not sign in',
      })),
    ),
  );
}

export const benchActor = (member: StaffMember, role: StaffRole): CaseActor => ({
  kind: 'staff',
  member,
  role,
});

export async function createTemplates(db: DatabaseHandle, organisationId: string): Promise<Templates> {
  const calendar = calendarFor(divisionOf('england'));
  const rules = rulesFor(HOS_CODE_2024, 'england');
  const clock = new SteppedClock();
  const deps = { db, clock };
  const next = random(7);
  const states: Record<string, ComplaintState> = {};
  const events: Record<string, TemplateEvent[]> = {};
  const today = londonDateOf(new Date());
  const receivedOn = calendar.addWorkingDays(today, -45);
  const wanted = [
    'closed at stage 2',
    'not accepted',
    'withdrawn',
    'closed at stage 1',
    'escalation refused',
  ];

  const load = async (caseId: string) => {
    const [row] = await db.privileged((tx) =>
      query<{ state: ComplaintState }>(tx, sql`select state from cases where case_id = ${caseId}`),
    );
    if (!row) throw new Error(`Template case ${caseId} not found`);
    return row.state;
  };
  const capture = async (caseId: string) => {
    const state = await load(caseId);
    const key = templateKey(state);
    if (states[key]) return state;
    states[key] = state;
    const rows = await db.privileged((tx) =>
      query<TemplateEvent>(
        tx,
        sql`select type, actor_id as "actorId", actor_name as "actorName", data from case_events
            where case_id = ${caseId} order by sequence limit ${Math.min(state.version, 3)}`,
      ),
    );
    events[key] = rows;
    return state;
  };

  for (const name of wanted) {
    const lifecycle = LIFECYCLES.find((l) => l.name === name);
    if (!lifecycle) throw new Error(`No lifecycle ${name}`);
    const receivedAt = atTime(receivedOn, 10);
    clock.set(new Date(receivedAt.getTime() + 3_600_000));
    const input = wireReceiveInput(receiveInput(next, receivedAt, receivedOn, 'england'));
    const view = await receiveComplaintUseCase(
      deps,
      organisationId,
      {
        ...input,
        complainant: { kind: 'named', name: 'Margaret Ellis', contact: { phone: '07700 900123' } },
      },
      benchActor(OFFICER, 'complaints-officer'),
    );
    let state = await capture(view.id);
    const people = { handler: STAGE_1_HANDLERS[0] ?? OFFICER, manager: STAGE_2_HANDLERS[0] ?? OFFICER };
    for (const step of lifecycle.steps) {
      const on: IsoDate = calendar.addWorkingDays(receivedOn, step.day);
      clock.set(atTime(on, 11));
      const actor =
        step.by === 'officer'
          ? benchActor(OFFICER, 'complaints-officer')
          : benchActor(people[step.by], step.by === 'handler' ? 'handler' : 'senior-lead');
      const raw = wireInput(step.input({ state, rules, calendar, today: on, people }));
      await actOnComplaint(deps, { organisationId, caseRef: view.id, actor }, step.command, raw);
      state = await capture(view.id);
    }
  }
  return { states, events };
}

/** Secondary indexes on `cases` (not the constraint ones): dropped for the bulk load, then rebuilt. */
export async function dropSecondaryIndexes(
  db: DatabaseHandle,
): Promise<{ name: string; definition: string }[]> {
  return db.privileged(async (tx) => {
    const indexes = await query<{ name: string; definition: string }>(
      tx,
      sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
          where i.schemaname = 'public' and i.tablename = 'cases'
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
          order by i.indexname`,
    );
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
    return indexes;
  });
}

export async function createIndexes(
  db: DatabaseHandle,
  indexes: readonly { name: string; definition: string }[],
): Promise<void> {
  await db.privileged(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
}

export interface SeedPlan {
  organisationId: string;
  referencePrefix: string;
  cases: number;
  /** The newest case is received just before this instant. */
  now: Date;
  years: number;
  batchSize: number;
  seed: number;
}

interface YearTable {
  firstYear: number;
  /** For each year from firstYear: the first g whose nominal receipt falls in it. */
  firstG: number[];
  /** For each year: the reference counter already used (by the template cases). */
  offset: number[];
}

async function yearTable(
  db: DatabaseHandle,
  plan: SeedPlan,
  startMs: number,
  stepMs: number,
): Promise<YearTable> {
  const firstYear = new Date(startMs).getUTCFullYear();
  const lastYear = plan.now.getUTCFullYear();
  const counters = await db.privileged((tx) =>
    query<{ year: number; lastValue: number }>(
      tx,
      sql`select year, last_value as "lastValue" from reference_counters where organisation_id = ${plan.organisationId} and series = 'case'`,
    ),
  );
  const firstG: number[] = [];
  const offset: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const jan1 = Date.UTC(y, 0, 1);
    firstG.push(jan1 <= startMs ? 1 : Math.ceil((jan1 - startMs) / stepMs) + 1);
    offset.push(counters.find((c) => c.year === y)?.lastValue ?? 0);
  }
  return { firstYear, firstG, offset };
}

export interface SeedResult {
  cases: number;
  events: number;
  ms: number;
}

/**
 * Prepares the insert of `plan.cases` cases (and up to 3 events each) for one organisation, in batches
 * the caller runs (so two organisations can be interleaved); `finish` sets the reference counters. Bulk-load settings for the
 * seeding transactions only: synchronous_commit off, and session_replication_role = replica so the
 * case_events foreign key is not checked row by row (the rows are consistent by construction).
 */
export async function prepareSeed(
  db: DatabaseHandle,
  plan: SeedPlan,
  templates: Templates,
): Promise<{ batches: number; runBatch(batch: number): Promise<void>; finish(): Promise<SeedResult> }> {
  const spanMs = plan.years * 365.25 * 86_400_000;
  const stepMs = Math.max(1, Math.floor(spanMs / plan.cases));
  const nowMs = plan.now.getTime();
  const startMs = nowMs - plan.cases * stepMs;
  const years = await yearTable(db, plan, startMs, stepMs);
  const states = JSON.stringify(templates.states);
  const events = JSON.stringify(templates.events);
  const staff = JSON.stringify(STAFF);
  const names = JSON.stringify(PERSON_NAMES);
  let elapsed = 0;

  const runBatch = async (batch: number) => {
    const lo = batch * plan.batchSize + 1;
    const hi = Math.min(plan.cases, lo + plan.batchSize - 1);
    if (lo > hi) return;
    const t = performance.now();
    await db.privileged(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`select setseed(${((plan.seed * 7919 + batch) % 1000) / 1000 - 0.5})`);
      await tx.execute(sql`
with b as materialized (
  select g, gen_random_uuid() as case_id,
    random() as r_time, random() as r_status, random() as r_area, random() as r_channel,
    random() as r_handler, random() as r_name, random() as r_juris, random() as r_outcome,
    random() as r_ext, random() as r_misc
  from generate_series(${lo}::int, ${hi}::int) as g
),
timed as materialized (
  select b.*, ms.received_ms,
    to_timestamp(ms.received_ms::double precision / 1000) as received_at,
    (${nowMs}::bigint - ms.received_ms)::double precision / 86400000 as age,
    (to_timestamp(ms.received_ms::double precision / 1000) at time zone 'Europe/London')::date as received_on,
    extract(year from to_timestamp((${startMs}::bigint + (g - 1)::bigint * ${stepMs}::bigint)::double precision
      / 1000) at time zone 'UTC')::int as ref_year
  from b, lateral (select ${startMs}::bigint + (g - 1)::bigint * ${stepMs}::bigint
    + floor(r_time * ${stepMs}::bigint)::bigint as received_ms) as ms
),
statused as materialized (
  select timed.*,
    case
      when age < 1 then case when r_status < 0.8 then 'received' else 'accepted' end
      when age < 5 then case when r_status < 0.10 then 'received' when r_status < 0.35 then 'accepted'
        when r_status < 0.90 then 'stage-1' when r_status < 0.97 then 'not-accepted' else 'withdrawn' end
      when age < 20 then case when r_status < 0.01 then 'received' when r_status < 0.03 then 'accepted'
        when r_status < 0.73 then 'stage-1' when r_status < 0.88 then 'stage-1-responded'
        when r_status < 0.96 then 'not-accepted' else 'withdrawn' end
      when age < 60 then case when r_status < 0.04 then 'stage-1' when r_status < 0.39 then 'stage-1-responded'
        when r_status < 0.74 then 'closed' when r_status < 0.78 then 'stage-2-requested'
        when r_status < 0.88 then 'stage-2' when r_status < 0.96 then 'not-accepted' else 'withdrawn' end
      when age < 120 then case when r_status < 0.005 then 'stage-1' when r_status < 0.105 then 'stage-1-responded'
        when r_status < 0.165 then 'stage-2' when r_status < 0.245 then 'stage-2-responded'
        when r_status < 0.255 then 'escalation-refused' when r_status < 0.88 then 'closed'
        when r_status < 0.96 then 'not-accepted' else 'withdrawn' end
      else case when r_status < 0.77 then 'closed' when r_status < 0.81 then 'stage-1-responded'
        when r_status < 0.84 then 'stage-2-responded' when r_status < 0.86 then 'escalation-refused'
        when r_status < 0.95 then 'not-accepted' else 'withdrawn' end
    end as status
  from timed
),
shaped as (
  select statused.*,
    case when status in ('stage-2-requested', 'stage-2', 'stage-2-responded', 'escalation-refused')
      or (status = 'closed' and r_misc < 0.15) then 2 else 1 end as stage,
    case when status = 'closed' then case when r_misc < 0.15 then 'closed-2' else 'closed-1' end
      else status end as template_key,
    case when r_area < 0.42 then 'repairs' when r_area < 0.56 then 'damp-and-mould'
      when r_area < 0.66 then 'estate-services' when r_area < 0.75 then 'customer-services'
      when r_area < 0.83 then 'neighbourhoods' when r_area < 0.90 then 'income'
      when r_area < 0.95 then 'lettings' else 'adaptations' end as service_area,
    case when r_channel < 0.38 then 'phone' when r_channel < 0.62 then 'email' when r_channel < 0.82 then 'web'
      when r_channel < 0.88 then 'letter' when r_channel < 0.93 then 'in-person'
      when r_channel < 0.96 then 'social-media' when r_channel < 0.98 then 'staff' else 'third-party' end as channel,
    'england-and-wales' as jurisdiction,
    'england' as country,
    case when r_misc > 0.97 then null else ${names}::jsonb ->> floor(r_name * 400)::int end as complainant_name,
    ${staff}::jsonb -> floor(r_handler * 40)::int as stage1_staff,
    ${staff}::jsonb -> (40 + floor(r_outcome * 10)::int) as stage2_staff,
    ${plan.referencePrefix}::text || '-' || ref_year || '-' || lpad((g
      - (${JSON.stringify(years.firstG)}::jsonb ->> (ref_year - ${years.firstYear}::int))::int + 1
      + (${JSON.stringify(years.offset)}::jsonb ->> (ref_year - ${years.firstYear}::int))::int)::text, 6, '0')
      as reference
  from statused
),
due as (
  select shaped.*,
    case when status in ('received', 'accepted') then 'stage-1-acknowledgement'
      when status = 'stage-1' then 'stage-1-response'
      when status = 'stage-2-requested' then 'stage-2-acknowledgement'
      when status = 'stage-2' then 'stage-2-response' end as deadline_kind,
    case when status in ('received', 'accepted') then received_on + 7
      when status = 'stage-1' then received_on + 17 + case when r_ext < 0.15 then 14 else 0 end
      when status = 'stage-2-requested' then received_on + greatest(floor(age)::int - floor(r_ext * 10)::int, 20) + 7
      when status = 'stage-2' then received_on + 58 + case when r_ext < 0.1 then 28 else 0 end
    end as due_raw
  from shaped
),
rowed as (
  select due.*,
    due_raw + case extract(isodow from due_raw) when 6 then 2 when 7 then 1 else 0 end as deadline_due,
    ${states}::jsonb -> template_key as tpl
  from due
),
handled as materialized (
  select rowed.*,
    case when jsonb_typeof(tpl #> '{stage1,handler}') = 'object' then stage1_staff end as h1,
    case when jsonb_typeof(tpl #> '{stage2,handler}') = 'object' then stage2_staff end as h2
  from rowed
),
inserted as (
  insert into cases (organisation_id, case_id, reference, kind, status, stage, policy_key, policy_version,
    jurisdiction, country, service_area, channel, complainant_name, handler_id, handler_name, received_at,
    current_deadline_kind, current_deadline_due, last_deadline_outcome, version, state, search_keys,
    created_at, updated_at)
  select ${plan.organisationId}::uuid, case_id, reference, 'complaint', status, stage,
    tpl #>> '{policy,key}', (tpl #>> '{policy,version}')::int, jurisdiction, country, service_area, channel,
    complainant_name,
    case when stage = 2 then h2 ->> 'id' else h1 ->> 'id' end,
    case when stage = 2 then h2 ->> 'name' else h1 ->> 'name' end,
    received_at, deadline_kind, deadline_due,
    case when deadline_due is null and status <> 'withdrawn' then
      case when r_outcome < 0.86 then 'met' else 'missed' end end,
    (tpl ->> 'version')::int,
    tpl || jsonb_build_object(
      'caseId', case_id, 'reference', reference, 'status', status, 'stage', stage,
      'country', country, 'serviceArea', service_area, 'channel', channel,
      'receivedAt', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'receivedOn', to_char(received_on, 'YYYY-MM-DD'),
      'complainant', case when complainant_name is null then '{"kind":"anonymous"}'::jsonb
        else (tpl -> 'complainant') || jsonb_build_object('name', complainant_name,
          'tenancyReference', tenancy, 'contact', jsonb_build_object('phone', phone, 'postcode', postcode)) end,
      'stage1', (tpl -> 'stage1') || jsonb_build_object('handler', h1,
        'handlers', case when h1 is null then '[]'::jsonb else jsonb_build_array(h1) end),
      'stage2', (tpl -> 'stage2') || jsonb_build_object('handler', h2,
        'handlers', case when h2 is null then '[]'::jsonb else jsonb_build_array(h2) end)),
    -- What searchKeysOf gives for these details (see test/unit/domain/complaint/search-keys.test.ts).
    array_remove(array['refno:' || ltrim(split_part(reference, '-', 3), '0'),
      case when complainant_name is not null then 'tenancy:' || tenancy end,
      case when complainant_name is not null then 'phone:44' || substr(replace(phone, ' ', ''), 2) end,
      case when complainant_name is not null then 'postcode:' || replace(postcode, ' ', '') end], null),
    received_at, received_at
  from handled, lateral (select
    -- A resident's details, distinct per case: what a caller quotes.
    'T' || lpad(g::text, 7, '0') as tenancy,
    '07700 ' || lpad((g % 1000000)::text, 6, '0') as phone,
    'M' || (1 + g % 99) || ' ' || (g / 99 % 10) || chr(65 + g / 990 % 26) || chr(65 + g / 25740 % 26) as postcode
  ) as resident
  returning organisation_id, case_id, reference, status, stage, country, service_area, channel,
    received_at, policy_key, policy_version
)
insert into case_events (organisation_id, case_id, sequence, type, occurred_at, recorded_at, actor_id,
  actor_name, policy_key, policy_version, data)
select i.organisation_id, i.case_id, e.seq::int, e.ev ->> 'type',
  i.received_at + (e.seq - 1) * interval '2 days', i.received_at + (e.seq - 1) * interval '2 days',
  e.ev ->> 'actorId', e.ev ->> 'actorName', i.policy_key, i.policy_version,
  case when e.seq = 1 then (e.ev -> 'data') || jsonb_build_object('caseId', i.case_id,
      'reference', i.reference, 'country', i.country, 'serviceArea', i.service_area,
      'channel', i.channel,
      'receivedAt', to_char(i.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    else e.ev -> 'data' end
from inserted i
cross join lateral jsonb_array_elements(${events}::jsonb
  -> case when i.status = 'closed' then 'closed-' || i.stage else i.status end) with ordinality as e(ev, seq)
`);
    });
    elapsed += performance.now() - t;
  };

  const finish = async (): Promise<SeedResult> => {
    // Continue the reference counters after the seeded references, so new receipts do not collide.
    const lastValues = years.firstG.map((g0, i) => {
      const nextG0 = years.firstG[i + 1] ?? plan.cases + 1;
      const count = g0 > plan.cases ? 0 : Math.min(plan.cases, nextG0 - 1) - g0 + 1;
      return { year: years.firstYear + i, lastValue: (years.offset[i] ?? 0) + count };
    });
    await db.privileged((tx) =>
      tx.execute(sql`
      insert into reference_counters (organisation_id, series, year, last_value)
      select ${plan.organisationId}::uuid, 'case', c.year, c.last_value
      from jsonb_to_recordset(${JSON.stringify(lastValues.map((v) => ({ year: v.year, last_value: v.lastValue })))}::jsonb)
        as c(year smallint, last_value int)
      on conflict (organisation_id, series, year) do update set last_value = excluded.last_value`),
    );

    const [counts] = await db.privileged((tx) =>
      query<{ events: number }>(
        tx,
        sql`select count(*)::int as events from case_events where organisation_id = ${plan.organisationId}`,
      ),
    );
    return { cases: plan.cases, events: counts?.events ?? 0, ms: elapsed };
  };

  return { batches: Math.ceil(plan.cases / plan.batchSize), runBatch, finish };
}
