import { dateInWords } from '../calendar/index.ts';
import type { ComplaintEvent } from './events.ts';

/** One line of plain English per event, for the timeline staff, residents and the Ombudsman read. */
export function describeEvent(event: ComplaintEvent): string {
  switch (event.type) {
    case 'complaint-received':
      return `Complaint received by ${event.data.channel.replace(/-/g, ' ')} (taken by ${event.data.receivedBy.name})`;
    case 'complaint-accepted':
      return event.data.timeLimitDiscretion
        ? `Accepted outside the time limit using discretion: ${event.data.timeLimitDiscretion.reason}`
        : 'Accepted as a complaint';
    case 'complaint-not-accepted':
      return `Not accepted (${event.data.reasonCode}): ${event.data.explanation}`;
    case 'consent-recorded':
      return `The resident’s consent to their representative recorded: ${event.data.how}`;
    case 'complaint-acknowledged': {
      const count = event.data.points.length;
      return `Stage ${event.data.stage} acknowledged${count ? ` with ${count} ${count === 1 ? 'point' : 'points'} defined` : ''}${event.data.proceedWithoutConsent ? `, going ahead before the resident’s consent: ${event.data.proceedWithoutConsent.reason}` : ''}`;
    }
    case 'late-escalation-accepted':
      return `Late escalation accepted: ${event.data.reason}`;
    case 'handler-assigned': {
      const { handler, previous, reason, stage } = event.data;
      const what = previous
        ? `Reassigned from ${previous.name} to ${handler.name}`
        : `${handler.name} assigned to handle stage ${stage}`;
      return reason ? `${what}: ${reason}` : what;
    }
    case 'point-added':
      return `Point ${event.data.point.id} added: ${event.data.point.text}`;
    case 'linked-complaint-created':
      return `New linked complaint ${event.data.reference} created (${event.data.reason.replace(/-/g, ' ')})`;
    case 'deadline-extended':
      return `Stage ${event.data.stage} response date extended from ${dateInWords(event.data.previousDueDate)} to ${dateInWords(event.data.newDueDate)}: ${event.data.reason}`;
    case 'contact-recorded':
      return `${event.data.kind === 'note' ? 'Note' : 'Contact'}: ${event.data.summary}`;
    case 'response-sent':
      return event.data.stage === 1 ? 'Stage 1 response sent' : 'Final (stage 2) response sent';
    case 'escalation-requested':
      return `Escalation to stage 2 requested${ESCALATION_ROUTE_WORDS[event.data.route ?? 'after-response']}${event.data.outsideWindow ? ' after the escalation window' : ''}`;
    case 'escalation-refused':
      return `Escalation refused${event.data.ground === 'unspecified' ? '' : ` (${REFUSAL_GROUND_WORDS[event.data.ground]}${event.data.exclusionCode ? `: ${event.data.exclusionCode}` : ''})`}: ${event.data.explanation}`;
    case 'complaint-discontinued':
      return `Taken out of the complaints process because legal proceedings started: ${event.data.explanation}`;
    case 'item-completed':
      return `${event.data.itemId} completed on ${dateInWords(event.data.completedOn)}`;
    case 'complaint-withdrawn':
      return `Withdrawn: ${event.data.reason}`;
    case 'complaint-closed':
      return 'Complaint closed';
  }
}

const ESCALATION_ROUTE_WORDS = {
  'after-response': '',
  'stage-1-overdue': ' because the stage 1 response was overdue',
  direct: ' straight from stage 1, before a response',
} as const;

/** How each ground for refusing stage 2 reads on the timeline. */
export const REFUSAL_GROUND_WORDS = {
  'outside-escalation-window': 'asked for after the policy’s window, discretion considered',
  'legal-proceedings': 'legal proceedings have started',
  'already-considered': 'already considered under the complaints process',
  'policy-exclusion': 'an exclusion in the policy',
} as const;
