// biome-ignore-all format: its word lists and tables read best packed, several items a line
// Synthetic catalogue for `npm run bench`: deterministic, realistic-looking servers, tool names, descriptions, schemas
// and annotations.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, toolHash } from '../src/core/hash.ts';

// mulberry32: a tiny seeded PRNG so the same flags always give the same catalogue.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  ['github', 'GitHub'], ['gitlab', 'GitLab'], ['slack', 'Slack'], ['stripe', 'Stripe'], ['postgres', 'PostgreSQL'],
  ['mysql', 'MySQL'], ['kubernetes', 'Kubernetes'], ['s3', 'Amazon S3'], ['gmail', 'Gmail'], ['notion', 'Notion'],
  ['jira', 'Jira'], ['linear', 'Linear'], ['figma', 'Figma'], ['shopify', 'Shopify'], ['hubspot', 'HubSpot'],
  ['salesforce', 'Salesforce'], ['twilio', 'Twilio'], ['sendgrid', 'SendGrid'], ['discord', 'Discord'], ['redis', 'Redis'],
  ['mongodb', 'MongoDB'], ['docker', 'Docker'], ['terraform', 'Terraform'], ['vercel', 'Vercel'], ['cloudflare', 'Cloudflare'],
  ['sentry', 'Sentry'], ['datadog', 'Datadog'], ['airtable', 'Airtable'], ['trello', 'Trello'], ['asana', 'Asana'],
  ['dropbox', 'Dropbox'], ['gdrive', 'Google Drive'], ['calendar', 'Google Calendar'], ['zendesk', 'Zendesk'], ['intercom', 'Intercom'],
  ['paypal', 'PayPal'], ['quickbooks', 'QuickBooks'], ['snowflake', 'Snowflake'], ['bigquery', 'BigQuery'], ['elastic', 'Elasticsearch'],
  ['browser', 'Headless Browser'], ['shell', 'Shell'], ['filesystem', 'Filesystem'], ['vault', 'HashiCorp Vault'], ['okta', 'Okta'],
] as const;
const VENDORS = ['acme', 'open', 'mcp', 'community', 'labs', 'cloud', 'dev', 'io', 'hq', 'tools', 'official', 'fast', 'lite', 'pro'];

