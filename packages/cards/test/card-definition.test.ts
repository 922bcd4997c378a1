import { describe, expect, it } from 'vitest';
import { CardDefinitionError, checkCardDefinitions, type CardDefinition } from '../src/index.js';
import { ACME_GIFT, BARE_CARD, EXTRA_CARDS } from './support.js';

describe('checkCardDefinitions', () => {
  it('takes well-formed definitions, the least and the most a definition says', () => {
    expect(() => checkCardDefinitions(EXTRA_CARDS)).not.toThrow();
    expect(() => checkCardDefinitions([BARE_CARD])).not.toThrow();
    expect(() => checkCardDefinitions([])).not.toThrow();
  });

  it.each<[string, Partial<Record<keyof CardDefinition, unknown>>, string]>([
    ['an empty brand', { brand: '' }, 'brand'],
    ['a brand that is no string', { brand: 7 }, 'brand'],
    ['a built-in brand', { brand: 'visa' }, 'brand'],
    ['an empty name', { niceName: '' }, 'niceName'],
    ['no prefixes', { prefixes: [] }, 'prefixes'],
    ['prefixes that are no list', { prefixes: '6035' }, 'prefixes'],
    ['a prefix with a letter', { prefixes: ['60a'] }, 'prefix'],
    ['a prefix written as a number', { prefixes: [6035] }, 'prefix'],
    ['a prefix of 20 digits', { prefixes: ['1'.repeat(20)] }, 'prefix'],
    ['a range of unequal lengths', { prefixes: [['60', '699']] }, 'range'],
    ['a range upside down', { prefixes: [['69', '60']] }, 'range'],
    ['a range of one end', { prefixes: [['60']] }, 'range'],
    ['no lengths', { lengths: [] }, 'lengths'],
    ['a length over 19', { lengths: [20] }, 'lengths'],
    ['a fractional length', { lengths: [15.5] }, 'lengths'],
    ['gaps out of order', { gaps: [8, 4] }, 'gaps'],
    ['a gap of 0', { gaps: [0, 4] }, 'gaps'],
    ['luhn that is no boolean', { luhn: 'yes' }, 'luhn'],
    ['a code of size 0', { securityCode: { name: 'CVV', size: 0 } }, 'securityCode.size'],
    ['a code of 13 digits', { securityCode: { name: 'CVV', size: 13 } }, 'securityCode.size'],
    ['a code without a name', { securityCode: { name: '', size: 3 } }, 'securityCode.name'],
  ])('refuses a definition with %s, with a typed error naming the rule', (_, change, rule) => {
    const definitions = [BARE_CARD, { ...ACME_GIFT, ...change }] as unknown as CardDefinition[];
    let error: unknown;
    try {
      checkCardDefinitions(definitions);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CardDefinitionError);
    const { index, code, message } = error as CardDefinitionError;
    expect({ index, code }).toEqual({ index: 1, code: 'invalid-card-definition' });
    expect(message).toContain(rule);
    // The message names the rule, never a value of the definition.
    for (const value of ['6035', '60a', '699', 'acme', 'Acme']) expect(message).not.toContain(value);
  });

  it('refuses two definitions of one brand', () => {
    expect(() => checkCardDefinitions([ACME_GIFT, ACME_GIFT])).toThrow(CardDefinitionError);
  });

  it.each([
    ['no list', 'acme' as unknown],
    ['a list holding no object', [null] as unknown],
  ])('refuses %s', (_, definitions) => {
    expect(() => checkCardDefinitions(definitions as CardDefinition[])).toThrow(CardDefinitionError);
  });
});
