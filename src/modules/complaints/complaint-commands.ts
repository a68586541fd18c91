import type { z } from 'zod';
import {
  acceptSchema,
  acknowledgeSchema,
  acknowledgeStage2Schema,
  addPointSchema,
  assignSchema,
  closeSchema,
  completeActionSchema,
  escalateSchema,
  extendSchema,
  notAcceptSchema,
  recordContactSchema,
  refuseEscalationSchema,
  respondSchema,
  spinOffSchema,
  withdrawSchema,
} from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';

export interface CommandDefinition {
  schema: z.ZodObject;
  summary: string;
}

/** Each user action on a complaint: its input schema and what it does, for routes and the OpenAPI. */
export const COMPLAINT_COMMANDS: { readonly [K in CommandName]: CommandDefinition } = {
  accept: {
    schema: acceptSchema,
    summary: 'Accept the complaint (record discretion if outside the time limit)',
  },
  'not-accept': {
    schema: notAcceptSchema,
    summary: 'Do not accept it, with a reason from the policy and an explanation',
  },
  acknowledge: {
    schema: acknowledgeSchema,
    summary: 'Acknowledge and define stage 1: points, outcomes sought, handler',
  },
  'assign-handler': { schema: assignSchema, summary: 'Assign the handler for the current stage' },
  'add-point': { schema: addPointSchema, summary: 'Add a related point before the response' },
  'spin-off': { schema: spinOffSchema, summary: 'Make new points a new complaint, linked to this one' },
  extend: { schema: extendSchema, summary: 'Extend the response deadline of the current stage' },
  'record-contact': { schema: recordContactSchema, summary: 'Record a contact with the resident, or a note' },
  respond: {
    schema: respondSchema,
    summary: 'Send the stage 1 response: a decision on every point, remedies, actions',
  },
  escalate: { schema: escalateSchema, summary: 'Record the resident’s request to escalate to stage 2' },
  'refuse-escalation': { schema: refuseEscalationSchema, summary: 'Refuse the escalation, with reasons' },
  'acknowledge-stage-2': {
    schema: acknowledgeStage2Schema,
    summary: 'Acknowledge stage 2 and assign its handler',
  },
  'final-response': { schema: respondSchema, summary: 'Send the final (stage 2) response' },
  'complete-action': {
    schema: completeActionSchema,
    summary: 'Mark a remedy or outstanding action complete',
  },
  withdraw: { schema: withdrawSchema, summary: 'Record that the complaint was withdrawn' },
  close: { schema: closeSchema, summary: 'Close the complaint after a response' },
};
