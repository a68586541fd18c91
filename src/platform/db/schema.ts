import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Every table carries organisation_id, and every key leads with it: row-level security filters on
 * it, and the schema is ready to distribute by organisation (Citus) when one database is outgrown.
 */

const organisationId = () => uuid('organisation_id').notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  organisationId: uuid('organisation_id').primaryKey(),
  name: text('name').notNull(),
  /** Leads every case reference, e.g. PF in PF-2026-000123. */
  referencePrefix: text('reference_prefix').notNull(),
  createdAt: createdAt(),
});

export const policyVersions = pgTable(
  'policy_versions',
  {
    organisationId: organisationId(),
    policyVersionId: uuid('policy_version_id').notNull(),
    policyKey: text('policy_key').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    document: jsonb('document').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.policyVersionId] }),
    unique('policy_versions_key_version').on(t.organisationId, t.policyKey, t.version),
    index('policy_versions_in_force').on(t.organisationId, t.effectiveFrom),
  ],
);

export const closureDays = pgTable(
  'closure_days',
  {
    organisationId: organisationId(),
    day: date('day', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] })],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    organisationId: organisationId(),
    apiKeyId: uuid('api_key_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the secret part: keys are 256-bit random, so a fast hash is enough. */
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    /** Who created it, as in the audit log (`staff:<id>`, or `cli`, `demo`); null for older keys. */
    createdBy: text('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** When it last authenticated, to the minute: written at most once a minute per key. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.apiKeyId] }), unique('api_keys_id').on(t.apiKeyId)],
);

export const referenceCounters = pgTable(
  'reference_counters',
  {
    organisationId: organisationId(),
    /** Which numbering: 'case' (complaints) or 'contact' (the contact log). */
    series: text('series').notNull().default('case'),
    year: smallint('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.series, t.year] })],
);

/** Postgres full-text search vector; written only by a generated column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The case projection: kept in step with case_events in the same transaction; lists read it. */
export const cases = pgTable(
  'cases',
  {
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    reference: text('reference').notNull(),
    kind: text('kind').notNull().default('complaint'),
    status: text('status').notNull(),
    stage: smallint('stage').notNull(),
    policyKey: text('policy_key').notNull(),
    policyVersion: integer('policy_version').notNull(),
    /** The case's bank-holiday calendar (the UK government's division), for deadline filters. */
    jurisdiction: text('jurisdiction').notNull(),
    /** england, wales, scotland or northern-ireland: the regime (Ombudsman, benchmark) it runs under. */
    country: text('country').notNull(),
    serviceArea: text('service_area').notNull(),
    channel: text('channel').notNull(),
    complainantName: text('complainant_name'),
    handlerId: text('handler_id'),
    handlerName: text('handler_name'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    currentDeadlineKind: text('current_deadline_kind'),
    currentDeadlineDue: date('current_deadline_due', { mode: 'string' }),
    /** Outcome of the last deadline completed: 'met' or 'missed'. */
    lastDeadlineOutcome: text('last_deadline_outcome'),
    /** Whether the current deadline is a response date moved by an extension. */
    currentDeadlineExtended: boolean('current_deadline_extended').notNull().default(false),
    /** The earliest due date of a remedy or action not yet completed. */
    nextItemDue: date('next_item_due', { mode: 'string' }),
    version: integer('version').notNull(),
    state: jsonb('state').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Reference, names (the representative's too), the resident's address and the complaint's words,
     * for search (English stemming).
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english'::regconfig, coalesce(reference, '') || ' ' || coalesce(complainant_name, '') || ' ' || coalesce(handler_name, '') || ' ' || coalesce(state->'representative'->>'name', '') || ' ' || coalesce(state->'complainant'->'contact'->>'address', '') || ' ' || coalesce(state->>'summary', ''))`,
    ),
    /**
     * Normalised keys callers quote (`phone:447700900123`, `postcode:M11AA`, `tenancy:…`, `email:…`,
     * `refno:16`), from `searchKeysOf`; null only on a row stored before they existed, until the
     * start-up upgrade fills it in.
     */
    searchKeys: text('search_keys').array(),
  },
  // Newest-first lists scan these ascending indexes backwards: that yields ORDER BY … DESC (NULLS
  // FIRST) exactly, where a DESC NULLS LAST index would not match and force a sort.
  (t) => [
    primaryKey({ columns: [t.organisationId, t.caseId] }),
    unique('cases_reference').on(t.organisationId, t.reference),
    index('cases_by_received').on(t.organisationId, t.receivedAt, t.caseId),
    index('cases_by_deadline')
      .on(t.organisationId, t.currentDeadlineDue)
      .where(sql`current_deadline_due is not null`),
    index('cases_by_status').on(t.organisationId, t.status, t.receivedAt, t.caseId),
    index('cases_by_handler').on(t.organisationId, t.handlerId, t.receivedAt, t.caseId),
    index('cases_by_service_area').on(t.organisationId, t.serviceArea, t.receivedAt, t.caseId),
    index('cases_by_channel').on(t.organisationId, t.channel, t.receivedAt, t.caseId),
    index('cases_by_item_due')
      .on(t.organisationId, t.nextItemDue)
      .where(sql`next_item_due is not null`),
    index('cases_search').using('gin', t.search),
    index('cases_search_keys').using('gin', t.searchKeys),
  ],
);

/** Append-only: the record an Ombudsman relies on. Updates and deletes are refused by a trigger. */
export const caseEvents = pgTable(
  'case_events',
  {
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    sequence: integer('sequence').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    /** The integration (API key) that sent the command on the actor's behalf, if any. */
    via: jsonb('via'),
    policyKey: text('policy_key').notNull(),
    policyVersion: integer('policy_version').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.caseId, t.sequence] }),
    // The audit page reads every case's events newest first, and one person's.
    index('case_events_by_recorded').on(t.organisationId, t.recordedAt, t.caseId, t.sequence),
    index('case_events_by_actor').on(t.organisationId, t.actorId, t.recordedAt, t.caseId, t.sequence),
    foreignKey({
      name: 'case_events_case',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [cases.organisationId, cases.caseId],
    }),
  ],
);

/** Changes outside cases (organisations, keys, policies, closure days): who did what, when. */
export const auditLog = pgTable(
  'audit_log',
  {
    organisationId: organisationId(),
    auditId: bigint('audit_id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    details: jsonb('details').notNull(),
  },
  // The audit page reads newest first, one person's, or one case's (entries naming a case reference).
  (t) => [
    primaryKey({ columns: [t.organisationId, t.auditId] }),
    index('audit_log_by_at').on(t.organisationId, t.at, t.auditId),
    index('audit_log_by_actor').on(t.organisationId, t.actor, t.at, t.auditId),
    index('audit_log_by_case')
      .on(t.organisationId, sql`(${t.details}->>'caseReference')`, t.at, t.auditId)
      .where(sql`${t.details} ? 'caseReference'`),
  ],
);

/**
 * Staff who sign in to the web service. E-mail addresses are stored lower-cased and are unique
 * across all organisations, so that sign-in (which looks the address up before the organisation is
 * known) always finds at most one account. See docs/decisions/0008.
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    organisationId: organisationId(),
    staffId: uuid('staff_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** front-line, handler, complaints-officer, senior-lead, board-member or administrator. */
    role: text('role').notNull(),
    /** argon2id, PHC string format. */
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Consecutive failed sign-ins since the last success (or the last lock-out expiring). */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.staffId] }),
    uniqueIndex('staff_accounts_email').on(sql`lower(${t.email})`),
    index('staff_accounts_by_name').on(t.organisationId, t.name),
    check(
      'staff_accounts_role',
      sql`${t.role} in ('front-line', 'handler', 'complaints-officer', 'senior-lead', 'board-member', 'administrator')`,
    ),
    check('staff_accounts_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * A signed-in browser. The cookie holds the organisation id and a random 256-bit token; only the
 * token's SHA-256 is stored, so a copy of this table signs nobody in.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    organisationId: organisationId(),
    /** SHA-256 (hex) of the token in the cookie. */
    sessionId: text('session_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The absolute end of the session, however active it is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.sessionId] }),
    foreignKey({
      name: 'staff_sessions_staff',
      columns: [t.organisationId, t.staffId],
      foreignColumns: [staffAccounts.organisationId, staffAccounts.staffId],
    }),
    index('staff_sessions_by_staff')
      .on(t.organisationId, t.staffId)
      .where(sql`revoked_at is null`),
  ],
);

