import {
  CHANNEL_NAMES,
  INTAKE_CHANNELS,
  RELATIONSHIP_NAMES,
  REPRESENTATIVE_RELATIONSHIPS,
} from '../../domain/complaint/command-schemas.ts';
import {
  LOG_CONTACT_FIELDS,
  type LogContactAnswers,
  type LoggedContact,
} from '../../domain/contact/contact-schemas.ts';
import { londonWallClock } from '../../domain/calendar/index.ts';
import { COMPLAINT_SIGNALS, CONTACT_KINDS, RESIDENT_CHOICES } from '../../domain/contact/triage.ts';
import { dateInWords, dateTimeInWords } from '../../domain/calendar/dates-in-words.ts';
import { dateInputIds, dateInputValues } from '../../platform/web/date-input.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { serviceAreaName, type ServiceArea } from '../administration/service-areas.repository.ts';
import { CHOICE_IN_WORDS, KIND_IN_WORDS } from './contact.presenter.ts';

/** The data the "Log a contact" form and its check-your-answers page are drawn from. */

/** Where the error summary links for fields that are not one input. */
export const CONTACT_FIELD_IDS: Record<string, string> = {
  ...dateInputIds(['received', 'issueDate']),
  form: 'contact-form',
};

const KIND_HINTS: Record<(typeof CONTACT_KINDS)[number], string> = {
  complaint:
    'The resident is unhappy with our service, actions or lack of action. They need not use the word.',
  'service-request': 'A request to put something right, like a repair or a missed appointment.',
  compliment: 'Praise for a member of staff or a contractor.',
  suggestion: 'An idea for how we could do things better.',
};

const choices = <T extends string>(codes: readonly T[], words: Record<T, string>, chosen: string) =>
  codes.map((code) => ({ value: code, text: words[code], checked: code === chosen }));

/** A blank form: received now (London time). */
export function blankAnswers(now: Date): LogContactAnswers {
  const blank = Object.fromEntries(LOG_CONTACT_FIELDS.map((f) => [f, ''])) as LogContactAnswers;
  const { date, time } = londonWallClock(now);
  return { ...blank, ...dateInputValues('received', date), receivedTime: time };
}

export function contactFormData(
  values: LogContactAnswers,
  areas: ServiceArea[],
  errors?: FormErrors,
): Record<string, unknown> {
  return {
    values,
    errors,
    signals: COMPLAINT_SIGNALS,
    kindItems: CONTACT_KINDS.map((kind) => ({
      value: kind,
      text: KIND_IN_WORDS[kind],
      hint: { text: KIND_HINTS[kind] },
      checked: kind === values.kind,
    })),
    channelItems: choices(INTAKE_CHANNELS, CHANNEL_NAMES, values.channel),
    relationshipItems: [
      { value: '', text: 'Select a relationship' },
      ...REPRESENTATIVE_RELATIONSHIPS.map((r) => ({
        value: r,
        text: RELATIONSHIP_NAMES[r],
        selected: r === values.representativeRelationship,
      })),
    ],
    choiceItems: choices(RESIDENT_CHOICES, CHOICE_IN_WORDS, values.residentChose),
    areaItems: areas.length
      ? [
          { value: '', text: 'Select a service area' },
          ...areas.map((a) => ({ value: a.code, text: a.name, selected: a.code === values.serviceArea })),
        ]
      : null,
    categoryItems: areas.some((a) => a.categories.length)
      ? [
          { value: '', text: 'No category' },
          ...areas.flatMap((a) =>
            a.categories.map((c) => ({
              value: c.code,
              text: `${a.name}: ${c.name}`,
              selected: c.code === values.category && a.code === values.serviceArea,
            })),
          ),
        ]
      : null,
  };
}

interface AnswerRow {
  key: string;
  value: string;
  /** The field the "Change" button takes them to. */
  field: string;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** The check-your-answers summary: each answer in words, with the field to change it. */
export function answerRows(contact: LoggedContact, areas: ServiceArea[]): AnswerRow[] {
  const r = contact.resident;
  const rows: (AnswerRow | null)[] = [
    { key: 'Kind of contact', value: KIND_IN_WORDS[contact.kind], field: 'kind' },
    { key: 'How it was made', value: CHANNEL_NAMES[contact.channel], field: 'channel' },
    { key: 'Received', value: dateTimeInWords(contact.receivedAt), field: 'received-day' },
    { key: 'Resident', value: r.name ?? 'Not given (anonymous)', field: 'residentName' },
    r.phone ? { key: 'Phone number', value: r.phone, field: 'residentPhone' } : null,
    r.email ? { key: 'Email address', value: r.email, field: 'residentEmail' } : null,
    r.address ? { key: 'Address', value: r.address, field: 'residentAddress' } : null,
    r.postcode ? { key: 'Postcode', value: r.postcode, field: 'residentPostcode' } : null,
    r.tenancyReference
      ? { key: 'Tenancy reference', value: r.tenancyReference, field: 'tenancyReference' }
      : null,
    r.vulnerabilities ? { key: 'Vulnerabilities', value: r.vulnerabilities, field: 'vulnerabilities' } : null,
    r.reasonableAdjustments
      ? { key: 'Reasonable adjustments', value: r.reasonableAdjustments, field: 'reasonableAdjustments' }
      : null,
    contact.representative
      ? {
          key: 'Representative',
          value: `${contact.representative.name} (${RELATIONSHIP_NAMES[contact.representative.relationship]}); consent held: ${yesNo(contact.representative.consentHeld)}`,
          field: 'representativeName',
        }
      : { key: 'Representative', value: 'None', field: 'hasRepresentative' },
    { key: 'Summary', value: contact.summary, field: 'summary' },
    {
      key: 'Service area',
      value: contact.serviceArea ? serviceAreaName(areas, contact.serviceArea) : 'Not given',
      field: 'serviceArea',
    },
    contact.category ? { key: 'Category', value: contact.category, field: 'category' } : null,
    { key: 'Unhappy with the service', value: yesNo(contact.triage.dissatisfied), field: 'dissatisfied' },
    contact.triage.residentChose
      ? {
          key: 'Offered the choice to complain',
          value: `Yes. They chose: ${CHOICE_IN_WORDS[contact.triage.residentChose].toLowerCase()}`,
          field: 'residentChose',
        }
      : null,
    contact.complaint
      ? {
          key:
            contact.complaint.issueDateKind === 'occurred' ? 'The issue happened on' : 'They became aware on',
          value: dateInWords(contact.complaint.issueDate),
          field: 'issueDate-day',
        }
      : null,
    contact.compliment
      ? {
          key: 'Compliment for',
          value: `${contact.compliment.staffMemberName} (manager: ${contact.compliment.managerName})`,
          field: 'staffMemberName',
        }
      : null,
    contact.compliment
      ? { key: 'Passed on to them', value: yesNo(contact.compliment.passedOnAtIntake), field: 'passedOn' }
      : null,
  ];
  return rows.filter((row): row is AnswerRow => row !== null);
}

/** The answers as hidden fields, so the check page works without JavaScript or a server-side draft. */
export function hiddenAnswers(values: LogContactAnswers): { name: string; value: string }[] {
  return LOG_CONTACT_FIELDS.filter((f) => values[f] !== '').map((f) => ({ name: f, value: values[f] }));
}
