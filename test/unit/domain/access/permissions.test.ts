import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionsFor, may, PERMISSIONS, ROLES } from '../../../../src/domain/access/permissions.ts';
import { ALLOWED_IN, type CommandName } from '../../../../src/domain/complaint/decide.ts';

const EVERY_COMMAND = Object.keys(ALLOWED_IN) as CommandName[];

void describe('the permission table', () => {
  void it('board members never see or touch a case: aggregates only', () => {
    assert.deepEqual(PERMISSIONS['board-member'], ['view-dashboard', 'view-reports']);
    assert.deepEqual(actionsFor('board-member', EVERY_COMMAND), []);
  });

  void it('administrators run the service but have no case actions', () => {
    assert.ok(may('administrator', 'administer'));
    assert.ok(!may('administrator', 'view-cases'));
    assert.deepEqual(actionsFor('administrator', EVERY_COMMAND), []);
  });

  void it('only handlers and senior leads send responses; only senior leads the final one', () => {
    const responders = ROLES.filter((r) => may(r, 'respond'));
    assert.deepEqual(responders, ['handler', 'senior-lead']);
    assert.deepEqual(
      ROLES.filter((r) => may(r, 'final-response')),
      ['senior-lead'],
    );
  });

  void it('front-line staff log contacts and notes but take no decisions', () => {
    assert.ok(may('front-line', 'log-contact'));
    assert.deepEqual(actionsFor('front-line', EVERY_COMMAND), ['record-contact']);
  });

  void it('the complaints officer allocates, accepts, refuses on a ground and closes', () => {
    for (const action of [
      'accept',
      'not-accept',
      'assign-handler',
      'refuse-escalation',
      'discontinue',
      'close',
      'withdraw',
    ] as const) {
      assert.ok(may('complaints-officer', action), action);
    }
    assert.deepEqual(
      actionsFor('complaints-officer', ['accept', 'not-accept', 'respond', 'record-contact']),
      ['accept', 'not-accept', 'record-contact'],
    );
  });

  void it('offers exactly the commands the rules allow that the role may take, in the rules’ order', () => {
    for (const role of ROLES) {
      assert.deepEqual(
        actionsFor(role, EVERY_COMMAND),
        EVERY_COMMAND.filter((c) => PERMISSIONS[role].includes(c)),
        role,
      );
    }
  });

  void it('every lifecycle command can be taken by some role', () => {
    for (const command of EVERY_COMMAND) {
      assert.ok(
        ROLES.some((r) => may(r, command)),
        command,
      );
    }
  });
});