/** The landlord's service areas (repairs, lettings…): complaints and contacts are filed under one. */
export const serviceAreas = pgTable(
  'service_areas',
  {
    organisationId: organisationId(),
    /** Lower-case words joined by hyphens, as stored on cases, e.g. repairs. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

/** Categories within a service area (e.g. repairs: damp and mould), for learning and reports. */
export const serviceCategories = pgTable(
  'service_categories',
  {
    organisationId: organisationId(),
    serviceArea: text('service_area').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.serviceArea, t.code] }),
    foreignKey({
      name: 'service_categories_area',
      columns: [t.organisationId, t.serviceArea],
      foreignColumns: [serviceAreas.organisationId, serviceAreas.code],
    }),
  ],
);

/**
 * The contact log: every contact staff log (complaint, service request, compliment, suggestion),
 * with the triage record. A complaint's own record is its case; its contact row links to it. A
 * service request stays open when a complaint is raised about it, linked by linked_case_id.
 */
export const contacts = pgTable(
  'contacts',
  {
    organisationId: organisationId(),
    contactId: uuid('contact_id').notNull(),
    reference: text('reference').notNull(),
    /** complaint, service-request, compliment or suggestion. */
    kind: text('kind').notNull(),
    /** open or closed. */
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedById: text('received_by_id').notNull(),
    receivedByName: text('received_by_name').notNull(),
    residentName: text('resident_name'),
    serviceArea: text('service_area'),
    category: text('category'),
    summary: text('summary').notNull(),
    /** Kind-specific record (triage answers, compliment routing, suggestion assessment). */
    details: jsonb('details').notNull(),
    linkedCaseId: uuid('linked_case_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.contactId] }),
    unique('contacts_reference').on(t.organisationId, t.reference),
    index('contacts_by_received').on(t.organisationId, t.receivedAt, t.contactId),
    index('contacts_by_kind').on(t.organisationId, t.kind, t.status, t.receivedAt),
    index('contacts_by_case')
      .on(t.organisationId, t.linkedCaseId)
      .where(sql`linked_case_id is not null`),
    check('contacts_kind', sql`${t.kind} in ('complaint', 'service-request', 'compliment', 'suggestion')`),
    check('contacts_status', sql`${t.status} in ('open', 'closed')`),
  ],
);

/**
 * The gov.uk bank holiday lists imported (https://www.gov.uk/bank-holidays.json format), oldest first:
 * the newest row (highest id) is in force; with none, the snapshot shipped in the code. Global, not per
 * organisation: bank holidays are the country's, so the table has no organisation_id and no row-level
 * security, and the tenant role may only read it. `list_id` tells one list from another across
 * databases (each process holds one list in memory).
 */
export const bankHolidayLists = pgTable('bank_holiday_lists', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  listId: uuid('list_id').notNull().unique(),
  /** 'snapshot', 'file' or the URL it was fetched from. */
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  importedBy: text('imported_by').notNull(),
  content: jsonb('content').notNull(),
});