const NOUNS = [
  'issue', 'file', 'message', 'channel', 'repository', 'branch', 'pull_request', 'invoice', 'payment', 'customer', 'user',
  'record', 'table', 'row', 'bucket', 'object', 'pod', 'deployment', 'cluster', 'secret', 'token', 'email', 'event', 'page',
  'document', 'spreadsheet', 'ticket', 'comment', 'container', 'database', 'webhook', 'subscription', 'project', 'task',
  'label', 'release', 'workflow', 'job', 'log', 'metric', 'alert', 'dashboard', 'contact', 'order', 'product', 'refund',
  'folder', 'snapshot', 'volume', 'key', 'role', 'group', 'note', 'attachment', 'draft', 'thread', 'schedule',
];
// Verb, what it does in a sentence, and the annotation hints an honest author would give.
const VERBS: Array<[string, string, { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean }]> = [
  ['get', 'Retrieves a single {noun} by its ID, including metadata and timestamps.', { readOnlyHint: true }],
  ['list', 'Lists {noun}s in the workspace with pagination. Use the cursor from the previous response to fetch the next page.', { readOnlyHint: true }],
  ['search', 'Searches {noun}s by free-text query and returns the best matches ranked by relevance.', { readOnlyHint: true }],
  ['describe', 'Describes the configuration and current status of a {noun}.', { readOnlyHint: true }],
  ['create', 'Creates a new {noun} with the given fields and returns its ID.', { readOnlyHint: false, destructiveHint: false }],
  ['update', 'Updates fields of an existing {noun}. Only the provided fields are changed.', { readOnlyHint: false, destructiveHint: false, idempotentHint: true }],
  ['send', 'Sends a {noun} to the given recipients on behalf of the authenticated user.', { readOnlyHint: false, destructiveHint: false }],
  ['upload', 'Uploads content as a new {noun}, overwriting any existing one at the same path.', { readOnlyHint: false, destructiveHint: true }],
  ['delete', 'Permanently deletes a {noun}. This action cannot be undone.', { readOnlyHint: false, destructiveHint: true }],
  ['archive', 'Archives a {noun} so it no longer appears in default listings.', { readOnlyHint: false, destructiveHint: false }],
  ['execute', 'Executes a command against the {noun} and returns stdout and stderr.', { readOnlyHint: false, destructiveHint: true }],
  ['run', 'Runs the {noun} with the supplied parameters and waits for completion.', { readOnlyHint: false, destructiveHint: false }],
  ['cancel', 'Cancels a pending {noun}. Any in-flight work is stopped.', { readOnlyHint: false, destructiveHint: true }],
  ['approve', 'Approves a {noun} that is waiting for review.', { readOnlyHint: false, destructiveHint: false }],
  ['export', 'Exports a {noun} as JSON or CSV and returns a download URL.', { readOnlyHint: true }],
  ['transfer', 'Transfers funds or ownership of a {noun} to another account.', { readOnlyHint: false, destructiveHint: true }],
  ['revoke', 'Revokes a {noun}, immediately invalidating it for all clients.', { readOnlyHint: false, destructiveHint: true }],
  ['restart', 'Restarts the {noun}. Running connections are dropped.', { readOnlyHint: false, destructiveHint: true }],
  ['fetch', 'Fetches the contents of a URL and returns it as markdown.', { readOnlyHint: true }],
  ['query', 'Runs a read-only SQL query against the {noun} and returns up to 1000 rows.', { readOnlyHint: true }],
];
const EXTRA_SENTENCES = [
  'Requires the {product} API token to be configured.',
  'Results are returned as JSON.',
  'Rate limited to 60 requests per minute.',
  'Use this when the user asks about their {noun}s.',
  'Returns an error if the {noun} does not exist.',
  'Supports filtering by status, owner and creation date.',
  '',
  '',
];

type Json = Record<string, unknown>;

