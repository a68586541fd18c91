import type { z } from 'zod';
import { COMMAND_SCHEMAS } from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';

export interface CommandDefinition {
  schema: z.ZodObject;
  summary: string;
}

const SUMMARIES: { readonly [K in CommandName]: string } = {
  accept: 'Accept the complaint (record discretion if outside the time limit)',
  'not-accept': 'Do not accept it, with a reason from the policy and an explanation',
  'record-consent': 'Record the resident’s consent to their representative, received after the complaint',
  acknowledge: 'Acknowledge and define stage 1: points, outcomes sought, handler',
  'assign-handler': 'Assign the handler for the current stage',
  'add-point': 'Add a related point before the response',
  'spin-off': 'Make new points a new complaint, linked to this one',
  extend: 'Extend the response deadline of the current stage',
  'record-contact': 'Record a contact with the resident, or a note',
  respond: 'Send the stage 1 response: a decision on every point, remedies, actions',
  escalate:
    'Record the resident’s request for stage 2: after the stage 1 response, when it is overdue, or (where the policy allows) straight away',
  'refuse-escalation':
    'Refuse the escalation on a ground the policy and the benchmark allow, with the Ombudsman right',
  'acknowledge-stage-2': 'Acknowledge stage 2 and assign its handler',
  'final-response': 'Send the final (stage 2) response',
  'complete-action': 'Mark a remedy or outstanding action complete',
  discontinue: 'Take it out of the process because legal proceedings have started, with the Ombudsman right',
  withdraw: 'Record that the complaint was withdrawn',
  close: 'Close the complaint after a response',
};

/** Each user action on a complaint: its input schema and what it does, for routes and the OpenAPI. */
export const COMPLAINT_COMMANDS = Object.fromEntries(
  (Object.keys(SUMMARIES) as CommandName[]).map((name) => [
    name,
    { schema: COMMAND_SCHEMAS[name], summary: SUMMARIES[name] },
  ]),
) as unknown as { readonly [K in CommandName]: CommandDefinition };