/**
 * Staff's own follow-ups on a case (call the resident back, chase a contractor): a due date and an
 * owner. Not part of the complaint's record under the Code, so kept beside it, not in its events;
 * every change is in the audit log.
 */
export const caseTasks = pgTable(
  'case_tasks',
  {
    organisationId: organisationId(),
    taskId: uuid('task_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** call-back, chase or other. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    createdById: text('created_by_id').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByName: text('done_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.taskId] }),
    foreignKey({
      name: 'case_tasks_case',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [cases.organisationId, cases.caseId],
    }),
    foreignKey({
      name: 'case_tasks_owner',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [staffAccounts.organisationId, staffAccounts.staffId],
    }),
    index('case_tasks_by_case').on(t.organisationId, t.caseId, t.dueOn),
    index('case_tasks_open_by_owner')
      .on(t.organisationId, t.ownerId, t.dueOn)
      .where(sql`done_at is null`),
    check('case_tasks_kind', sql`${t.kind} in ('call-back', 'chase', 'other')`),
  ],
);

/**
 * Documents and photos attached to a case (evidence). The file itself is stored outside the
 * database and the web root, under its id; this row says what it is. The type is the one read from
 * the file's content, never its name.
 */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    organisationId: organisationId(),
    evidenceId: uuid('evidence_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The name it was uploaded with, cleaned for showing and downloading. */
    fileName: text('file_name').notNull(),
    /** From the content: image/jpeg, image/png, application/pdf… */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    description: text('description').notNull(),
    uploadedById: text('uploaded_by_id').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.evidenceId] }),
    foreignKey({
      name: 'case_evidence_case',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [cases.organisationId, cases.caseId],
    }),
    index('case_evidence_by_case').on(t.organisationId, t.caseId, t.uploadedAt),
  ],
);