function schemaFor(verb: string, noun: string, rnd: () => number): Json {
  const properties: Json = {};
  const required: string[] = [];
  const add = (name: string, schema: Json, isRequired: boolean) => {
    properties[name] = schema;
    if (isRequired) required.push(name);
  };
  if (['get', 'describe', 'update', 'delete', 'archive', 'cancel', 'approve', 'revoke', 'restart', 'export', 'transfer'].includes(verb)) {
    add(`${noun}_id`, { type: 'string', description: `The ID of the ${noun.replace(/_/g, ' ')}.`, minLength: 1 }, true);
  }
  if (['list', 'search'].includes(verb)) {
    add('limit', { type: 'integer', description: 'Maximum number of results.', minimum: 1, maximum: 100, default: 20 }, false);
    add('cursor', { type: 'string', description: 'Pagination cursor from a previous call.' }, false);
  }
  if (verb === 'search' || verb === 'query') add('query', { type: 'string', description: 'The search text or SQL statement.' }, true);
  if (['create', 'update', 'send', 'upload'].includes(verb)) {
    add('title', { type: 'string', description: `Title of the ${noun.replace(/_/g, ' ')}.`, maxLength: 256 }, verb === 'create');
    add('body', { type: 'string', description: 'Content in markdown.' }, false);
    if (rnd() < 0.5) add('tags', { type: 'array', items: { type: 'string' }, description: 'Labels to attach.' }, false);
  }
  if (verb === 'send') add('to', { type: 'array', items: { type: 'string', format: 'email' }, minItems: 1, description: 'Recipients.' }, true);
  if (verb === 'upload') add('path', { type: 'string', description: 'Destination path.' }, true);
  if (verb === 'execute' || verb === 'run') add('command', { type: 'string', description: 'The command line to run.' }, true);
  if (verb === 'fetch') add('url', { type: 'string', format: 'uri', description: 'The URL to fetch.' }, true);
  if (verb === 'transfer') add('amount', { type: 'number', exclusiveMinimum: 0, description: 'Amount in the account currency.' }, true);
  if (verb === 'export') add('format', { type: 'string', enum: ['json', 'csv'], default: 'json' }, false);
  if (rnd() < 0.3) add('workspace', { type: 'string', description: 'Workspace slug; defaults to the configured one.' }, false);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

export interface SyntheticStats {
  servers: number;
  tools: number;
  bytes: number;
}

/** Write `servers` snapshots with `tools` tools in total (spread 1-20 per server) into `<dir>/servers/`. */
export async function writeSyntheticCatalog(dir: string, servers: number, tools: number, seed = 42): Promise<SyntheticStats> {
  if (servers < 1 || tools < servers) throw new Error(`bench needs at least one server and one tool per server (got ${servers} servers, ${tools} tools).`);
  const rnd = prng(seed);
  const out = join(dir, 'servers');
  await mkdir(out, { recursive: true });
  // Tool counts per server: random weights, scaled to the exact total, at least one each.
  const weights = Array.from({ length: servers }, () => 0.2 + rnd() * rnd() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * tools)));
  let missing = tools - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % servers) {
    if (missing > 0) {
      counts[i] += 1;
      missing -= 1;
    } else if (counts[i] > 1) {
      counts[i] -= 1;
      missing += 1;
    }
  }
  let bytes = 0;
  for (let s = 0; s < servers; s += 1) {
    const [productId, productName] = PRODUCTS[s % PRODUCTS.length];
    const vendor = VENDORS[Math.floor(rnd() * VENDORS.length)];
    const id = `${vendor}-${productId}-${s}`;
    const names = new Set<string>();
    const list: Json[] = [];
    for (let t = 0; list.length < counts[s]; t += 1) {
      const [verb, sentence, hints] = VERBS[Math.floor(rnd() * VERBS.length)];
      const noun = NOUNS[Math.floor(rnd() * NOUNS.length)];
      let name = rnd() < 0.15 ? `${productId}_${verb}_${noun}` : `${verb}_${noun}`;
      if (rnd() < 0.1) name = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      if (names.has(name)) name = `${name}_${t}`;
      names.add(name);
      const extra = EXTRA_SENTENCES[Math.floor(rnd() * EXTRA_SENTENCES.length)];
      const description = `${sentence} ${extra}`.replace(/\{noun\}/g, noun.replace(/_/g, ' ')).replace(/\{product\}/g, productName).trim();
      const tool: Json = { name, description, inputSchema: schemaFor(verb, noun, rnd) };
      if (rnd() < 0.6) tool.annotations = { ...hints, openWorldHint: rnd() < 0.7, title: `${verb[0].toUpperCase()}${verb.slice(1)} ${noun.replace(/_/g, ' ')}` };
      list.push({ ...tool, hash: toolHash(tool as { name: string }) });
    }
    const snapshot = {
      schemaVersion: 1,
      id,
      name: `${productName} MCP (${vendor})`,
      homepage: `https://example.com/${vendor}/${productId}-mcp`,
      source: { kind: 'npm', package: `@${vendor}/${productId}-mcp-${s}`, version: '1.0.0', bin: `${productId}-mcp`, args: [], envNames: [`${productId.toUpperCase()}_TOKEN`] },
      transport: 'stdio',
      provenance: 'Synthetic benchmark catalogue (scripts/bench-catalog.ts).',
      scannedAt: '2026-01-01T00:00:00.000Z',
      serverInfo: { name: `${productId}-mcp`, version: '1.0.0' },
      protocolVersion: '2025-11-25',
      capabilities: { tools: {} },
      counts: { tools: list.length },
      tools: list,
      findings: [],
    };
    const text = `${canonicalJson(snapshot, 2)}\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(out, `${id}.json`), text);
  }
  return { servers, tools, bytes };
}
