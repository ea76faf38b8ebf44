// Pagination of the server listing. Later pages live at /servers/page.<n>/: a dot can never appear in a server id, so
// these paths cannot collide with /servers/<id>/.
import type { ServerView } from './catalog.ts';

/** Servers per listing page. */
export const SERVERS_PER_PAGE = 200;

/** Path of listing page n (1-based). */
export function serverListPath(n: number): string {
  return n === 1 ? '/servers/' : `/servers/page.${n}/`;
}

/** How many listing pages there are (at least one). */
export function serverListPages(total: number): number {
  return Math.max(1, Math.ceil(total / SERVERS_PER_PAGE));
}

/** The servers on page n, with neighbouring page links. */
export function serverListPage(servers: readonly ServerView[], n: number) {
  const last = serverListPages(servers.length);
  const start = (n - 1) * SERVERS_PER_PAGE;
  const end = Math.min(servers.length, start + SERVERS_PER_PAGE);
  return {
    servers: servers.slice(start, end),
    start,
    end,
    last,
    prev: n > 1 ? serverListPath(n - 1) : undefined,
    next: n < last ? serverListPath(n + 1) : undefined,
  };
}
