// Site-wide names and the header navigation, defined once for the layout and tests.
import { routes } from './routes.ts';

export const SITE_NAME = 'Toolgate';
export const SITE_TAGLINE = 'what MCP tools can do, and policies that keep them in line';

export const NAV_ITEMS: ReadonlyArray<{ label: string; href: string }> = [
  { label: 'Servers', href: routes.servers() },
  { label: 'Categories', href: routes.categories() },
  { label: 'Risk', href: routes.risks() },
  { label: 'Capabilities', href: routes.capabilities() },
  { label: 'Attacks', href: routes.attacks() },
  { label: 'Search', href: routes.search() },
];

/** A nav item is current for its own section and everything below it. */
export function isCurrentNav(itemHref: string, path: string): boolean {
  return path === itemHref || path.startsWith(itemHref);
}
