/**
 * Taking a copied card value back out of the system clipboard. The viewer remembers what it copied
 * only as a keyed digest (`CopiedValue`), so no card value stays in the element while it waits; when
 * the time comes, `clearSystemClipboard` reads the clipboard where the browser lets the page do so
 * without asking, and wipes it only if it still holds that value. Where the page may not read it, the
 * clipboard is wiped all the same: a card number left behind is worse than losing what the agent
 * copied since.
 */

/** What clearing did: wiped the copied value, or left the clipboard alone because it holds something else now. */
export type ClipboardClearing = 'cleared' | 'kept';

/**
 * Takes a copied value out of the clipboard. `isOurs` is asked, just before anything is written,
 * whether the clipboard still holds the viewer's value: given the text read back, or no text where
 * the clipboard cannot be read (it then says whether to overwrite without looking). Rejects where the
 * browser refuses to write.
 */
export type ClearClipboard = (isOurs: (held?: string) => Promise<boolean>) => Promise<ClipboardClearing>;

/** The part of the Clipboard API clearing needs. */
export interface ClipboardAccess {
  /** Reads the clipboard's text, where offered: the clipboard is then wiped only while it still holds the copied value. */
  readText?: () => Promise<string>;
  /** Writes text to the clipboard. */
  writeText: (text: string) => Promise<void>;
}

/**
 * Whether the page may read the clipboard without the browser asking the agent: only where the
 * `clipboard-read` permission is already granted (Chromium, after the agent allowed it). Elsewhere a
 * read would prompt the agent, or is not offered at all, so the clipboard is not read.
 */
export async function mayReadClipboard(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}

/**
 * Wipes the copied value from `clipboard` (default: the system clipboard; null where there is none). If the clipboard can be
 * read, it is wiped only while it still holds the copied value; if not, it is overwritten unless
 * `isOurs` says otherwise.
 */
export async function clearSystemClipboard(
  isOurs: (held?: string) => Promise<boolean>,
  clipboard: ClipboardAccess | null = globalThis.navigator?.clipboard ?? null,
  mayRead: () => Promise<boolean> = mayReadClipboard,
): Promise<ClipboardClearing> {
  if (!clipboard) throw new Error('No clipboard here.');
  let held: string | undefined;
  if (clipboard.readText && (await mayRead())) {
    try {
      held = await clipboard.readText();
    } catch {
      // Refused after all: as where reading is not offered.
    }
  }
  if (!(await isOurs(held))) return 'kept';
  await clipboard.writeText('');
  return 'cleared';
}

/**
 * A copied value, remembered only as an HMAC-SHA-256 digest under a key made for it that cannot
 * leave the page, so it can be recognised later without being kept.
 */
export class CopiedValue {
  readonly #key: CryptoKey;
  readonly #digest: ArrayBuffer;

  private constructor(key: CryptoKey, digest: ArrayBuffer) {
    this.#key = key;
    this.#digest = digest;
  }

  static async of(text: string): Promise<CopiedValue> {
    const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new CopiedValue(key, await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  }

  /** Whether `text` is the value copied. */
  async is(text: string): Promise<boolean> {
    const digest = new Uint8Array(await crypto.subtle.sign('HMAC', this.#key, new TextEncoder().encode(text)));
    const expected = new Uint8Array(this.#digest);
    let difference = 0;
    for (let index = 0; index < expected.length; index++) difference |= (digest[index] ?? 0) ^ (expected[index] ?? 0);
    return difference === 0;
  }
}

/** Writes `text` to the system clipboard; rejects where the page may not write to it. */
export const writeToClipboard = (text: string): Promise<void> =>
  navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('No clipboard here.'));
