// View models for poisoning findings: where each was found (field, prompt, resource) and what matched, as short plain
// text for pages.
import type { Finding } from '../core/schemas/finding.ts';
import { findingInfo } from '../core/findings/index.ts';
import { routes } from './routes.ts';
import { oneLine, revealInvisible } from './text.ts';

/** One poisoning finding as a page shows it. Every string is untrusted-derived plain text: render with escaped interpolation only. */
export interface PoisonView {
  code: string;
  severity: string;
  title: string;
  /** Where the code is explained on the site. */
  href: string;
  /** Where on the server: "Server instructions", "Prompt “x”", "Resource “uri”", or '' for a tool's own finding. */
  surface: string;
  /** The fields it was found in, e.g. "description, inputSchema.properties.path.description"; '' when the finding has none. */
  fields: string;
  /** What matched (the first match), invisible characters revealed; '' when nothing quotable. */
  sample: string;
}

const SURFACE_LABEL: Record<string, string> = {
  instructions: 'Server instructions',
  prompt: 'Prompt',
  resource: 'Resource',
  resourceTemplate: 'Resource template',
};

function fieldsOf(args: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (Array.isArray(args['matches']))
    for (const m of args['matches'])
      if (m && typeof m === 'object' && typeof (m as { field?: unknown }).field === 'string')
        out.push((m as { field: string }).field);
  if (Array.isArray(args['fields']))
    for (const f of args['fields'])
      out.push(
        typeof f === 'string'
          ? f
          : typeof f === 'object' && f && typeof (f as { field?: unknown }).field === 'string'
            ? (f as { field: string }).field
            : '',
      );
  return [...new Set(out.filter(Boolean))];
}

function sampleOf(args: Record<string, unknown>): string {
  const first = Array.isArray(args['matches']) ? (args['matches'][0] as { text?: unknown } | undefined) : undefined;
  if (first && typeof first.text === 'string') return first.text;
  if (typeof args['decoded'] === 'string' && args['decoded']) return args['decoded'];
  if (Array.isArray(args['twins'])) return `twin of ${args['twins'].filter((t) => typeof t === 'string').join(', ')}`;
  if (typeof args['kind'] === 'string') return args['kind'];
  return '';
}

/** The page view of one poisoning finding. */
export function poisonView(f: Finding): PoisonView {
  const args = f.args ?? {};
  const surface = typeof args['surface'] === 'string' ? (SURFACE_LABEL[args['surface']] ?? args['surface']) : '';
  const item = typeof args['item'] === 'string' ? ` “${revealInvisible(oneLine(args['item'], 120))}”` : '';
  return {
    code: f.code,
    severity: f.severity,
    title: findingInfo(f.code)?.title ?? f.code,
    href: routes.finding(f.code),
    surface: surface ? `${surface}${item}` : '',
    fields: oneLine(fieldsOf(args).slice(0, 5).join(', '), 300),
    sample: revealInvisible(oneLine(sampleOf(args), 120)),
  };
}
