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
    case 'complaint-acknowledged':
      return `Stage ${event.data.stage} acknowledged${event.data.points.length ? ` with ${event.data.points.length} point(s) defined` : ''}`;
    case 'late-escalation-accepted':
      return `Late escalation accepted: ${event.data.reason}`;
    case 'handler-assigned':
      return `${event.data.handler.name} assigned to handle stage ${event.data.stage}`;
    case 'point-added':
      return `Point ${event.data.point.id} added: ${event.data.point.text}`;
    case 'linked-complaint-created':
      return `New linked complaint ${event.data.reference} created (${event.data.reason.replace(/-/g, ' ')})`;
    case 'deadline-extended':
      return `Stage ${event.data.stage} response date extended from ${event.data.previousDueDate} to ${event.data.newDueDate}: ${event.data.reason}`;
    case 'contact-recorded':
      return `${event.data.kind === 'note' ? 'Note' : 'Contact'}: ${event.data.summary}`;
    case 'response-sent':
      return event.data.stage === 1 ? 'Stage 1 response sent' : 'Final (stage 2) response sent';
    case 'escalation-requested':
      return `Escalation to stage 2 requested${event.data.outsideWindow ? ' after the escalation window' : ''}`;
    case 'escalation-refused':
      return `Escalation refused: ${event.data.reason}`;
    case 'item-completed':
      return `${event.data.itemId} completed on ${event.data.completedOn}`;
    case 'complaint-withdrawn':
      return `Withdrawn: ${event.data.reason}`;
    case 'complaint-closed':
      return 'Complaint closed';
  }
}
