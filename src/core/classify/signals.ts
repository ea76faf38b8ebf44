// Turns one untrusted tool into bounded, normalised signals (name words, description text, schema parameters) that
// every rule reads.
import type { ClassifiableTool } from './types.ts';

/** How much of a description the lexical rules read; beyond this, text cannot change the category (poisoning checks read more). */
export const DESCRIPTION_SCAN_LIMIT = 4_096;
/** How many schema nodes are visited at most, so a hostile schema cannot make classification slow. */
export const SCHEMA_NODE_LIMIT = 2_000;
/** How deep the schema walk goes. */
export const SCHEMA_DEPTH_LIMIT = 6;
/** Longest name or parameter name that is tokenised. */
const NAME_LIMIT = 512;

/** One input-schema property, flattened. */
export interface Param {
  /** The property name as sent (capped). */
  name: string;
  /** Its lower-case words. */
  words: string[];
  /** JSON Schema type, when a string. */
  type: string;
  /** Its description, lower-cased and capped. */
  description: string;
  /** Nesting depth: 0 for top-level properties. */
  depth: number;
  /** String values of its enum, when it has one (capped). */
  enumValues: string[];
  /** Whether the enclosing object lists it as required; undefined when that object has no `required` array. */
  required?: boolean;
  /** Its schema default, when that is a string (capped). */
  defaultValue?: string;
  /** Whether its schema holds it to a pattern, a format or at most IDENTIFIER_MAX_LENGTH characters (an identifier, not free text). */
  constrained: boolean;
}

/** A string held to this many characters or fewer is an identifier or a short value, not a body of text. */
export const IDENTIFIER_MAX_LENGTH = 64;

/** Everything rules look at, prepared once per tool. */
export interface Signals {
  /** The tool name as sent (capped). */
  name: string;
  /** Lower-case words of the name, in order (every casing split). */
  nameWords: string[];
  /** Lower-case words of the title, when any. */
  titleWords: string[];
  /** Description, capped, whitespace collapsed, lower-cased. */
  description: string;
  /** Lower-case words of the description's opening clause (first sentence, capped). */
  leadWords: string[];
  /** Flattened input-schema properties. */
  params: Param[];
}

/** Splits an identifier in any casing (snake, camel, Pascal, kebab, dotted, spaced, ACRONYMWord, digits) into lower-case words. */
/**
 * Product names written in camel case whose halves read as verbs ("WordPress" is not "press", "SharePoint" not
 * "share"): kept whole.
 */
const CAMEL_PRODUCTS = /WordPress|SharePoint|PayPal|SendGrid|DropBox|PushBullet|PostHog|PostMark|ClickUp|OneDrive/g;

