import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultsInWords } from '../../../src/modules/casework/case-list-words.ts';

void describe('the case list’s result count in words', () => {
  void it('says how many cases match and which this page shows', () => {
    assert.deepEqual(resultsInWords({ total: { count: 1234, atLeast: false }, from: 26, to: 50 }), {
      heading: '1,234 cases',
      showing: 'Showing 26 to 50 of 1,234 cases',
    });
    assert.deepEqual(resultsInWords({ total: { count: 1, atLeast: false }, from: 1, to: 1 }), {
      heading: '1 case',
      showing: null,
    });
    assert.deepEqual(resultsInWords({ total: { count: 0, atLeast: false }, from: 0, to: 0 }), {
      heading: '0 cases',
      showing: null,
    });
  });

  void it('says "more than" when the count stopped at its cap', () => {
    assert.deepEqual(resultsInWords({ total: { count: 10000, atLeast: true }, from: 1, to: 25 }), {
      heading: 'More than 10,000 cases',
      showing: 'Showing 1 to 25 of more than 10,000 cases',
    });
  });
});
