import { checkCardDefinitions, digitValue } from '@chatpay/cards';
import { findCardNumbers, type CardNumberMatch } from './find-card-numbers.js';
import { maskCardNumbers, type MaskOptions } from './mask-card-numbers.js';

/** What `chatpay-card-detected` carries: the brand and last four digits, never more. */
export interface CardDetectedDetail {
  /** The card's brand id (`visa`, `mastercard`…). */
  readonly brand: string;
  /** Its last four digits, in ASCII; empty when they could belong to two different cards. */
  readonly lastFour: string;
}

declare global {
  interface HTMLElementEventMap {
    'chatpay-card-detected': CustomEvent<CardDetectedDetail>;
  }
}

/** What `attachCardMasker` can mask as people type: an input, a textarea or a contenteditable element. */
export type MaskableElement = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

/** The text of a contenteditable as one string, with each piece mapped back to its text node (line breaks map to none). */
interface Segment {
  readonly node: Text | null;
  readonly start: number;
}

function editableText(root: HTMLElement): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let text = '';
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      segments.push({ node: node as Text, start: text.length });
      text += (node as Text).data;
    } else if (
      (node as Element).localName === 'br' ||
      (text !== '' && getComputedStyleDisplay(node as Element) === 'block')
    ) {
      segments.push({ node: null, start: text.length });
      text += '\n';
    }
  }
  return { text, segments };
}

function getComputedStyleDisplay(element: Element): string {
  return element.ownerDocument.defaultView?.getComputedStyle(element).display ?? 'inline';
}

const isTextField = (element: MaskableElement): element is HTMLInputElement | HTMLTextAreaElement =>
  element.localName === 'input' || element.localName === 'textarea';

/** The caret's offset in the field's text, or -1 when the field does not have it. */
function caretOf(element: MaskableElement, segments: Segment[]): number {
  if (isTextField(element)) return element.selectionStart === element.selectionEnd ? (element.selectionEnd ?? -1) : -1;
  const selection = element.ownerDocument.getSelection();
  if (!selection?.isCollapsed || !selection.anchorNode) return -1;
  const segment = segments.find((candidate) => candidate.node === selection.anchorNode);
  return segment ? segment.start + selection.anchorOffset : -1;
}

/**
 * Whether the person may still be typing a number at the caret: right after a digit (a card, an expiry
 * or a code may be growing), or right after a separator that follows a complete card (the next group
 * may come). Masking then would cut a number in two; it waits for the next non-digit, a move, or Enter.
 */
function isStillTyping(text: string, caret: number, matches: readonly CardNumberMatch[]): boolean {
  if (caret <= 0) return false;
  if (digitValue(text.charCodeAt(caret - 1)) >= 0) return true;
  return /[ .\-/]/.test(text[caret - 1]!) && matches.some((match) => match.end === caret - 1);
}

/**
 * Masks card numbers typed or pasted into an input, a textarea or a contenteditable, before the text
 * can be sent. A number is masked as soon as it is complete and the person has moved on from it (typed
 * past it, left the field, pressed Enter), and at once when pasted or dropped, so typing is never
 * interrupted halfway through a number. Masking keeps the text's length, so the caret stays where it
 * was. Each masked card fires `chatpay-card-detected` (brand and last four only) at the element.
 *
 * Returns the function that detaches it and restores normal behaviour. Throws a `CardDefinitionError`
 * (from @chatpay/cards) when `options.cards` holds a malformed definition.
 */
export function attachCardMasker(element: MaskableElement, options: MaskOptions = {}): () => void {
  checkCardDefinitions(options.cards ?? []);
  const apply = (force: boolean) => {
    const field = isTextField(element);
    const { text, segments } = field ? { text: element.value, segments: [] } : editableText(element);
    const matches = findCardNumbers(text, options);
    if (!force && isStillTyping(text, caretOf(element, segments), matches)) return;
    const masked = maskCardNumbers(text, options);
    if (masked === text) return;
    if (field) {
      const { selectionStart, selectionEnd, selectionDirection } = element;
      element.value = masked;
      if (element.ownerDocument.activeElement === element) {
        element.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
      }
    } else {
      writeEditable(element, segments, text, masked);
    }
    announce(element, matches);
  };

  const onInput = (event: Event) => {
    const { inputType = '', isComposing } = event as InputEvent;
    // An input method is still composing: touching the value now would garble it. Masked at compositionend.
    if (isComposing) return;
    apply(
      inputType.startsWith('insertFromPaste') ||
        inputType === 'insertFromDrop' ||
        inputType === 'insertReplacementText',
    );
  };
  const isOurs = (event: Event) => event.composedPath().includes(element);
  // On the window, in the capture phase: before any host listener, even a capturing one on an ancestor,
  // reads the value to send it.
  const onKeydown = (event: Event) => {
    const { key, isComposing } = event as KeyboardEvent;
    if (key === 'Enter' && !isComposing && isOurs(event)) apply(true);
  };
  // A Send button that keeps the focus in the field (no blur) still gets the masked text.
  const onPointerdown = (event: Event) => {
    if (!isOurs(event)) apply(true);
  };
  const onLeave = () => apply(true);
  const onSelect = () => apply(false);
  // A key that only moves the caret; typing is handled by `input`, so a keystroke is scanned once.
  const onCaretKey = (event: Event) => {
    if (/^(Arrow|Home|End|Page)/.test((event as KeyboardEvent).key)) apply(false);
  };
  const view = element.ownerDocument.defaultView ?? window;

  // Capture, so the host's own listeners (and frameworks' value tracking) already see the masked text.
  const listeners: [EventTarget, string, (event: Event) => void][] = [
    [element, 'input', onInput],
    [element, 'compositionend', onSelect],
    [element, 'blur', onLeave],
    [element, 'change', onLeave],
    [element, 'click', onSelect],
    [element, 'keyup', onCaretKey],
    [view, 'keydown', onKeydown],
    [view, 'pointerdown', onPointerdown],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, true);
  apply(false);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, true);
  };
}

/** Writes the masked characters back into the text nodes they came from, keeping the selection where it was. */
function writeEditable(root: HTMLElement, segments: Segment[], before: string, after: string): void {
  const selection = root.ownerDocument.getSelection();
  const saved = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  const anchor = saved && {
    node: saved.startContainer,
    offset: saved.startOffset,
    endNode: saved.endContainer,
    endOffset: saved.endOffset,
  };
  segments.forEach((segment, index) => {
    if (!segment.node) return;
    const end = segments[index + 1]?.start ?? before.length;
    const updated = after.slice(segment.start, end);
    if (updated !== segment.node.data) segment.node.data = updated;
  });
  if (selection && anchor && root.contains(anchor.node)) {
    const range = root.ownerDocument.createRange();
    range.setStart(anchor.node, Math.min(anchor.offset, anchor.node.textContent?.length ?? 0));
    range.setEnd(anchor.endNode, Math.min(anchor.endOffset, anchor.endNode.textContent?.length ?? 0));
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

function announce(element: MaskableElement, matches: readonly CardNumberMatch[]): void {
  for (const { brand, lastFour } of matches) {
    element.dispatchEvent(
      new CustomEvent<CardDetectedDetail>('chatpay-card-detected', {
        detail: { brand, lastFour },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
