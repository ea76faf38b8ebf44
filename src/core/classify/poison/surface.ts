// Poisoning checks over the rest of a server's surface: initialize instructions, prompts, resources and templates, and
// name collisions among its tools.
import type { Finding } from '../../schemas/finding.ts';
import type { SnapshotPrompt, SnapshotResource, SnapshotResourceTemplate } from '../../schemas/snapshot.ts';
import { textFindings } from './index.ts';
import { nameCollisionFindings } from './name-collision.ts';
import { collectFieldTexts } from './texts.ts';

/** What the server-wide checks read; a Snapshot fits. */
export interface ServerSurface {
  instructions?: string;
  tools: ReadonlyArray<{ name: string }>;
  prompts?: readonly SnapshotPrompt[];
  resources?: readonly SnapshotResource[];
  resourceTemplates?: readonly SnapshotResourceTemplate[];
}

/** Where a surface finding was found, in args: surface (instructions | prompt | resource | resourceTemplate) and item (its name or URI). */
export type SurfaceKind = 'instructions' | 'prompt' | 'resource' | 'resourceTemplate';

/** Most prompts, resources and templates read per server (each list), so a huge listing cannot make a build slow. */
export const SURFACE_ITEM_LIMIT = 2_000;

function tag(findings: Finding[], surface: SurfaceKind, item?: string): Finding[] {
  return findings.map((f) => ({
    ...f,
    args: {
      ...f.args,
      surface,
      ...(item !== undefined ? { item: item.length > 200 ? item.slice(0, 200) + '…' : item } : {}),
    },
  }));
}

/** Server-wide poisoning findings, in a fixed order: instructions, prompts, resources, templates, then tool-name collisions. */
export function surfacePoisonFindings(server: ServerSurface): Finding[] {
  const out: Finding[] = [];
  if (typeof server.instructions === 'string')
    out.push(...tag(textFindings(collectFieldTexts([['instructions', server.instructions]])), 'instructions'));
  for (const p of (Array.isArray(server.prompts) ? server.prompts : []).slice(0, SURFACE_ITEM_LIMIT)) {
    const fields: Array<[string, unknown]> = [
      ['name', p.name],
      ['title', p.title],
      ['description', p.description],
    ];
    // Robust to raw input too (the classify CLI passes prompts as sent): non-array arguments and non-object entries are
    // skipped.
    const promptArgs: unknown[] = Array.isArray(p.arguments) ? p.arguments.slice(0, 200) : [];
    promptArgs.forEach((a, i) => {
      if (typeof a !== 'object' || a === null) return;
      const arg = a as Record<string, unknown>;
      fields.push(
        [`arguments[${i}].name`, arg['name']],
        [`arguments[${i}].title`, arg['title']],
        [`arguments[${i}].description`, arg['description']],
      );
    });
    out.push(...tag(textFindings(collectFieldTexts(fields)), 'prompt', typeof p.name === 'string' ? p.name : ''));
  }
  for (const r of (server.resources ?? []).slice(0, SURFACE_ITEM_LIMIT)) {
    out.push(
      ...tag(
        textFindings(
          collectFieldTexts([
            ['uri', r.uri],
            ['name', r.name],
            ['title', r.title],
            ['description', r.description],
            ['mimeType', r.mimeType],
          ]),
        ),
        'resource',
        r.uri,
      ),
    );
  }
  for (const r of (server.resourceTemplates ?? []).slice(0, SURFACE_ITEM_LIMIT)) {
    out.push(
      ...tag(
        textFindings(
          collectFieldTexts([
            ['uriTemplate', r.uriTemplate],
            ['name', r.name],
            ['title', r.title],
            ['description', r.description],
            ['mimeType', r.mimeType],
          ]),
        ),
        'resourceTemplate',
        r.uriTemplate,
      ),
    );
  }
  out.push(...nameCollisionFindings(server.tools.map((t) => t.name)));
  return out;
}
