// Regenerates catalog/servers.json from ../shared/corpus/servers.json (ids, versions, bins, args, dummy env, notes)
// plus Delx. Homepages come from the installed packages' package.json when they are in .cache/packages (run a scan
// first).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../src/core/hash.ts';
import { CatalogSchema } from '../src/core/schemas/catalog.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.TOOLGATE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'));

interface CorpusEntry {
  id: string;
  package: string;
  version: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  notes?: string;
}

const PETSTORE = {
  openapi: '3.0.0',
  info: { title: 'Swagger Petstore', version: '1.0.0' },
  servers: [{ url: 'http://127.0.0.1:9/api' }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        summary: 'List all pets',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: { '200': { description: 'A list of pets' } },
      },
      post: {
        operationId: 'createPet',
        summary: 'Create a pet',
        requestBody: {
          content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } },
        },
        responses: { '201': { description: 'Created' } },
      },
    },
    '/pets/{petId}': {
      get: {
        operationId: 'showPetById',
        summary: 'Info for a specific pet',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'A pet' } },
      },
      delete: {
        operationId: 'deletePet',
        summary: 'Delete a pet',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Deleted' } },
      },
    },
  },
};

const GOOGLE_TOKEN =
  JSON.stringify(
    {
      access_token: 'dummy',
      refresh_token: 'dummy',
      scope: 'https://www.googleapis.com/auth/drive.readonly',
      token_type: 'Bearer',
      expiry_date: 4102444800000,
    },
    null,
    2,
  ) + '\n';
const GOOGLE_OAUTH =
  JSON.stringify(
    {
      installed: {
        client_id: 'dummy.apps.googleusercontent.com',
        client_secret: 'dummy',
        redirect_uris: ['http://localhost'],
      },
    },
    null,
    2,
  ) + '\n';
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:6443
    insecure-skip-tls-verify: true
  name: dummy
contexts:
- context:
    cluster: dummy
    user: dummy
    namespace: default
  name: dummy
current-context: dummy
users:
- name: dummy
  user:
    token: dummy
