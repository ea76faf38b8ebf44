// Pagination of the server listing (paths from routes.ts).
import type { ServerView } from './catalog.ts';
import { SERVERS_PER_PAGE, pageCount, routes } from './routes.ts';

export { SERVERS_PER_PAGE };

/** How many listing pages there are (at least one). */
export function serverListPages(total: number): number {
  return pageCount(total, SERVERS_PER_PAGE);
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
    prev: n > 1 ? routes.servers(n - 1) : undefined,
    next: n < last ? routes.servers(n + 1) : undefined,
  };
}
