import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import { STATUS_CHIP_MESSAGES_EN } from '../../src/status-chip/status-chip.messages.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { canEmulateMedia } from '../../../../test-support/engine.js';
import { accessible, conversation, mount, settled } from './fixture.js';

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
  if (await canEmulateMedia()) await emulateMedia({ colorScheme: 'light' });
});

async function viewerAndChip() {
  const setup = conversation();
  const request = await setup.requested();
  await setup.paid(request);
  const chip = mount(document.createElement('chatpay-status-chip'));
  chip.request = request;
  const viewer = mount(document.createElement('chatpay-card-viewer'));
  viewer.request = request;
  await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
  await settled(chip, viewer);
  return { ...setup, request, chip, viewer };
}

describe('the agent elements: words and themes', () => {
  it('take every word from their catalogue, overridable by the integrator', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const chip = mount(document.createElement('chatpay-status-chip'));
    chip.messages = {
      status: { ...STATUS_CHIP_MESSAGES_EN.status, 'waiting-for-customer': 'EN ATTENTE DU CLIENT' },
      timeLeft: (time) => `reste ${time}`,
      cancel: 'Annuler la demande',
    };
    chip.request = request;
    await settled(chip);
    const shown = chip.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    for (const words of ['EN ATTENTE DU CLIENT', 'reste 15:00', 'Annuler la demande'])
      check(shown.includes(words), `shows "${words}"`);
    check(!shown.includes('WAITING'), 'and not the English');
  });

  it('follow the integrator tokens and parts, and the dark scheme by default', async function () {
    if (!(await canEmulateMedia())) this.skip(); // no colour-scheme emulation in this engine
    const { chip, viewer } = await viewerAndChip();
    const label = chip.shadowRoot!.querySelector('[part~="label"]')!;
    const complete = viewer.shadowRoot!.querySelector('[part~="complete"]')!;
    const light = getComputedStyle(complete).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    await settled(chip, viewer);
    const dark = getComputedStyle(complete).backgroundColor;
    check(light !== dark, `the default accent follows the colour scheme (${light} / ${dark})`);
    await accessible('dark');
    document.body.style.setProperty('--chatpay-color-accent', 'rgb(1, 2, 3)');
    checkEqual(getComputedStyle(complete).backgroundColor, 'rgb(1, 2, 3)', 'the public token wins');
    checkEqual(getComputedStyle(label).backgroundColor, 'rgb(1, 2, 3)', 'on every element');
    document.body.style.removeProperty('--chatpay-color-accent');
  });
});
