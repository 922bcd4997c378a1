import { describe, expect, it } from 'vitest';
import { cardFormLoader } from '../src/card-form/card-form.loader.js';

describe('the card form loader', () => {
  it('says the form is not there where there is no custom element registry (a server)', () => {
    expect(cardFormLoader.loaded()).toBe(false);
  });
});
