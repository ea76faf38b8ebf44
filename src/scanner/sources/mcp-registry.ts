// The official MCP Registry as a source: pages GET /v0.1/servers?version=latest, keeps active servers with npm/PyPI
// stdio packages or remotes, and turns them into discovery candidates or scan targets.
import { z } from 'zod';
import type { Candidate } from '../../core/discover/candidates.ts';
import { RegistryServerSchema } from '../../core/schemas/config-files.ts';
import type { RegistryServer } from '../../core/schemas/config-files.ts';
import { registryTargets } from '../targets.ts';
import type { ScanTarget } from '../targets.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';

/** The registry's own metadata about one server version. */
const OfficialMetaSchema = z
  .object({
    status: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    isLatest: z.boolean().optional(),
  })
  .passthrough();

/** One entry of GET /v0.1/servers: the server.json plus registry metadata under _meta. */
const ServerResponseSchema = z
  .object({
    server: RegistryServerSchema.and(z.object({ version: z.string().optional() }).passthrough()),
    _meta: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/** A page of GET /v0.1/servers. */
const ServerListSchema = z
  .object({
    servers: z.array(z.unknown()),
    metadata: z
      .object({ nextCursor: z.string().nullable().optional(), count: z.number().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** One active registry server with what the scanner can use of it. */
export interface RegistryListing {
  server: RegistryServer & { version?: string };
  status: string;
  publishedAt?: string;
  updatedAt?: string;
}

export class RegistryError extends Error {}

const MAX_PAGES = 2_000;

/** Every active server of the registry at `baseUrl`, latest versions only, in registry order. */
export async function fetchRegistry(
  baseUrl: string,
  options: { fetch?: typeof fetch; pageSize?: number } = {},
): Promise<RegistryListing[]> {
  const doFetch = options.fetch ?? fetch;
  const base = baseUrl.replace(/\/+$/, '').replace(/\/v0(?:\.1)?(?:\/servers)?$/, '');
  const listings: RegistryListing[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL(`${base}/v0.1/servers`);
    url.searchParams.set('version', 'latest');
    url.searchParams.set('limit', String(options.pageSize ?? 100));
    if (cursor) url.searchParams.set('cursor', cursor);
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new RegistryError(
        `could not reach the MCP Registry at ${base}: ${(error as Error).message}. Check the URL and the network.`,
      );
    }
    if (!response.ok)
      throw new RegistryError(
        `the MCP Registry answered ${response.status} for ${url.pathname}${url.search}; check the URL (it should be the registry's base, e.g. https://host).`,
      );
    const text = await response.text();
    if (text.length > 64 * 1024 * 1024)
      throw new RegistryError(`a registry page was larger than 64 MiB; refusing to read it.`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryError(`the MCP Registry page ${url.search} is not JSON.`);
    }
    const parsed = ServerListSchema.safeParse(body);
    if (!parsed.success)
      throw new RegistryError(
        `the MCP Registry page ${url.search} does not have the documented shape ({servers, metadata}).`,
      );
    for (const raw of parsed.data.servers) {
      const item = ServerResponseSchema.safeParse(raw);
      if (!item.success) continue;
      const meta = OfficialMetaSchema.safeParse(item.data._meta?.[OFFICIAL] ?? {});
      const official = meta.success ? meta.data : {};
      const status = official.status ?? (item.data.server as { status?: string }).status ?? 'active';
      if (status !== 'active') continue;
      if (official.isLatest === false) continue;
      listings.push({
        server: item.data.server,
        status,
        ...(official.publishedAt ? { publishedAt: official.publishedAt } : {}),
        ...(official.updatedAt ? { updatedAt: official.updatedAt } : {}),
      });
    }
    const next = parsed.data.metadata?.nextCursor;
    if (!next || seenCursors.has(next)) break;
    seenCursors.add(next);
    cursor = next;
  }
  return listings;
}

/** The npm and PyPI stdio packages of a registry server, as discovery candidates. */
export function candidatesFromListing(listing: RegistryListing): Candidate[] {
  const out: Candidate[] = [];
  for (const pkg of listing.server.packages ?? []) {
    const registry = pkg.registryType ?? pkg.registry_name;
    const identifier = pkg.identifier ?? pkg.name;
    if ((registry !== 'npm' && registry !== 'pypi') || !identifier || !pkg.version || !/^[0-9]/.test(pkg.version))
      continue;
    if (pkg.transport && pkg.transport.type !== 'stdio') continue;
    const args: string[] = [];
    for (const arg of pkg.packageArguments ?? []) {
      const value = arg.value ?? arg.default;
      if ((arg as { isSecret?: boolean }).isSecret || value === undefined || /\{[^}]+\}/.test(value)) continue;
      if (arg.type === 'named' && arg.name) args.push(arg.name, value);
      else if (arg.type !== 'named') args.push(value);
    }
    const env: Record<string, string> = {};
    const envNames: string[] = [];
    for (const variable of pkg.environmentVariables ?? []) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable.name)) continue;
      envNames.push(variable.name);
      const value = variable.value ?? variable.default;
      // Declared defaults that are not secrets start the server as documented.
      if (value !== undefined && !(variable as { isSecret?: boolean }).isSecret && !/\{[^}]+\}/.test(value))
        env[variable.name] = value;
    }
    out.push({
      registry,
      package: identifier,
      version: pkg.version,
      origin: 'mcp-registry',
      ...(listing.server.description ? { summary: listing.server.description } : {}),
      ...(registry === 'pypi' && listing.publishedAt ? { released: listing.publishedAt.slice(0, 10) } : {}),
      registryEntry: {
        name: listing.server.name,
        ...(listing.server.version ? { version: listing.server.version } : {}),
        ...(listing.publishedAt ? { publishedAt: listing.publishedAt } : {}),
        ...(listing.updatedAt ? { updatedAt: listing.updatedAt } : {}),
      },
      declared: { args, envNames, env },
    });
  }
  return out;
}

/** Discovery candidates from every active registry server with an npm or PyPI stdio package. */
export async function registryCandidates(baseUrl: string): Promise<Candidate[]> {
  return (await fetchRegistry(baseUrl)).flatMap(candidatesFromListing);
}

/**
 * Scan targets for every active registry server (`npm run scan -- --registry URL`): npm and PyPI stdio packages and
 * remotes, each with the registry's publishedAt/updatedAt in its provenance. Ids are the slugged server names; a later
 * server whose id is taken gets "-2", "-3" in registry order.
 */
export async function loadRegistry(baseUrl: string, options: { fetch?: typeof fetch } = {}): Promise<ScanTarget[]> {
  const out: ScanTarget[] = [];
  const taken = new Set<string>();
  for (const listing of await fetchRegistry(baseUrl, options)) {
    const when = [
      listing.publishedAt ? `published ${listing.publishedAt}` : '',
      listing.updatedAt ? `updated ${listing.updatedAt}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const provenance = `Listed in the MCP Registry as ${listing.server.name}${listing.server.version ? ` ${listing.server.version}` : ''}${when ? ` (${when})` : ''}.`;
    for (const target of registryTargets(listing.server)) {
      let id = target.id;
      for (let n = 2; taken.has(id); n++) id = `${target.id.slice(0, 76)}-${n}`;
      taken.add(id);
      out.push({ ...target, id, provenance });
    }
  }
  return out;
}
