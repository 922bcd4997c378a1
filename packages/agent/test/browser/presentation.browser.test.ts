import { emulateMedia } from '@web/test-runner-commands';
import { check, checkEqual } from '../../../../test-support/check.js';
import { emulateForcedColours, canEmulateColourScheme } from '../../../../test-support/engine.js';
import { tabThrough } from '../../../../test-support/focus.js';
import { lostInForcedColours, moving, smallTargets } from '../../../../test-support/presentation.js';
import { accessible } from './fixture.js';
import { AGENT_TOURS } from './tour.js';

/** Marks drawn only by their fill. */
const INDICATORS = ['[part~="dot"]'];

afterEach(() => document.body.replaceChildren());

describe('the agent elements in every state', () => {
  for (const tour of AGENT_TOURS) {
    it(`${tour.name}: targets of 44 px at least, nothing moving, no axe violations`, () =>
      tour.run(async (state) => {
        checkEqual(smallTargets(document.body), [], `targets under 44 px, ${state}`);
        checkEqual(moving(document.body), [], `moving, ${state}`);
        await accessible(state);
      }));

    it(`${tour.name}: every control reached by Tab, each showing a focus ring`, () =>
      tour.run(async (state) => {
        const { unreached, withoutRing } = await tabThrough(document.body);
        checkEqual(unreached, [], `controls Tab never reaches, ${state}`);
        checkEqual(withoutRing, [], `controls without a focus ring, ${state}`);
      }));

    it(`${tour.name}: every control and mark visible in forced colours`, async function () {
      if (!(await emulateForcedColours(true))) this.skip(); // only Chromium emulates forced colours
      try {
        check(matchMedia('(forced-colors: active)').matches, 'forced colours are on');
        await tour.run((state) =>
          checkEqual(lostInForcedColours(document.body, INDICATORS), [], `lost in forced colours, ${state}`),
        );
      } finally {
        await emulateForcedColours(false);
      }
    });
  }

  it("stop a theme's transitions when the person asks for reduced motion", async function () {
    if (!(await canEmulateColourScheme())) this.skip(); // media emulation needs the DevTools Protocol
    const theme = document.createElement('style');
    theme.textContent = `
      chatpay-status-chip::part(label), chatpay-request-composer::part(request) { transition: background-color 300ms; }
    `;
    document.head.append(theme);
    try {
      const [tour] = AGENT_TOURS;
      await tour!.run(async (state) => {
        if (state !== 'empty') return;
        check(moving(document.body).length > 0, 'the theme makes the composer move');
        await emulateMedia({ reducedMotion: 'reduce' });
        checkEqual(moving(document.body), [], 'nothing moves with reduced motion');
      });
    } finally {
      theme.remove();
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
