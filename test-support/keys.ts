// Real key presses in every engine the element tests run in. Same options as the runner's `sendKeys`;
// the `chatpay-keys` command (scripts/lib/test-commands.mjs) gives WebDriver engines the typing,
// key combinations and held keys the runner offers only through Chromium and Firefox.
import { executeServerCommand } from '@web/test-runner-commands';

export type KeysOptions = { type: string } | { press: string } | { down: string } | { up: string };

export async function sendKeys(options: KeysOptions): Promise<void> {
  await executeServerCommand('chatpay-keys', options);
}
