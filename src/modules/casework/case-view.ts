import {
  serviceAreaName,
  serviceCategoryName,
  type ServiceArea,
} from '../administration/service-areas.repository.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { DEADLINE_KIND_IN_WORDS, deadlineInWords, URGENCY_TAG_CLASSES } from './deadline-words.ts';
import { actionsFor, type Role } from '../../domain/access/permissions.ts';
import {
  CHANNEL_NAMES,
  CONSENT_EXEMPT_RELATIONSHIPS,
  OUTCOME_NAMES,
  RELATIONSHIP_NAMES,
} from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';
import { STATUS_IN_WORDS } from './case-list-words.ts';
import { REFUSAL_GROUND_WORDS } from '../../domain/complaint/describe-event.ts';
import { contactLine } from '../../domain/policy/external-bodies.ts';
import { DEADLINE_KINDS, type DeadlineKind, type DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import type { ComplaintView } from '../complaints/complaint.presenter.ts';
import type { DescribedEvent } from '../complaints/get-timeline.use-case.ts';
import { ACTION_FORMS } from './case-actions.ts';
import { codeInWords, formatDate, formatDateTime, pounds, sentence } from './case-format.ts';

interface Tag {
  text: string;
  classes: string;
}
/** A summary list row: a key and one or more lines of text (never HTML), with an optional tag. */
interface Row {
  key: string;
  lines: string[];
  tag?: Tag;
}

const DEADLINE_TAGS: Record<DeadlineStatus, Tag> = {
  'on-track': { text: 'On track', classes: URGENCY_TAG_CLASSES['on-track'] },
  'due-soon': { text: 'Due soon', classes: URGENCY_TAG_CLASSES['due-soon'] },
  overdue: { text: 'Overdue', classes: URGENCY_TAG_CLASSES.overdue },
  met: { text: 'Met', classes: 'govuk-tag--turquoise' },
  missed: { text: 'Missed', classes: 'govuk-tag--pink' },
};

/** The view names each deadline in camel case: 'stage-1-response' is `stage1Response`. */
const viewKey = (kind: DeadlineKind) => kind.replace(/-(.)/g, (_, next: string) => next.toUpperCase());

type DeadlineViews = ComplaintView['deadlines'];

function deadlines(all: DeadlineViews, today: IsoDate) {
  return DEADLINE_KINDS.flatMap((kind) => {
    const d = all[viewKey(kind)];
    if (!d) return [];
    return [
      {
        name: DEADLINE_KIND_IN_WORDS[kind],
        due: formatDate(d.due),
        originalDue: d.extended ? formatDate(d.originalDue) : '',
        completedOn: formatDate(d.completedOn),
        tag: d.status
          ? DEADLINE_TAGS[d.status]
          : d.superseded
            ? { text: 'Not needed', classes: 'govuk-tag--grey' }
            : { text: 'Not started', classes: 'govuk-tag--grey' },
        daysLeft:
          d.completedOn || d.workingDaysLeft === null
            ? ''
            : deadlineInWords(today, d.due, d.workingDaysLeft).text,
      },
    ];
  });
}

/** A stored code in words: the state keeps plain strings, though only known codes are ever saved. */
const inWords = (words: Readonly<Record<string, string>>, code: string) => words[code] ?? codeInWords(code);

function caseDetails(view: ComplaintView, areas: readonly ServiceArea[]): Row[] {
  const flags = view.flags;
  const rows: Row[] = [
    { key: 'Reference', lines: [view.reference] },
    { key: 'Status', lines: [STATUS_IN_WORDS[view.status]] },
    { key: 'Stage', lines: [`Stage ${view.stage}`] },
    { key: 'Received', lines: [formatDateTime(view.receivedAt), `Taken by ${view.receivedBy.name}`] },
    { key: 'How it was made', lines: [inWords(CHANNEL_NAMES, view.channel)] },
    {
      key: 'Date of the issue',
      lines: [
        `${formatDate(view.issueDate)} (${view.issueDateKind === 'occurred' ? 'when it happened' : 'when the resident became aware of it'})`,
      ],
    },
    {
      key: 'Service area',
      lines: [
        serviceAreaName(areas, view.serviceArea),
        ...(view.category ? [serviceCategoryName(areas, view.serviceArea, view.category)] : []),
        ...(view.serviceType !== 'all' ? [codeInWords(view.serviceType)] : []),
      ],
    },
    {
      key: 'Policy',
      lines: [view.policy.name, `${view.policy.key}, version ${view.policy.version}`],
    },
    {
      key: 'Country',
      lines: [view.countryName, `Measured against the ${view.benchmark.name}`],
    },
    {
      key: 'Time limit',
      lines: [
        ...(flags.timeLimitEnds
          ? [`Complaints about the issue could be made until ${formatDate(flags.timeLimitEnds)}`]
          : ['None in the policy']),
        ...(flags.timeLimitException ? [`Exception: ${codeInWords(flags.timeLimitException)}`] : []),
        ...(flags.timeLimitDiscretion ? [`Accepted using discretion: ${flags.timeLimitDiscretion}`] : []),
      ],
      ...(flags.outsideTimeLimit
        ? { tag: { text: 'Outside the time limit', classes: 'govuk-tag--orange' } }
        : {}),
    },
    { key: 'Stage 1 handler', lines: [view.handlers.stage1?.name ?? 'Not assigned'] },
  ];
  if (view.stage === 2)
    rows.push({ key: 'Stage 2 handler', lines: [view.handlers.stage2?.name ?? 'Not assigned'] });
  if (view.notAccepted) {
    rows.push({
      key: 'Not accepted',
      lines: [`${codeInWords(view.notAccepted.reasonCode)}: ${view.notAccepted.explanation}`],
    });
  }
  if (view.discontinued) {
    rows.push({
      key: 'Left the process',
      lines: [
        `Legal proceedings started: ${view.discontinued.explanation}`,
        formatDateTime(view.discontinued.at),
      ],
    });
  }
  return rows;
}

/** Where the resident can go after the landlord's process, and when: every route that applies. */
function externalRoutes(view: ComplaintView) {
  return view.externalRoutes.map((route) => ({
    name: route.body.name,
    when: route.when,
    contact: contactLine(route.body),
    note: 'note' in route.body ? (route.body.note ?? '') : '',
  }));
}

interface ContactDetails {
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
}

/** An address as its lines, then the postcode. */
function addressLines(contact: ContactDetails | undefined): string[] {
  const lines = (contact?.address ?? '').split(/\r?\n/).map((line) => line.trim());
  return [...lines, contact?.postcode ?? ''].filter(Boolean);
}

const orNotGiven = (lines: string[]) => (lines.length ? lines : ['Not given']);

function contactLines(contact: ContactDetails | undefined): string[] {
  if (!contact) return [];
  return [contact.phone, contact.email, ...addressLines(contact)].filter((line): line is string =>
    Boolean(line),
  );
}

function parties(view: ComplaintView): Row[] {
  const c = view.complainant;
  const rows: Row[] =
    c.kind === 'named'
      ? [
          { key: 'Complainant', lines: [c.name] },
          {
            key: 'Contact details',
            lines: orNotGiven(
              [c.contact?.phone, c.contact?.email].filter((line): line is string => Boolean(line)),
            ),
          },
          { key: 'Address', lines: orNotGiven(addressLines(c.contact)) },
          { key: 'Tenancy reference', lines: orNotGiven(c.tenancyReference ? [c.tenancyReference] : []) },
        ]
      : [{ key: 'Complainant', lines: ['Anonymous'] }];
  const r = view.representative;
  if (r) {
    const exempt = CONSENT_EXEMPT_RELATIONSHIPS.includes(r.relationship);
    rows.push({
      key: 'Representative',
      lines: [
        `${r.name} (${RELATIONSHIP_NAMES[r.relationship]})`,
        ...contactLines(r.contact),
        r.consentHeld ? 'The resident’s consent is held' : exempt ? 'Consent is not needed' : '',
        view.consentRecorded
          ? `Consent received ${formatDateTime(view.consentRecorded.at)}: ${view.consentRecorded.how}`
          : '',
        view.proceededWithoutConsent
          ? `Went ahead before consent was held: ${view.proceededWithoutConsent}`
          : '',
      ].filter(Boolean),
      ...(view.flags.consentOutstanding
        ? { tag: { text: 'Consent outstanding', classes: 'govuk-tag--red' } }
        : {}),
    });
  }
  if (view.collectiveMembers.length) {
    rows.push({
      key: 'Other members (collective complaint)',
      lines: view.collectiveMembers.map((m) => [m.name, ...contactLines(m.contact)].join(', ')),
    });
  }
  return rows;
}

function escalation(view: ComplaintView): Row[] {
  const e = view.escalation;
  if (!e) return [];
  const ROUTE_WORDS = {
    'after-response': 'After the stage 1 response',
    'stage-1-overdue': 'Because the stage 1 response was overdue',
    direct: `Straight to stage 2${e.directReason === 'complex' ? ': it is complex' : e.directReason === 'resident-asked' ? ': the resident asked' : ''}`,
  } as const;
  const refusal = e.refusal;
  return [
    { key: 'Requested', lines: [formatDateTime(e.requestedAt), ROUTE_WORDS[e.route ?? 'after-response']] },
    { key: 'Reasons given', lines: [e.reason ?? 'None given'] },
    {
      key: 'Escalation window',
      lines: [e.windowEnds ? `Open until ${formatDate(e.windowEnds)}` : 'None in the policy'],
      ...(e.outsideWindow ? { tag: { text: 'Requested late', classes: 'govuk-tag--orange' } } : {}),
    },
    ...(e.lateEscalationAccepted
      ? [{ key: 'Late escalation accepted', lines: [e.lateEscalationAccepted] }]
      : []),
    ...(refusal
      ? [
          {
            key: 'Escalation refused',
            lines: [
              refusal.ground === 'unspecified'
                ? ''
                : `${sentence(REFUSAL_GROUND_WORDS[refusal.ground])}${refusal.exclusionCode ? ` (${codeInWords(refusal.exclusionCode)})` : ''}`,
              refusal.discretionConsidered ? `Discretion considered: ${refusal.discretionConsidered}` : '',
              refusal.explanation,
            ].filter(Boolean),
          },
        ]
      : []),
  ];
}

function decisions(view: ComplaintView) {
  const pointText = (id: string) => view.points.find((p) => p.id === id)?.text ?? '';
  return ([1, 2] as const).flatMap((stage) => {
    const list = stage === 1 ? view.decisions.stage1 : view.decisions.stage2;
    if (!list.length) return [];
    return [
      {
        stage,
        learning: (stage === 1 ? view.learning.stage1 : view.learning.stage2) ?? '',
        rows: list.map((d) => ({
          point: `${d.pointId}: ${pointText(d.pointId)}`,
          outcome: OUTCOME_NAMES[d.outcome],
          reasons: d.reasons,
        })),
      },
    ];
  });
}

function items(view: ComplaintView) {
  return view.remediesAndActions.map((item) => ({
    id: item.id,
    what:
      item.kind === 'remedy' ? `Remedy: ${codeInWords(item.remedyKind ?? 'other').toLowerCase()}` : 'Action',
    description: item.description,
    amount: pounds(item.amountPence),
    due: formatDate(item.dueDate),
    completedOn: formatDate(item.completedOn),
    tag: item.completedOn
      ? { text: 'Completed', classes: 'govuk-tag--green' }
      : item.overdue
        ? { text: 'Overdue', classes: 'govuk-tag--red' }
        : { text: 'Outstanding', classes: 'govuk-tag--blue' },
  }));
}

function extensions(view: ComplaintView) {
  return ([1, 2] as const).flatMap((stage) =>
    (stage === 1 ? view.extensions.stage1 : view.extensions.stage2).map((e) => ({
      stage,
      from: formatDate(e.previousDueDate),
      to: formatDate(e.newDueDate),
      reason: e.reason,
      updateInterval: e.updateInterval ?? '',
      at: formatDateTime(e.at),
    })),
  );
}

/** Everything the case page shows, as text: the template only lays it out. */
export function casePageData(
  view: ComplaintView,
  events: readonly DescribedEvent[],
  role: Role,
  today: IsoDate,
  areas: readonly ServiceArea[],
  /** The commands offered; by default what the rules allow. */
  offered: readonly CommandName[] = view.allowedCommands,
) {
  const reference = view.reference;
  const complainant = view.complainant.kind === 'named' ? view.complainant : null;
  return {
    reference,
    statusInWords: STATUS_IN_WORDS[view.status],
    details: caseDetails(view, areas),
    parties: parties(view),
    vulnerabilities: complainant?.vulnerabilities ?? '',
    reasonableAdjustments: complainant?.reasonableAdjustments ?? '',
    summary: view.summary,
    deadlines: deadlines(view.deadlines, today),
    benchmark: view.benchmark.differs
      ? { name: view.benchmark.name, deadlines: deadlines(view.benchmark.deadlines, today) }
      : null,
    externalRoutes: externalRoutes(view),
    extensions: extensions(view),
    points: view.points.map((p) => ({ id: p.id, text: p.text, stage: `Stage ${p.stage}` })),
    definitions: ([1, 2] as const)
      .map((stage) => ({ stage, ...(stage === 1 ? view.definition.stage1 : view.definition.stage2) }))
      .filter((d) => d.outcomesSought.length || d.notLandlordResponsibility.length),
    decisions: decisions(view),
    items: items(view),
    escalation: escalation(view),
    linkedFrom: view.linkedFrom,
    linkedCases: view.linkedCases,
    timeline: events.map((e) => ({
      at: formatDateTime(e.occurredAt),
      // A dated action: when it happened, and when it was put on the record.
      recorded: e.recordedAt !== e.occurredAt ? `Recorded ${formatDateTime(e.recordedAt)}` : '',
      who: e.via ? `${e.actor.name}, through ${e.via.integration}` : e.actor.name,
      what: e.description,
    })),
    actions: actionsFor(role, offered).map((command) => ({
      text: ACTION_FORMS[command].title,
      href: `/cases/${reference}/${command}`,
    })),
  };
}