export function splitWords(text: string): string[] {
  const capped = text.length > NAME_LIMIT ? text.slice(0, NAME_LIMIT) : text;
  const spaced = capped
    .replace(CAMEL_PRODUCTS, (m) => ` ${m.toLowerCase()} `)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function collapse(text: string, limit: number): string {
  const capped = text.length > limit ? text.slice(0, limit) : text;
  return capped.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The opening clause of a description: after a short "Label:", "[Tag]" or "Tag-Sub-" prefix, up to the first sentence end, at most 200 characters.
 * With keepChineseSentence, a Chinese sentence ("查询金蝶系统中的角色列表。 常用 filter_string： - 指定角色名: …") is no label,
 * however short (DESCRIPTION_LEAD_VERB's reading of a Chinese opening; the lead words keep the older cut).
 */
export function leadClause(description: string, keepChineseSentence = false): string {
  // A bracketed tag may end with its own colon ("[Tool Role]: Lists all DAGs").
  // A breadcrumb of two or more dash-joined labels ("[Lark]-Docs-Base-Record-Update a record") is a label too.
  const unlabelled = description
    .replace(/^(?:\[[^\]]{1,30}\]:?|\([^)]{1,30}\):?|[#*>\s-])*/, '')
    .replace(/^(?:[a-z0-9]{1,20}-){2,6}(?=[a-z])/, '')
    .replace(keepChineseSentence ? /^[^:.!?\n。]{1,40}:\s+/ : /^[^:.!?\n]{1,40}:\s+/, '');
  const head = unlabelled.slice(0, 200);
  const end = head.search(/[.!?\n:;]\s|[.!?]$|\n/);
  return end === -1 ? head : head.slice(0, end);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The definition a local "$ref" ("#/$defs/Name", "#/definitions/Name") names in the root schema, if any. */
function localRef(root: unknown, ref: unknown): unknown {
  if (typeof ref !== 'string' || !isRecord(root)) return undefined;
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  if (m === null) return undefined;
  const defs = root[m[1]!];
  return isRecord(defs) ? defs[m[2]!] : undefined;
}

/** Breadth-first walk of properties (also through items, anyOf/oneOf/allOf), bounded in nodes and depth. */
export function flattenParams(schema: unknown): Param[] {
  const out: Param[] = [];
  const queue: Array<{ node: unknown; depth: number }> = [{ node: schema, depth: 0 }];
  let visited = 0;
  for (let i = 0; i < queue.length && visited < SCHEMA_NODE_LIMIT; i++) {
    const { node, depth } = queue[i]!;
    visited++;
    if (!isRecord(node) || depth > SCHEMA_DEPTH_LIMIT) continue;
    const props = node['properties'];
    const requiredList = Array.isArray(node['required']) ? (node['required'] as unknown[]).slice(0, 200) : undefined;
    if (isRecord(props)) {
      for (const key of Object.keys(props)) {
        if (out.length >= SCHEMA_NODE_LIMIT) break;
        const prop = props[key];
        const type = isRecord(prop) && typeof prop['type'] === 'string' ? prop['type'] : '';
        const desc =
          isRecord(prop) && typeof prop['description'] === 'string' ? collapse(prop['description'], 300) : '';
        const name = key.length > NAME_LIMIT ? key.slice(0, NAME_LIMIT) : key;
        const rawEnum = isRecord(prop) ? prop['enum'] : undefined;
        const enumValues = Array.isArray(rawEnum)
          ? rawEnum
              .slice(0, 100)
              .filter((v): v is string => typeof v === 'string')
              .map((v) => v.slice(0, 80))
          : [];
        const constrained =
          isRecord(prop) &&
          (typeof prop['pattern'] === 'string' ||
            typeof prop['format'] === 'string' ||
            (typeof prop['maxLength'] === 'number' && prop['maxLength'] <= IDENTIFIER_MAX_LENGTH));
        const param: Param = { name, words: splitWords(name), type, description: desc, depth, enumValues, constrained };
        if (requiredList !== undefined) param.required = requiredList.includes(key);
        if (isRecord(prop) && typeof prop['default'] === 'string') param.defaultValue = prop['default'].slice(0, 80);
        out.push(param);
        queue.push({ node: prop, depth: depth + 1 });
      }
    }
    for (const k of ['items', 'additionalProperties'])
      if (isRecord(node[k])) queue.push({ node: node[k], depth: depth + 1 });
    // A local reference ("params": {"$ref": "#/$defs/ConvertPdfInput"}, as pydantic-wrapped inputs give) stands for
    // the definition it names: its properties are the wrapper's, one level down.
    const target = localRef(schema, node['$ref']);
    if (target !== undefined) queue.push({ node: target, depth });
    for (const k of ['anyOf', 'oneOf', 'allOf']) {
      const list = node[k];
      if (Array.isArray(list)) for (const sub of list.slice(0, 50)) queue.push({ node: sub, depth: depth + 1 });
    }
  }
  return out;
}

/**
 * A function of a tool's signals computed once per tool: rules that other rules ask (NAME_VERB, DESCRIPTION_LEAD_VERB,
 * CODE_EXECUTION) answer every later asker from the first answer. Callers must not change what it returns.
 */
export function oncePerTool<T>(fn: (s: Signals) => T): (s: Signals) => T {
  const memo = new WeakMap<Signals, T>();
  return (s) => {
    if (memo.has(s)) return memo.get(s) as T;
    const value = fn(s);
    memo.set(s, value);
    return value;
  };
}

/** Prepares the signals of one tool. Never throws on odd input. */
export function extractSignals(tool: ClassifiableTool): Signals {
  const name = typeof tool.name === 'string' ? tool.name.slice(0, NAME_LIMIT) : '';
  const title = typeof tool.title === 'string' ? tool.title : '';
  const rawDescription = typeof tool.description === 'string' ? tool.description : '';
  const description = collapse(rawDescription, DESCRIPTION_SCAN_LIMIT);
  return {
    name,
    nameWords: splitWords(name),
    titleWords: splitWords(title),
    description,
    leadWords: splitWords(leadClause(description)),
    params: flattenParams(tool.inputSchema),
  };
}
