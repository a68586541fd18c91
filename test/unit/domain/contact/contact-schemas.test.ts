import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZodError } from 'zod';
import { answersFrom, logContactSchema } from '../../../../src/domain/contact/contact-schemas.ts';
import { instantOfLondon, londonWallClock } from '../../../../src/domain/calendar/index.ts';

const NOW = new Date('2026-07-01T12:00:00Z');

const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'complaint',
  channel: 'phone',
  received: '2026-07-01',
  receivedTime: '9:30',
  residentName: ' Margaret Ellis ',
  summary: 'Boiler broken',
  serviceArea: 'repairs',
  hasRepresentative: 'no',
  dissatisfied: 'no',
  issueDate: '2026-06-20',
  issueDateKind: 'occurred',
  ...overrides,
});

/** Each problem's field and message, in order. */
function problems(input: Record<string, string>): [string, string][] {
  try {
    logContactSchema(NOW).parse(input);
  } catch (error) {
    assert.ok(error instanceof ZodError);
    return error.issues.map((i) => [i.path.join('.'), i.message]);
  }
  return [];
}

void describe('the "Log a contact" form schema', () => {
  void it('turns a complaint into a record: London time to UTC, trimmed, empty answers left out', () => {
    const contact = logContactSchema(NOW).parse(form());
    assert.deepEqual(contact, {
      kind: 'complaint',
      channel: 'phone',
      receivedAt: '2026-07-01T08:30:00.000Z',
      resident: { name: 'Margaret Ellis' },
      summary: 'Boiler broken',
      serviceArea: 'repairs',
      triage: { dissatisfied: false, offeredChoice: false, residentChose: null },
      complaint: { issueDate: '2026-06-20', issueDateKind: 'occurred' },
    });
  });

  void it('needs each kind’s own answers', () => {
    assert.deepEqual(problems(form({ issueDate: '', issueDateKind: '', serviceArea: '' })), [
      ['serviceArea', 'Select the service area the complaint is about'],
      ['issueDate', 'Enter the date of the issue'],
      [
        'issueDateKind',
        'Select whether the date is when the issue happened or when the resident became aware of it',
      ],
    ]);
    assert.deepEqual(problems(form({ kind: 'compliment' })), [
      ['staffMemberName', 'Enter the name of the member of staff complimented'],
      ['managerName', 'Enter the name of their manager'],
    ]);
    assert.deepEqual(problems(form({ kind: 'suggestion', serviceArea: '' })), []);
  });

  void it('asks whether someone acts for the resident, whatever the channel', () => {
    assert.deepEqual(problems(form({ hasRepresentative: '' })), [
      ['hasRepresentative', 'Select whether someone is acting for the resident'],
    ]);
    // A representative is not a channel: "third-party" is not offered, so not accepted, on the form.
    assert.deepEqual(problems(form({ channel: 'third-party' })), [
      ['channel', 'Select how the contact was made'],
    ]);
    // Answers to the revealed questions count only after "Yes".
    const unrepresented = logContactSchema(NOW).parse(
      form({ representativeName: 'Left over', representativeRelationship: 'friend', consentHeld: 'yes' }),
    );
    assert.equal(unrepresented.representative, undefined);
  });

  void it('needs the representative and consent when someone acts for the resident, and keeps the channel', () => {
    assert.deepEqual(problems(form({ hasRepresentative: 'yes' })), [
      ['representativeName', 'Enter the representative’s name'],
      ['representativeRelationship', 'Select the representative’s relationship to the resident'],
      ['consentHeld', 'Select whether the resident’s consent is held'],
    ]);
    const contact = logContactSchema(NOW).parse(
      form({
        hasRepresentative: 'yes',
        representativeName: 'Cllr Jones',
        representativeRelationship: 'councillor',
        consentHeld: 'no',
      }),
    );
    assert.deepEqual(contact.representative, {
      name: 'Cllr Jones',
      relationship: 'councillor',
      consentHeld: false,
    });
    assert.equal(contact.channel, 'phone');
  });

  void it('refuses dates that are not real, in the future, or an issue after receipt', () => {
    assert.deepEqual(problems(form({ received: '2026-06-31' })), [
      ['received', 'Enter the date the contact was received as a real date'],
    ]);
    assert.deepEqual(problems(form({ receivedTime: '14:00' })), [
      ['received', 'The date and time received cannot be in the future'],
    ]);
    assert.deepEqual(problems(form({ receivedTime: '25:00' })), [
      ['receivedTime', 'Enter the time in the 24-hour clock, like 14:30'],
    ]);
    assert.deepEqual(problems(form({ issueDate: '2026-07-02' })), [
      ['issueDate', 'The date of the issue must be on or before the date received'],
    ]);
  });

  void it('applies the triage rule: dissatisfaction needs the recorded choice; choosing to complain decides', () => {
    assert.deepEqual(problems(form({ kind: 'service-request', dissatisfied: 'yes' })), [
      ['offeredChoice', 'Confirm the resident was offered the choice to make a complaint'],
      ['residentChose', 'Select what the resident chose'],
    ]);
    assert.deepEqual(problems(form({ kind: '', dissatisfied: 'yes' })), [
      ['offeredChoice', 'Confirm the resident was offered the choice to make a complaint'],
      ['residentChose', 'Select what the resident chose'],
      ['kind', 'Select what kind of contact this is'],
    ]);
    assert.deepEqual(problems(form({ dissatisfied: '' })), [
      ['dissatisfied', 'Select whether the resident said they were unhappy with the service'],
    ]);
    const chosen = logContactSchema(NOW).parse(
      form({
        kind: 'service-request',
        dissatisfied: 'yes',
        offeredChoice: 'yes',
        residentChose: 'complaint',
      }),
    );
    assert.equal(chosen.kind, 'complaint');
    assert.deepEqual(chosen.triage, { dissatisfied: true, offeredChoice: true, residentChose: 'complaint' });
  });

  void it('keeps every answer as a string for the page, whatever was sent', () => {
    const answers = answersFrom({ kind: ' complaint ', unknown: 'x' });
    assert.equal(answers.kind, 'complaint');
    assert.equal(answers.summary, '');
    assert.equal('unknown' in answers, false);
  });
});

void describe('London wall-clock time', () => {
  void it('converts both ways across the clock changes', () => {
    assert.equal(instantOfLondon('2026-01-15', '09:00').toISOString(), '2026-01-15T09:00:00.000Z');
    assert.equal(instantOfLondon('2026-07-15', '09:00').toISOString(), '2026-07-15T08:00:00.000Z');
    assert.equal(instantOfLondon('2026-03-29', '00:30').toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(instantOfLondon('2026-03-29', '03:00').toISOString(), '2026-03-29T02:00:00.000Z');
    assert.deepEqual(londonWallClock(new Date('2026-10-25T00:30:00Z')), {
      date: '2026-10-25',
      time: '01:30',
    });
    assert.deepEqual(londonWallClock(new Date('2026-12-31T23:59:00Z')), {
      date: '2026-12-31',
      time: '23:59',
    });
  });
});
