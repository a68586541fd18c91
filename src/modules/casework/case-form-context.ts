import type { CommandName } from '../../domain/complaint/decide.ts';
import type { ComplaintView } from '../complaints/complaint.presenter.ts';
import { formatDate } from './case-format.ts';

/** A summary list row of lines of text (never HTML). */
export interface ContextRow {
  key: string;
  lines: string[];
}

/** The forms whose answer depends on what the resident asked: they show it beside the questions. */
const FORMS_ON_THE_COMPLAINT: readonly CommandName[] = [
  'acknowledge',
  'acknowledge-stage-2',
  'respond',
  'final-response',
  'extend',
];

const row = (key: string, lines: readonly string[]): ContextRow[] =>
  lines.length ? [{ key, lines: [...lines] }] : [];

/**
 * What the person answering a form needs in front of them (Code 5.6, 6.9, 6.19): the complaint as
 * the resident put it, what they want, the points defined so far, and any adjustments to make.
 * Empty for forms that do not answer the complaint itself.
 */
export function complaintContext(view: ComplaintView, command: CommandName): ContextRow[] {
  if (!FORMS_ON_THE_COMPLAINT.includes(command)) return [];
  const complainant = view.complainant.kind === 'named' ? view.complainant : null;
  const outcomes = [...view.definition.stage1.outcomesSought, ...view.definition.stage2.outcomesSought];
  const notOurs = [
    ...view.definition.stage1.notLandlordResponsibility,
    ...view.definition.stage2.notLandlordResponsibility,
  ];
  const escalation = view.escalation;
  return [
    ...row('What the resident said', [view.summary]),
    ...row('Received', [formatDate(view.receivedOn)]),
    ...row('Outcomes sought', outcomes),
    ...row(
      'Points of complaint',
      view.points.map((p) => `Point ${p.id} (stage ${p.stage}): ${p.text}`),
    ),
    ...row('Not the landlord’s responsibility', notOurs),
    ...(escalation?.reason ? row('Why they asked for stage 2', [escalation.reason]) : []),
    ...row(
      'Reasonable adjustments',
      complainant?.reasonableAdjustments ? [complainant.reasonableAdjustments] : [],
    ),
    ...row('Vulnerabilities', complainant?.vulnerabilities ? [complainant.vulnerabilities] : []),
  ];
}
