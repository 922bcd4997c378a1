// The browser engines the element tests run in, and the Debian packages that provide each: one list
// for the bootstrap (which installs what is missing) and the test runner's configuration.

/**
 * @typedef {object} Engine
 * @property {string} name       what `CHATPAY_BROWSERS` calls it
 * @property {string[]} paths    executables it needs, each overridable by an environment variable:
 *                               CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH, XVFB_PATH
 * @property {string[]} debian   the Debian packages that provide them
 */

/** Debian's directory for this machine's libraries (MiniBrowser lives under it). */
const MULTIARCH = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch] ?? `${process.arch}-linux-gnu`;

/** @type {Engine[]} */
export const ENGINES = [
  { name: 'chromium', paths: [process.env.CHROME_PATH ?? '/usr/bin/chromium'], debian: ['chromium'] },
  { name: 'firefox', paths: [process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'], debian: ['firefox-esr'] },
  {
    // WebKitGTK's MiniBrowser, driven through WebKitWebDriver on a virtual display.
    name: 'webkit',
    paths: [
      process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
      process.env.WEBKIT_BROWSER_PATH ?? `/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`,
      process.env.XVFB_PATH ?? '/usr/bin/Xvfb',
    ],
    debian: ['webkit2gtk-driver', 'xvfb'],
  },
];

/**
 * What else the browser tests need from Debian: the font the screenshot tests pin (DejaVu Sans, which
 * also has Arabic), so that every machine draws the same pixels.
 * @type {Engine}
 */
export const FONTS = {
  name: 'fonts',
  paths: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  debian: ['fonts-dejavu-core'],
};

/** The engines this run asks for: all by default, or those named in `CHATPAY_BROWSERS` (comma-separated). */
export function selectedEngines() {
  const asked = process.env.CHATPAY_BROWSERS?.split(',').map((name) => name.trim());
  if (!asked) return ENGINES;
  const unknown = asked.filter((name) => !ENGINES.some((engine) => engine.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `CHATPAY_BROWSERS names ${unknown.join(', ')}; the engines are ${ENGINES.map((e) => e.name).join(', ')}.`,
    );
  }
  return ENGINES.filter((engine) => asked.includes(engine.name));
}

/** One engine's executable by its position in `paths`. */
export const pathOf = (name, index = 0) => ENGINES.find((engine) => engine.name === name).paths[index];
