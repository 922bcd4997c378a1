// Keeps a scrolling list of messages at its newest, as chats do: what arrives, and a request that
// grows (a card form opening, a card shown), stays in view, unless the person scrolled back to read.

/** How near the end (in CSS pixels) still counts as being at the newest. */
const NEAR_THE_END = 8;

/**
 * Follows the newest line of what `scroller` scrolls. Each list it shows is given to `follow`;
 * `toNewest` goes to the end whatever the person did (a conversation just brought into view).
 */
export function keepNewestInView(scroller: HTMLElement): {
  follow(list: Element): void;
  toNewest(): void;
} {
  // The sizes as they were before the latest change: whether the person was at the end is judged on them.
  let seen = { height: scroller.scrollHeight, shown: scroller.clientHeight };
  const remember = () => (seen = { height: scroller.scrollHeight, shown: scroller.clientHeight });
  const toNewest = () => {
    scroller.scrollTop = scroller.scrollHeight;
    remember();
  };
  const resized = new ResizeObserver(() => {
    if (scroller.scrollTop + seen.shown >= seen.height - NEAR_THE_END) scroller.scrollTop = scroller.scrollHeight;
    remember();
  });
  resized.observe(scroller);
  return { follow: (list) => resized.observe(list), toNewest };
}
