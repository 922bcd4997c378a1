// Tours: each package's elements taken through the states the tests reach, with a stop at each for
// the checks of the caller (packages/*/test/browser/tour.ts), and the suites every tour takes: the
// presentation checks (axe, target sizes, motion, the Tab order and focus rings, forced colours,
// reduced motion) and the pseudo-locale check.
import { emulateMedia } from '@web/test-runner-commands';
import { accessible } from './axe.js';
import { check, checkEqual } from './check.js';
import { canEmulateMedia, emulateForcedColours } from './engine.js';
import { tabThrough } from './focus.js';
import { lostInForcedColours, moving, smallTargets } from './presentation.js';
import { PSEUDO_LOCALE, shownText, unlocalised } from './pseudo-locale.js';

/** Called at each state with its name; what the page shows then is what the caller checks. */
export type Stop = (state: string) => Promise<void> | void;

export interface Tour {
  name: string;
  /** The states `run` stops at, in order. */
  states: readonly string[];
  run(stop: Stop): Promise<void>;
}

/** Takes `tour`, calling `stop` at each state, and fails unless it stopped at every state it names. */
export async function take(tour: Tour, stop: Stop): Promise<void> {
  const visited: string[] = [];
  await tour.run(async (state) => {
    visited.push(state);
    await stop(state);
  });
  checkEqual(visited, [...tour.states], `the states of "${tour.name}"`);
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
        take(tour, async (state) => {
          checkEqual(smallTargets(document.body), [], `targets under 44 px, ${state}`);
          checkEqual(moving(document.body), [], `moving, ${state}`);
          await accessible(state);
        }));

      // Tab leaves fields behind it touched, so a field may show its error at the next stop: the
      // other checks see each state as the tour makes it, without the walk.
      it(`${tour.name}: every control reached by Tab, each showing a focus ring`, () =>
        take(tour, async (state) => {
          const { unreached, withoutRing } = await tabThrough(document.body);
          checkEqual(unreached, [], `controls Tab never reaches, ${state}`);
          checkEqual(withoutRing, [], `controls without a focus ring, ${state}`);
        }));

      it(`${tour.name}: every control and mark visible in forced colours`, async function () {
        if (!(await emulateForcedColours(true))) this.skip(); // only Chromium emulates forced colours
        try {
          check(matchMedia('(forced-colors: active)').matches, 'forced colours are on');
          await take(tour, (state) =>
            checkEqual(lostInForcedColours(document.body, INDICATORS), [], `lost in forced colours, ${state}`),
          );
        } finally {
          await emulateForcedColours(false);
        }
      });
    }

    it("stop a theme's transitions when the person asks for reduced motion", async function () {
      if (!(await canEmulateMedia())) this.skip(); // media emulation needs the DevTools Protocol
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

/**
 * The pseudo-locale check of `subject` over every state of `tours`. The caller registers, for
 * `PSEUDO_LOCALE`, catalogues with every word of each element wrapped in ⟦ ⟧ (through the same
 * `@chatpay/ui` its elements use); no word shown may come from anywhere else. `data` is what people
 * typed or named, shown as it is.
 */
export function describeLocalisation(subject: string, tours: Tour[], data: readonly string[]): void {
  describe(`every word of ${subject} comes from the catalogue of their locale`, () => {
    beforeEach(() => (document.documentElement.lang = PSEUDO_LOCALE));
    afterEach(() => {
      document.body.replaceChildren();
      document.documentElement.lang = 'en';
    });

    for (const tour of tours) {
      it(tour.name, () =>
        take(tour, (state) => {
          const texts = shownText(document.body);
          check(
            texts.some((text) => text.includes('⟦')),
            `the pseudo-locale is in use, ${state}`,
          );
          checkEqual(unlocalised(texts, data), [], `words not from the catalogue, ${state}`);
        }),
      );
    }
  });
}
