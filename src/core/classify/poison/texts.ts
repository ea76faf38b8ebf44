// Collects every piece of untrusted text a tool carries (name, title, description, schema strings), bounded, for the
// poisoning checks.
import type { ClassifiableTool } from '../types.ts';

/** One piece of untrusted text and where it came from. */
export interface ScanText {
  /** Field path, e.g. "description" or "inputSchema.properties.path.description". */
  field: string;
  /** The text (capped). */
  text: string;
  /** Its full length before capping. */
  length: number;
  /** The capped text lower-cased once, for the phrase checks. */
  lower: string;
  /** Whether it holds any invisible, bidi, tag or escape character at all (a fast pre-check for those checks). */
  special: boolean;
}

/** Any character one of the invisible/bidi/tag/ANSI checks looks for (tag characters via their high surrogate). */
const SPECIAL = /[\u001b\u009b\u009d\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\udb40]/;

/** The most characters of any one text that the checks read; longer text is flagged by POISON_EXTREME_LENGTH. */
export const POISON_SCAN_LIMIT = 262_144;
const SCHEMA_STRING_BUDGET = 1_048_576;
const SCHEMA_NODE_BUDGET = 5_000;

function text(field: string, value: string): ScanText {
  const capped = value.length > POISON_SCAN_LIMIT ? value.slice(0, POISON_SCAN_LIMIT) : value;
  return { field, text: capped, length: value.length, lower: capped.toLowerCase(), special: SPECIAL.test(capped) };
}

/** Walks JSON Schema keys and string values breadth-first into `out`, within the shared budgets; returns the budgets left. */
function walkSchema(out: ScanText[], root: unknown, rootPath: string, left: { budget: number; nodes: number }): void {
  const queue: Array<{ value: unknown; path: string }> = [{ value: root, path: rootPath }];
  for (let i = 0; i < queue.length && left.nodes > 0 && left.budget > 0; i++) {
    const { value, path } = queue[i]!;
    left.nodes--;
    if (typeof value === 'string') {
      const t = text(path, value);
      left.budget -= t.text.length;
      out.push(t);
    } else if (Array.isArray(value)) {
      value.slice(0, 200).forEach((v, j) => queue.push({ value: v, path: `${path}[${j}]` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value).slice(0, 500)) {
        const keyPath = `${path}.${k.length > 80 ? k.slice(0, 80) + '…' : k}`;
        if (k.length > 0) {
          const kt = text(`${keyPath}(key)`, k);
          left.budget -= kt.text.length;
          out.push(kt);
        }
        queue.push({ value: v, path: keyPath });
      }
    }
  }
}

/** Name, title, description, annotation title, then input- and output-schema keys and string values breadth-first, within fixed budgets. */
export function collectTexts(tool: ClassifiableTool): ScanText[] {
  const out: ScanText[] = [];
  if (typeof tool.name === 'string') out.push(text('name', tool.name));
  if (typeof tool.title === 'string') out.push(text('title', tool.title));
  if (typeof tool.description === 'string') out.push(text('description', tool.description));
  const annotationTitle = tool.annotations?.['title'];
  if (typeof annotationTitle === 'string') out.push(text('annotations.title', annotationTitle));
  const left = { budget: SCHEMA_STRING_BUDGET, nodes: SCHEMA_NODE_BUDGET };
  walkSchema(out, tool.inputSchema, 'inputSchema', left);
  if (tool.outputSchema !== undefined) walkSchema(out, tool.outputSchema, 'outputSchema', left);
  return out;
}

/** Texts of any other surface item (instructions, a prompt, a resource): the given string fields, in order, capped like tool texts. */
export function collectFieldTexts(fields: ReadonlyArray<readonly [string, unknown]>): ScanText[] {
  const out: ScanText[] = [];
  let budget = SCHEMA_STRING_BUDGET;
  for (const [field, value] of fields) {
    if (typeof value !== 'string' || budget <= 0) continue;
    const t = text(field, value);
    budget -= t.text.length;
    out.push(t);
  }
  return out;
}
