import { registerMessages } from '@chatpay/ui';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import { AGENT_MESSAGES_AR } from '../../src/locales/ar.js';
import { AGENT_MESSAGES_DE } from '../../src/locales/de.js';
import { AGENT_MESSAGES_ES } from '../../src/locales/es.js';
import { AGENT_MESSAGES_FR } from '../../src/locales/fr.js';
import { check, waitUntil } from '../../../../test-support/check.js';
import { accessible, conversation, mount, reloaded, settled } from './fixture.js';

const CATALOGUES = { es: AGENT_MESSAGES_ES, fr: AGENT_MESSAGES_FR, de: AGENT_MESSAGES_DE, ar: AGENT_MESSAGES_AR };
for (const [locale, catalogue] of Object.entries(CATALOGUES)) registerMessages(locale, catalogue);

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

describe('the agent elements in Spanish, French, German and Arabic', () => {
  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`shows the composer, the status and the card viewer in ${locale}`, async () => {
      if (locale === 'ar') document.documentElement.dir = 'rtl';
      const setup = conversation();
      const composer = mount(document.createElement('chatpay-request-composer'));
      composer.locale = locale;
      composer.session = setup.agent;
      const request = await setup.requested();
      const chip = mount(document.createElement('chatpay-status-chip'));
      chip.locale = locale;
      chip.request = request;
      await setup.paid(request);
      const viewer = mount(document.createElement('chatpay-card-viewer'));
      viewer.locale = locale;
      viewer.request = request;
      await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
      await settled(composer, chip, viewer);
      check(composer.shadowRoot!.textContent!.includes(catalogue['chatpay-request-composer'].title), 'the composer');
      check(chip.shadowRoot!.textContent!.includes(catalogue['chatpay-status-chip'].status['view-card']), 'the status');
      check(viewer.shadowRoot!.textContent!.includes(catalogue['chatpay-card-viewer'].complete), 'the viewer');
      await accessible(`in ${locale}`);
    });

    it(`says in ${locale} that a request cannot be opened here, and offers a new one`, async () => {
      if (locale === 'ar') document.documentElement.dir = 'rtl';
      const { request } = await reloaded('sent', 'no keys');
      const chip = mount(document.createElement('chatpay-status-chip'));
      chip.locale = locale;
      chip.request = request;
      await settled(chip);
      const words = catalogue['chatpay-status-chip'];
      const shown = chip.shadowRoot!.textContent!;
      check(shown.includes(words.keysGone) && shown.includes(words.requestAgain), `the words in ${locale}`);
      await accessible(`keys gone, in ${locale}`);
    });
  }
});
