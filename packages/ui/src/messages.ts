/**
 * The words of every ChatPay element, by locale. Each element ships its English words; a page
 * registers one catalogue per other locale it serves (`registerMessages('fr', { 'chatpay-status-chip':
 * {...}, ... })`), and an element takes its words from the catalogue of its locale (its `locale`, else
 * the page's `lang`): the exact tag first ("fr-CA"), then the language ("fr"), then English. Its own
 * `messages` property overrides any of them.
 */
export type MessageCatalogue = { readonly [tag: string]: object };

const catalogues = new Map<string, MessageCatalogue>();

/** Registers (or replaces) the catalogue for `locale`, a BCP 47 tag such as "fr" or "pt-BR". */
export function registerMessages(locale: string, catalogue: MessageCatalogue): void {
  catalogues.set(locale.toLowerCase(), catalogue);
}

/** The words element `tag` shows in `locale`: English, then the locale's catalogue, then `overrides`. */
export function messagesFor<M extends object>(
  tag: string,
  locale: string | undefined,
  english: M,
  overrides: Partial<M>,
): M {
  const wanted = (locale ?? '').toLowerCase();
  const catalogue = catalogues.get(wanted) ?? catalogues.get(wanted.split('-')[0] ?? '');
  return { ...english, ...(catalogue?.[tag] as Partial<M> | undefined), ...overrides };
}
