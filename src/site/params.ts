// The parameters table of a tool page, read defensively from an untrusted input JSON Schema.
import { oneLine } from './text.ts';

export interface ParamRow {
  /** Property name as sent, invisible characters revealed. */
  name: string;
  /** JSON type(s), e.g. "string", "integer | null", "array of string", "enum". */
  type: string;
  /** Listed in the schema's "required". */
  required: boolean;
  /** Constraints in short words: enum values, bounds, lengths, pattern, format, default. */
  constraints: string[];
  /** The property description, one line, cut to 160 characters. */
  description: string;
}

export interface ParamTable {
  rows: ParamRow[];
  /** Properties left out because the table is capped. */
  omitted: number;
  /** Why there is no table, when there is none (no schema, not an object schema, no properties). */
  note?: string;
}

/** Most parameters a page lists; schemas with thousands of properties stay readable and pages stay small. */
export const MAX_PARAMS = 30;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function short(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return oneLine(text, max);
}

function typeOf(schema: Record<string, unknown>, depth = 0): string {
  if (depth > 3) return 'any';
  const t = schema.type;
  if (typeof t === 'string') {
    if (t === 'array' && isObject(schema.items)) return `array of ${typeOf(schema.items, depth + 1)}`;
    return oneLine(t, 30);
  }
  if (Array.isArray(t))
    return (
      t
        .filter((x) => typeof x === 'string')
        .map((x) => oneLine(x, 30))
        .slice(0, 6)
        .join(' | ') || 'any'
    );
  if (Array.isArray(schema.enum)) return 'enum';
  if ('const' in schema) return 'const';
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list)) {
      const parts = [...new Set(list.filter(isObject).map((s) => typeOf(s, depth + 1)))].slice(0, 6);
      return parts.join(key === 'allOf' ? ' & ' : ' | ') || 'any';
    }
  }
  if (typeof schema.$ref === 'string') return `ref ${oneLine(schema.$ref, 40)}`;
  return 'any';
}

function constraintsOf(schema: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.slice(0, 12).map((v) => short(v, 40));
    out.push(`one of ${values.join(', ')}${schema.enum.length > 12 ? `, … (${schema.enum.length} values)` : ''}`);
  }
  if ('const' in schema) out.push(`always ${short(schema.const)}`);
  const bounds: Array<[string, string]> = [
    ['minimum', '≥'],
    ['exclusiveMinimum', '>'],
    ['maximum', '≤'],
    ['exclusiveMaximum', '<'],
  ];
  for (const [key, sign] of bounds) if (typeof schema[key] === 'number') out.push(`${sign} ${schema[key]}`);
  if (typeof schema.minLength === 'number') out.push(`min length ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') out.push(`max length ${schema.maxLength}`);
  if (typeof schema.minItems === 'number') out.push(`min items ${schema.minItems}`);
  if (typeof schema.maxItems === 'number') out.push(`max items ${schema.maxItems}`);
  if (typeof schema.pattern === 'string') out.push(`pattern ${oneLine(schema.pattern, 80)}`);
  if (typeof schema.format === 'string') out.push(`format ${oneLine(schema.format, 30)}`);
  if ('default' in schema) out.push(`default ${short(schema.default)}`);
  if (isObject(schema.properties)) out.push(`object with ${Object.keys(schema.properties).length} properties`);
  return out;
}

/** Rows for the parameters table; never throws, whatever the schema holds. */
export function parameterTable(inputSchema: unknown): ParamTable {
  if (inputSchema === undefined) return { rows: [], omitted: 0, note: 'The server sent no input schema.' };
  if (!isObject(inputSchema))
    return { rows: [], omitted: 0, note: 'The input schema is not a JSON object, so its parameters cannot be listed.' };
  const properties = inputSchema.properties;
  if (!isObject(properties) || Object.keys(properties).length === 0)
    return { rows: [], omitted: 0, note: 'The tool takes no parameters.' };
  const required = new Set(
    Array.isArray(inputSchema.required) ? inputSchema.required.filter((x): x is string => typeof x === 'string') : [],
  );
  const names = Object.keys(properties);
  const rows = names.slice(0, MAX_PARAMS).map((name): ParamRow => {
    const schema = properties[name];
    const prop = isObject(schema) ? schema : {};
    return {
      name: oneLine(name, 80),
      type: isObject(schema) ? typeOf(prop) : 'any',
      required: required.has(name),
      constraints: constraintsOf(prop),
      description: typeof prop.description === 'string' ? oneLine(prop.description, 160) : '',
    };
  });
  return { rows, omitted: Math.max(0, names.length - MAX_PARAMS) };
}
