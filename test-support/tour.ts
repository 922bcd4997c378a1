// Tours: each package's elements taken through the states the tests reach, with a stop at each for
// the checks of the caller (packages/*/test/browser/tour.ts), and the presentation checks every tour
// takes: axe, target sizes, motion, the Tab order and focus rings, forced colours, reduced motion.
import { emulateMedia } from '@web/test-runner-commands';
import { accessible } from './axe.js';
import { check, checkEqual } from './check.js';
import { canEmulateColourScheme, emulateForcedColours } from './engine.js';
import { tabThrough } from './focus.js';
import { lostInForcedColours, moving, smallTargets } from './presentation.js';

/** Called at each state with its name; what the page shows then is what the caller checks. */
export type Stop = (state: string) => Promise<void> | void;

export interface Tour {
  name: string;
  run(stop: Stop): Promise<void>;
}

/** Marks drawn only by their fill, which forced colours must not make take the colour behind them. */
const INDICATORS = ['[part~="dot"]'];

/**
 * The presentation checks of `subject` ("the agent elements") over every state of `tours`. `motion`
 * is a theme that adds transitions, and the stop of the first tour where they show.
 */
export function describePresentation(subject: string, tours: Tour[], motion: { theme: string; state: string }): void {
  describe(`${subject} in every state`, () => {
    afterEach(() => document.body.replaceChildren());

    for (const tour of tours) {
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
      const theme = document.head.appendChild(document.createElement('style'));
      theme.textContent = motion.theme;
      let stopped = false;
      try {
        await tours[0]!.run(async (state) => {
          if (state !== motion.state) return;
          check(moving(document.body).length > 0, `the theme makes ${state} move`);
          await emulateMedia({ reducedMotion: 'reduce' });
          checkEqual(moving(document.body), [], 'nothing moves with reduced motion');
          stopped = true;
        });
        check(stopped, `the tour stopped at ${motion.state}`);
      } finally {
        theme.remove();
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });
}
