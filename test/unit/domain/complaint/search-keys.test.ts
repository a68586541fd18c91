import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { complainantSchema } from '../../../../src/domain/complaint/command-schemas.ts';
import {
  formatPostcode,
  normalisePhone,
  postcodesIn,
  referenceNumber,
  searchKeysForQuery,
  searchKeysOf,
} from '../../../../src/domain/complaint/search-keys.ts';
import { receiveCase } from './case-builder.ts';

/** A string with the same characters, re-spaced at random (spaces added or removed between them). */
const respaced = (text: string) =>
  fc.array(fc.constantFrom('', ' ', '  '), { minLength: text.length, maxLength: text.length }).map((gaps) =>
    Array.from(text.replace(/\s/g, ''))
      .map((ch, i) => `${gaps[i] ?? ''}${ch}`)
      .join(''),
  );

const overlaps = (a: string[], b: string[]) => a.some((key) => b.includes(key));

void describe('search keys', () => {
  void it('reads a UK phone number the same whatever its prefix and spacing', () => {
    for (const typed of [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '+447700900123',
      '0044 7700 900123',
      '+44 (0)7700 900123',
      '(07700) 900-123',
      '7700 900123',
    ]) {
      assert.equal(normalisePhone(typed), '447700900123', typed);
    }
    assert.equal(normalisePhone('0161 496 0000'), '441614960000');
    assert.equal(normalisePhone('12345'), null, 'too short to be a number');
    fc.assert(
      fc.property(respaced('07700900123'), fc.boolean(), (spaced, international) => {
        const typed = international ? `+44${spaced.replace(/^\s*0/, '')}` : spaced;
        assert.equal(normalisePhone(typed), '447700900123');
      }),
    );
  });

  void it('reads a postcode in any spacing and case, and finds postcodes in an address', () => {
    assert.equal(formatPostcode('m11aa'), 'M1 1AA');
    assert.equal(formatPostcode(' sw1a 1aa '), 'SW1A 1AA');
    assert.equal(formatPostcode('EC1A1BB'), 'EC1A 1BB');
    assert.equal(formatPostcode('B33 8TH'), 'B33 8TH');
    assert.equal(formatPostcode('not a postcode'), null);
    assert.equal(formatPostcode('M1'), null);
    assert.deepEqual(postcodesIn('12 Oak Road\nManchester\nm1 1aa'), ['M11AA']);
    assert.deepEqual(postcodesIn('Flat 3, 4 High St, Leeds LS1 4AP'), ['LS14AP']);
    assert.deepEqual(postcodesIn('Flat 12 Tower Court'), []);
    fc.assert(
      fc.property(respaced('SW1A1AA'), fc.boolean(), (typed, lower) => {
        const text = lower ? typed.toLowerCase() : typed;
        assert.equal(formatPostcode(text), 'SW1A 1AA');
        assert.ok(searchKeysForQuery(text).includes('postcode:SW1A1AA'));
      }),
    );
  });

  void it('takes the number part of a reference, without its zeros', () => {
    assert.equal(referenceNumber('DH-2026-000016'), '16');
    assert.equal(referenceNumber('DH-2026-1000000'), '1000000');
    for (const typed of ['16', '000016', '2026-000016']) {
      assert.ok(searchKeysForQuery(typed).includes('refno:16'), typed);
    }
    assert.ok(!searchKeysForQuery('0').some((key) => key.startsWith('refno:')));
  });

  void it('keys a case by its reference number, tenancy, phones, e-mails and postcodes, its representative’s too', () => {
    const { state } = receiveCase({
      reference: 'DH-2026-000016',
      input: {
        complainant: {
          kind: 'named',
          name: 'Pat Resident',
          tenancyReference: 'ten 0045-12',
          contact: {
            phone: '07700 900123',
            email: 'Pat@Example.com',
            address: '12 Oak Road\nManchester',
            postcode: 'm1 1aa',
          },
        },
        representative: {
          name: 'Sam Advocate',
          relationship: 'advocate',
          consentHeld: true,
          contact: { phone: '+44 161 496 0000', address: '1 Elm Street, Leeds LS1 4AP' },
        },
      },
    });
    assert.deepEqual(searchKeysOf(state), [
      'email:pat@example.com',
      'phone:441614960000',
      'phone:447700900123',
      'postcode:LS14AP',
      'postcode:M11AA',
      'refno:16',
      'tenancy:TEN004512',
    ]);
    const keys = searchKeysOf(state);
    for (const typed of [
      '000016',
      '16',
      'TEN0045-12',
      'ten 0045-12',
      'TEN004512',
      '+44 7700 900123',
      '07700900123',
      'PAT@example.COM',
      'M11AA',
      'm1 1aa',
      '0161 496 0000',
    ]) {
      assert.ok(overlaps(searchKeysForQuery(typed), keys), typed);
    }
    for (const typed of ['17', '07700 900124', 'pat@example.org', 'M1 1AB', 'TEN0045-13', 'TEN00451']) {
      assert.ok(!overlaps(searchKeysForQuery(typed), keys), typed);
    }
  });

  void it('checks a postcode loosely and keeps it as written on letters', () => {
    const parse = (postcode: string) =>
      complainantSchema.safeParse({ kind: 'named', name: 'Pat', contact: { postcode } });
    const good = parse('m11aa');
    assert.ok(good.success && good.data.kind === 'named');
    assert.equal(good.data.kind === 'named' ? good.data.contact?.postcode : null, 'M1 1AA');
    const bad = parse('Manchester');
    assert.ok(!bad.success);
    assert.equal(bad.error.issues[0]?.message, 'Enter a real postcode, like M1 1AA');
  });

  void it('never fails on what anyone types', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 220 }), (typed) => {
        const keys = searchKeysForQuery(typed);
        assert.ok(keys.every((key) => /^(refno|phone|email|postcode|tenancy):\S+$/.test(key)));
      }),
    );
  });
});