`;

// Dummy files some servers insist on before they start (see the corpus notes).
const FILES: Record<string, Record<string, string>> = {
  'modelcontextprotocol-server-gdrive': {
    '$SANDBOX/gdrive-credentials.json': GOOGLE_TOKEN,
    '$SANDBOX/gcp-oauth.keys.json': GOOGLE_OAUTH,
  },
  'gongrzhe-server-gmail-autoauth-mcp': {
    '$HOME/.gmail-mcp/gcp-oauth.keys.json': GOOGLE_OAUTH,
    '$HOME/.gmail-mcp/credentials.json': GOOGLE_TOKEN,
  },
  'kubernetes-mcp-server': { '$SANDBOX/kubeconfig': KUBECONFIG },
  'ivotoby-openapi-mcp-server': { '$SANDBOX/petstore.json': JSON.stringify(PETSTORE, null, 2) + '\n' },
};

// Install scripts that fetch browsers despite PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD; the scan never needs the browser.
const IGNORE_SCRIPTS = new Set(['mcp-mermaid']);

// Display names a person would use; everything else is derived from the package name.
const NAMES: Record<string, string> = {
  'modelcontextprotocol-server-gitlab': 'GitLab (reference server)',
  'modelcontextprotocol-server-github': 'GitHub (reference server)',
  'modelcontextprotocol-server-slack': 'Slack (reference server)',
  'modelcontextprotocol-server-memory': 'Memory (reference server)',
  'modelcontextprotocol-server-sequential-thinking': 'Sequential Thinking (reference server)',
  'modelcontextprotocol-server-everything': 'Everything (reference server)',
  'modelcontextprotocol-server-postgres': 'PostgreSQL (reference server)',
  'modelcontextprotocol-server-filesystem': 'Filesystem (reference server)',
  'modelcontextprotocol-server-brave-search': 'Brave Search (reference server)',
  'modelcontextprotocol-server-google-maps': 'Google Maps (reference server)',
  'modelcontextprotocol-server-aws-kb-retrieval': 'AWS Knowledge Base Retrieval (reference server)',
  'chrome-devtools-mcp': 'Chrome DevTools MCP',
  'modelcontextprotocol-server-redis': 'Redis (reference server)',
  'modelcontextprotocol-server-everart': 'EverArt (reference server)',
  'modelcontextprotocol-server-gdrive': 'Google Drive (reference server)',
  'modelcontextprotocol-server-puppeteer': 'Puppeteer (reference server)',
  'supabase-mcp-server-supabase': 'Supabase MCP Server',
  'upstash-context7-mcp': 'Context7 (Upstash)',
  'sentry-mcp-server': 'Sentry MCP Server',
  'hubspot-mcp-server': 'HubSpot MCP Server',
  'tavily-mcp': 'Tavily MCP',
  'exa-mcp-server': 'Exa MCP Server',
  'azure-mcp': 'Azure MCP Server',
  'circleci-mcp-server-circleci': 'CircleCI MCP Server',
  'browserbasehq-mcp-server-browserbase': 'Browserbase MCP Server',
  'elastic-mcp-server-elasticsearch': 'Elasticsearch MCP Server',
  'launchdarkly-mcp-server': 'LaunchDarkly MCP Server',
  'figma-developer-mcp': 'Figma Developer MCP (Framelink)',
  'azure-devops-mcp': 'Azure DevOps MCP Server',
  'eslint-mcp': 'ESLint MCP',
  'antv-mcp-server-chart': 'AntV Chart MCP Server',
  'executeautomation-playwright-mcp-server': 'Playwright MCP Server (ExecuteAutomation)',
  'perplexity-ai-mcp-server': 'Perplexity MCP Server',
  'brave-brave-search-mcp-server': 'Brave Search MCP Server',
  'mobilenext-mobile-mcp': 'Mobile MCP (mobile-next)',
  'bytebase-dbhub': 'DBHub (Bytebase)',
  'mcp-server-code-runner': 'Code Runner MCP Server',
  'browsermcp-mcp': 'Browser MCP',
  'aashari-mcp-server-atlassian-jira': 'Atlassian Jira MCP Server (aashari)',
  'google-cloud-cloud-run-mcp': 'Cloud Run MCP (Google Cloud)',
  'larksuiteoapi-lark-mcp': 'Lark / Feishu MCP',
  'cyanheads-git-mcp-server': 'Git MCP Server (cyanheads)',
  'openbnb-mcp-server-airbnb': 'Airbnb MCP Server (OpenBnB)',
  'kubernetes-mcp-server': 'Kubernetes MCP Server',
  'brightdata-mcp': 'Bright Data MCP',
  'shopify-dev-mcp': 'Shopify Dev MCP',
  'pinecone-database-mcp': 'Pinecone MCP',
  'mapbox-mcp-server': 'Mapbox MCP Server',
  'mcp-deepwiki': 'DeepWiki MCP',
  'sylphx-pdf-reader-mcp': 'PDF Reader MCP (Sylphx)',
  'mcp-searxng': 'SearXNG MCP',
  'netlify-mcp': 'Netlify MCP',
  'mui-mcp': 'MUI MCP',
  'nx-mcp': 'Nx MCP',
  'mcp-hello-world': 'MCP Hello World',
  'mcp-mermaid': 'Mermaid MCP',
  'agent-infra-mcp-server-filesystem': 'Filesystem MCP Server (agent-infra)',
  'next-devtools-mcp': 'Next.js DevTools MCP',
  'ivotoby-openapi-mcp-server': 'OpenAPI MCP Server (ivotoby)',
  'z_ai-mcp-server': 'Z.AI MCP Server',
  'codacy-codacy-mcp': 'Codacy MCP',
  'cloudflare-mcp-server-cloudflare': 'Cloudflare MCP Server (local, 0.2.0)',
  'mastra-mcp-docs-server': 'Mastra Docs MCP Server',
  'gongrzhe-server-gmail-autoauth-mcp': 'Gmail AutoAuth MCP (GongRzhe)',
  'smartbear-mcp': 'SmartBear MCP',
  'n8n-mcp': 'n8n MCP',
  'stripe-mcp-0.2.5': 'Stripe MCP',
  'railway-mcp-server-0.1.11': 'Railway MCP Server',
  'azure-mcp-mode-all': 'Azure MCP Server (all tools)',
};

function displayName(entry: CorpusEntry): string {
  if (NAMES[entry.id]) return NAMES[entry.id]!;
  const [scope, bare] = entry.package.startsWith('@') ? entry.package.slice(1).split('/') : ['', entry.package];
  const words = (bare ?? '')
    .replace(/^(mcp-server-|server-)/, '')
    .replace(/(-mcp-server|-mcp|-server)$/, '')
    .split(/[-_]/)
    .filter(Boolean);
  const title = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  const owner = scope && scope !== 'modelcontextprotocol' ? scope.replace(/[-_]/g, ' ') : '';
  const base = title || owner;
  if (scope === 'modelcontextprotocol') return `${base} (reference server)`;
  return owner && !base.toLowerCase().includes(owner.toLowerCase()) ? `${base} (${owner})` : base;
}

function noteText(notes: string | undefined): string | undefined {
  if (!notes) return undefined;
  try {
    const parsed = JSON.parse(notes) as { note?: string };
    return parsed.note ?? notes;
  } catch {
    return notes;
  }
}

async function homepageOf(pkg: string, version: string): Promise<string | undefined> {
  const folder = `${pkg.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '__')}@${version}`;
  try {
    const manifest = JSON.parse(
      await readFile(join(repoRoot, '.cache', 'packages', folder, 'node_modules', pkg, 'package.json'), 'utf8'),
    ) as { homepage?: string; repository?: string | { url?: string } };
    const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    const candidates = [manifest.homepage, repo]
      .filter((value): value is string => typeof value === 'string')
      .map((value) =>
        value
          .replace(/^git\+/, '')
          .replace(/\.git$/, '')
          .replace(/^git:\/\//, 'https://')
          .replace(/^github:/, 'https://github.com/'),
      )
      .map((value) => (/^[\w.-]+\/[\w.-]+$/.test(value) ? `https://github.com/${value}` : value));
    return candidates.find((value) => /^https?:\/\//.test(value));
  } catch {
    return undefined;
  }
}

