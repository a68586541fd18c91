import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionsFor, may, mayOnCase, PERMISSIONS, ROLES } from '../../../../src/domain/access/permissions.ts';
import { ALLOWED_IN, type CommandName } from '../../../../src/domain/complaint/decide.ts';
import { STATUSES } from '../../../../src/domain/complaint/state.ts';

void describe('the permission table', () => {
  void it('board members never see or touch a case: aggregates only', () => {
    assert.deepEqual(PERMISSIONS['board-member'], ['view-dashboard', 'view-reports']);
    for (const status of STATUSES) assert.deepEqual(actionsFor('board-member', status), []);
  });

  void it('administrators run the service but have no case actions', () => {
    assert.ok(may('administrator', 'administer'));
    assert.ok(!may('administrator', 'view-cases'));
    for (const status of STATUSES) assert.deepEqual(actionsFor('administrator', status), []);
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
    assert.deepEqual(actionsFor('front-line', 'stage-1'), ['record-contact']);
  });

  void it('the complaints officer allocates, accepts and closes', () => {
    for (const action of ['accept', 'not-accept', 'assign-handler', 'close', 'withdraw'] as const) {
      assert.ok(may('complaints-officer', action), action);
    }
    assert.deepEqual(actionsFor('complaints-officer', 'received'), [
      'accept',
      'not-accept',
      'assign-handler',
      'record-contact',
      'withdraw',
    ]);
  });

  void it('an action is offered only when both the role and the case status allow it', () => {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const command of Object.keys(ALLOWED_IN) as CommandName[]) {
          assert.equal(
            mayOnCase(role, command, status),
            PERMISSIONS[role].includes(command) && ALLOWED_IN[command].includes(status),
            `${role} ${command} ${status}`,
          );
        }
      }
    }
    assert.ok(!mayOnCase('senior-lead', 'final-response', 'stage-1'));
    assert.ok(mayOnCase('senior-lead', 'final-response', 'stage-2'));
  });

  void it('every lifecycle command can be taken by some role', () => {
    for (const command of Object.keys(ALLOWED_IN) as CommandName[]) {
      assert.ok(
        ROLES.some((r) => may(r, command)),
        command,
      );
    }
  });
});
