// robots.txt: everything may be crawled except search results; points at the sitemap index.
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nDisallow: /search/\n\nSitemap: ${new URL('/sitemap-index.xml', site ?? 'https://toolgate.dev').href}\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