const corpus = JSON.parse(await readFile(join(shared, 'corpus', 'servers.json'), 'utf8')) as CorpusEntry[];
const servers: unknown[] = [];
for (const entry of corpus) {
  const node22 = entry.command === 'node22';
  const bin = node22 ? entry.args[0]! : entry.command;
  const args = node22 ? entry.args.slice(1) : entry.args;
  const note = noteText(entry.notes);
  const homepage = await homepageOf(entry.package, entry.version);
  const id = entry.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  servers.push({
    id,
    ...(id !== entry.id ? { corpusId: entry.id } : {}),
    name: displayName(entry),
    ...(homepage ? { homepage } : {}),
    ...(note ? { notes: note } : {}),
    npm: {
      package: entry.package,
      version: entry.version,
      bin,
      args,
      env: entry.env,
      ...(node22 ? { runWithNode: true } : {}),
      ...((note && /ignore-scripts/.test(note)) || IGNORE_SCRIPTS.has(entry.id) ? { ignoreScripts: true } : {}),
    },
    ...(FILES[entry.id] ? { files: FILES[entry.id] } : {}),
  });
}
servers.push({
  id: 'delx',
  name: 'Delx MCP Server',
  homepage: 'https://delx.ai',
  repository: 'https://github.com/davidmosiah/delx-witness-protocol',
  notes:
    'Hosted remote server (its npm bridge only forwards to the endpoint). Not reachable from the scanning machine, so the snapshot is a scan of a recorded tools/list served by the replay server in this repository.',
  remote: { url: 'https://api.delx.ai/v1/mcp', transport: 'streamable-http' },
  replay: {
    fixture: 'fixtures/delx/tools.json',
    provenance:
      'Replay, not a live scan: the recorded tools/list of the Delx MCP Server (runtime 3.3.1, catalogue 2026-05-20.1; davidmosiah/delx-witness-protocol@b2e00513bfd5a656807b0df34d3313bb148d7452 delx-mcp-server/mcp_tools.py plus delx-agent-utilities v0.1.1), served over streamable HTTP on 127.0.0.1 by src/scanner/replay-server.ts and scanned like any remote. serverInfo is taken from the recording.',
  },
});
const catalog = CatalogSchema.parse({ schemaVersion: 1, servers });
await writeFile(join(repoRoot, 'catalog', 'servers.json'), canonicalJson(catalog, 2) + '\n');
process.stdout.write(`wrote catalog/servers.json with ${catalog.servers.length} servers\n`);
