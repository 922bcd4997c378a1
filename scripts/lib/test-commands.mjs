// Commands the element tests call through `executeServerCommand` (test-support/keys.ts,
// test-support/engine.ts) for what the runner's own commands do not reach in every engine.
import { sendKeysPlugin } from '@web/test-runner-commands/plugins';

/** W3C WebDriver's codes for the named keys the tests press. */
const KEY_CODES = {
  Alt: '\uE00A',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  ArrowUp: '\uE013',
  Backspace: '\uE003',
  Control: '\uE009',
  Delete: '\uE017',
  End: '\uE010',
  Enter: '\uE007',
  Escape: '\uE00C',
  Home: '\uE011',
  Meta: '\uE03D',
  Shift: '\uE008',
  Space: ' ',
  Tab: '\uE004',
};

function codeOf(key) {
  if (key in KEY_CODES) return KEY_CODES[key];
  if ([...key].length === 1) return key;
  throw new Error(`No WebDriver code for the key "${key}"`);
}

const keyActions = (actions) => [{ type: 'key', id: 'keyboard', actions }];

/**
 * `sendKeys` for every engine, under the command `chatpay-keys` (test-support/keys.ts). Chromium and
 * Firefox get the runner's own `sendKeys`. WebDriver sessions get W3C key actions: typing sends one
 * character per request (WebKitWebDriver drops characters from a long sequence) and a line break as
 * Enter; "Shift+Tab" holds its modifiers; `down` and `up` keep key state between requests. The
 * runner's own WebDriver support offers only single presses and whole strings.
 */
export function keyboardPlugin() {
  const runnerKeys = sendKeysPlugin();
  return {
    name: 'chatpay-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'chatpay-keys') return undefined;
      if (session.browser.type !== 'webdriver') {
        return runnerKeys.executeCommand({ command: 'send-keys', payload, session });
      }
      const driver = session.browser.driver;
      if ('type' in payload) {
        for (const character of payload.type) {
          // A line break is the Enter key, as the runner's other engines type it.
          const value = character === '\n' ? KEY_CODES.Enter : character;
          await driver.performActions(
            keyActions([
              { type: 'keyDown', value },
              { type: 'keyUp', value },
            ]),
          );
        }
      } else if ('press' in payload) {
        const codes = payload.press.split(/\+(?=.)/).map(codeOf);
        await driver.performActions(
          keyActions([
            ...codes.map((value) => ({ type: 'keyDown', value })),
            ...[...codes].reverse().map((value) => ({ type: 'keyUp', value })),
          ]),
        );
      } else if ('down' in payload) {
        await driver.performActions(keyActions([{ type: 'keyDown', value: codeOf(payload.down) }]));
      } else if ('up' in payload) {
        await driver.performActions(keyActions([{ type: 'keyUp', value: codeOf(payload.up) }]));
      } else {
        throw new Error('chatpay-keys takes one of type, press, down or up');
      }
      return true;
    },
  };
}

/**
 * `chatpay-forced-colors` with `{ active }`: emulates `forced-colors` (Windows High Contrast and
 * similar) through the Chrome DevTools Protocol, which also forces the colours, as the operating
 * system would. Answers `false` where the engine has no such emulation (Firefox over WebDriver BiDi,
 * WebKit over WebDriver), so the test can skip itself. It sets only `forced-colors`, on a DevTools
 * session of its own; a test that uses it turns it off again before it ends, and does not combine it
 * with the runner's `emulateMedia`.
 */
export function forcedColorsPlugin() {
  /** One DevTools session per test page: the emulation lasts as long as the session that set it. */
  const clients = new Map();
  return {
    name: 'chatpay-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'chatpay-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      let client = clients.get(session.id);
      if (!client) {
        try {
          client = await session.browser.getPage(session.id).createCDPSession();
        } catch {
          return false; // not a Chrome DevTools Protocol page
        }
        clients.set(session.id, client);
      }
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * `chatpay-accessibility-tree`: the page's accessibility tree as the browser gives it to screen
 * readers (names, descriptions, roles, states; shadow roots flattened), through puppeteer. Answers
 * `false` where the engine cannot give it (Firefox over WebDriver BiDi, WebKit over WebDriver): the
 * runner takes `null` for a command nobody handled.
 */
export function accessibilityTreePlugin() {
  return {
    name: 'chatpay-accessibility-tree',
    async executeCommand({ command, session }) {
      if (command !== 'chatpay-accessibility-tree') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      try {
        return (await session.browser.getPage(session.id).accessibility.snapshot({ interestingOnly: true })) ?? false;
      } catch {
        return false;
      }
    },
  };
}

/**
 * `chatpay-can-emulate-media`: whether the runner's `emulateMedia` works in this engine (it needs a
 * Chrome DevTools Protocol page), found out without trying it, so that engines without it print no
 * error before their tests skip.
 */
export function mediaCapabilityPlugin() {
  return {
    name: 'chatpay-can-emulate-media',
    async executeCommand({ command, session }) {
      if (command !== 'chatpay-can-emulate-media') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      try {
        await (await session.browser.getPage(session.id).createCDPSession()).detach();
        return true;
      } catch {
        return false;
      }
    },
  };
}
