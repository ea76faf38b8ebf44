// Site-wide names and the header navigation, defined once for the layout and tests.

export const SITE_NAME = 'Toolgate';
export const SITE_TAGLINE = 'what MCP tools can do, and policies that keep them in line';

export const NAV_ITEMS: ReadonlyArray<{ label: string; href: string }> = [
  { label: 'Servers', href: '/servers/' },
  { label: 'Categories', href: '/categories/' },
  { label: 'Risk', href: '/risk/' },
  { label: 'Capabilities', href: '/capabilities/' },
  { label: 'Attacks', href: '/attacks/' },
  { label: 'Search', href: '/search/' },
];

/** A nav item is current for its own section and everything below it. */
export function isCurrentNav(itemHref: string, path: string): boolean {
  return path === itemHref || path.startsWith(itemHref);
}
