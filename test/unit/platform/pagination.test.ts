import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { paginationItems, type PaginationItem } from '../../../src/platform/web/pagination.ts';

const href = (n: number) => `/cases?page=${String(n)}`;
/** The items as GOV.UK draws them: "1 … 6 [7] 8 … 40". */
const drawn = (items: PaginationItem[]) =>
  items
    .map((i) => ('ellipsis' in i ? '…' : i.current ? `[${String(i.number)}]` : String(i.number)))
    .join(' ');

void describe('page numbers (the GOV.UK pagination pattern)', () => {
  void it('shows the first, last, current and neighbouring pages, with a gap where pages are left out', () => {
    assert.equal(drawn(paginationItems(7, 40, href)), '1 … 6 [7] 8 … 40');
    assert.equal(drawn(paginationItems(1, 40, href)), '[1] 2 … 40');
    assert.equal(drawn(paginationItems(40, 40, href)), '1 … 39 [40]');
    assert.equal(drawn(paginationItems(3, 5, href)), '1 2 [3] 4 5');
    assert.equal(drawn(paginationItems(2, 2, href)), '1 [2]');
    assert.deepEqual(paginationItems(1, 1, href), [], 'one page needs no numbers');
  });

  void it('leaves out the last page when the count stopped short of it', () => {
    assert.equal(drawn(paginationItems(7, 400, href, false)), '1 … 6 [7] 8 …');
    assert.equal(drawn(paginationItems(400, 400, href, false)), '1 … 399 [400]');
  });

  void it('links each number to its page, in order, with one gap at most between numbers', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 1000 })
          .chain((count) => fc.tuple(fc.integer({ min: 1, max: count }), fc.constant(count), fc.boolean())),
        ([page, count, lastKnown]) => {
          const items = paginationItems(page, count, href, lastKnown);
          const numbers = items.flatMap((i) => ('number' in i ? [i.number] : []));
          assert.ok(numbers.includes(1) && numbers.includes(page));
          assert.equal(numbers.includes(count), lastKnown || page >= count - 1);
          assert.deepEqual(
            items.filter((i) => 'current' in i).map((i) => ('number' in i ? i.number : 0)),
            [page],
          );
          for (const [k, item] of items.entries()) {
            if ('number' in item) assert.equal(item.href, href(item.number));
            const next = items[k + 1];
            if (!next) continue;
            if ('ellipsis' in item) assert.ok('number' in next, 'never two gaps together');
            else if ('number' in next) assert.equal(next.number, item.number + 1, 'no hidden gap');
            else {
              // A gap stands for at least one page left out.
              const after = items[k + 2];
              const resumes = after && 'number' in after ? after.number : count + 1;
              assert.ok(resumes > item.number + 1, 'a gap hides a page');
            }
          }
        },
      ),
    );
  });
});
