/** The locale an element formats for: its own `locale` if set, else the page's `lang`, else the runtime's. */
export function localeFor(locale: string | undefined): string | undefined {
  return locale ?? (document.documentElement.lang || undefined);
}
