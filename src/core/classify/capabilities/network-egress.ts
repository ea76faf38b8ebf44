// CAP_NETWORK_EGRESS: the tool reaches URLs or hosts the caller chooses (fetch, scrape, crawl, webhooks).
import { capabilityRule } from '../capability-rule.ts';

export const capNetworkEgress = capabilityRule({
  code: 'CAP_NETWORK_EGRESS',
  capability: 'network-egress',
  summary:
    'Reaches caller-chosen URLs or hosts: parameters such as url, uri, endpoint, webhook, host; names such as scrape, crawl, http, url.',
  nameWords: new Set([
    'url',
    'urls',
    'http',
    'https',
    'scrape',
    'crawl',
    'crawler',
    'webhook',
    'webhooks',
    'curl',
    'web',
  ]),
  // "browse" in a name browses a catalogue ("mk_browse: List the products of a category", "browse_vendors"), not the
  // web: a tool that browses the web says so with a url parameter or a "web" name word. A "request" in a name is an
  // HTTP request only where the description speaks of HTTP, an API, a URL or headers ("api_request",
  // "replay_http_request"); otherwise it is one people make ("request_human_review", "sonarr_request",
  // "parse_natural_language_osm_request").
  contextNameWords: new Set(['request']),
  // A download reaches a caller-chosen address only where the description speaks of one ("Download a file from a URL");
  // an attachment, a report or a document fetched by its id from the tool's own service ("download_attachment",
  // "download_report: Garmin Connect API") goes to no host the caller picks.
  onlyWhere: [
    {
      words: new Set(['download']),
      where: /\b(?:urls?|uri|https?|links?|web ?pages?|websites?|web ?sites?|internet)\b/,
    },
  ],
  context:
    /\b(?:https?|urls?|uri|endpoints?|headers?|api|rest|curl|network|proxy|proxied|cdp|devtools|webhooks?|get\/post)\b/,
  paramWords: new Set(['url', 'urls', 'uri', 'href', 'endpoint', 'webhook', 'host', 'hostname', 'remote']),
  // A domain is more often what a registrar, DNS or SEO API is asked about, or a knowledge domain ("Filter by domain
  // (e.g. 'security')"), than a host the call reaches: it counts when its description says the call goes there.
  describedParamNames: {
    names: new Set(['domain', 'domains', 'domain name', 'target domain']),
    require:
      /\b(?:to (?:resolve|scan|crawl|probe|audit|ping|fetch|visit|check|inspect|test|query)|a full url|hostname|website|web ?site|site to)\b/,
    types: new Set(),
  },
  // "fileUrl: Figma file URL", "YouTube video URL or ID": which item of one service to read through its API, not a
  // host the caller chooses.
  // Nor is a URL the call only matches against ("url: URL substring filter." over captured requests, "URL pattern to
  // match in the response"), nor an endpoint picked by its name in one fixed API ("endpoint: Name of the endpoint (e.g.
  // "income_statement")").
  // Nor is a URL that stands in for an item's id ("Paper ID or URL", "Direct NotebookLM URL — overrides `notebook_id`"):
  // the service looks the item up, whatever host the URL names.
  paramDescriptionExclude:
    /^(?:the )?name of (?:the|an?) (?:api )?endpoint\b|^(?:api )?endpoint name\b|\b(?:figma|youtube|github|gitlab|bitbucket|google (?:docs?|sheets?|drive|slides)|notion|linkedin|spotify|soundcloud|jira|confluence|arxiv|tiktok|instagram|reddit)(?: [a-z]+){0,2} (?:urls?|links?)\b|\burls? (?:substring|pattern|glob|regex)(?: filter)?s?\b|\bfilter(?:s|ed)? by (?:the )?urls?\b|\b(?:ids?|identifiers?|slugs?) or (?:the |its |a )?(?:full )?urls?\b|\burls? or (?:the |its )?(?:ids?|identifiers?|slugs?)\b|\b(?:overrides?|instead of) `?\w+_id\b/,
  // A URL the call returns ("Validates the uploaded file in GCS and returns the public URL") is not one it reaches.
  description:
    /(?<!\breturns? )\b(?:any|arbitrary|given|specified|provided|a|the) (?:public )?(?:url|website|web ?page|endpoint|web site)s?\b|\bfetch(?:es)? (?:the )?(?:content|url|web)|\bweb search|\bsearch(?:es)? the web\b/,
  // "endpoint_id", "host_id": an endpoint or a host named by its id, with no address beside it, is a record of a service
  // (a database's compute endpoint, a serverless endpoint, an inventory's host), not a host the caller picks. A webhook
  // named by its id is not among them: testing or replaying it sends to the address it was registered with.
  byId: { words: new Set(['endpoint', 'host']), unless: new Set(['url', 'urls', 'uri', 'href', 'hostname']) },
  // "pull_request", "access_request", "feature_request": a request people make, not an HTTP request; nor one approved,
  // rejected or denied ("approve_request_completion", "reject_request").
  notAfter: new Set([
    'approve',
    'reject',
    'deny',
    'get',
    'list',
    'pull',
    'merge',
    'feature',
    'change',
    'access',
    'join',
    'friend',
    'leave',
    'support',
    'service',
  ]),
});
