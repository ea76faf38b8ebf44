// Parses a policy file of any registered format with the real parser for its file type; throws on a syntax error.
import { parse as parseYaml } from 'yaml';
import type { PolicyFormat } from '../../src/core/policy/index.ts';

/** The parsed document (JSON, YAML, TOML value or Cedar policy set); throws when the text does not parse. */
export function parseFormatText(format: Pick<PolicyFormat, 'fileName'>, text: string): unknown {
  const ext = format.fileName.slice(format.fileName.lastIndexOf('.') + 1);
  switch (ext) {
    case 'json': return JSON.parse(text);
    case 'yaml': return parseYaml(text, { strict: true, uniqueKeys: true });
    default: throw new Error(`No parser for .${ext} files; add one to tests/helpers/format-parsers.ts.`);
  }
}
