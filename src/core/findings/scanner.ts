// Every finding code the scanner writes into snapshots (codes are permanent).
import type { FindingInfo } from './types.ts';

const n = (v: unknown): string => (typeof v === 'number' ? String(v) : 'several');

const ENTRIES: Array<Omit<FindingInfo, 'source'>> = [
  {
    code: 'INPUT_SCHEMA_MISSING',
    title: 'No input schema',
    explanation:
      'The tool publishes no inputSchema object, so a client cannot check the arguments it sends or show what the tool accepts.',
    fix: 'Publish an inputSchema of type "object" (an empty properties object if the tool takes no arguments).',
  },
  {
    code: 'INPUT_SCHEMA_INVALID',
    title: 'Input schema is not an object schema',
    explanation:
      'MCP requires a JSON Schema of type "object" for tool arguments. Strict clients (including the official SDK) reject such tools; the raw definition is kept as published.',
    fix: 'Make the inputSchema a JSON Schema with "type": "object".',
  },
  {
    code: 'TOOL_REJECTED_BY_SDK',
    title: 'Rejected by the MCP SDK',
    explanation:
      "The official SDK's tool schema rejects this definition for another reason (listed in the finding's paths); the raw definition is kept as published.",
    fix: 'Validate the tool definition against the MCP specification schema.',
  },
  {
    code: 'TOOL_ENTRY_INVALID',
    title: 'Unusable tools/list entries',
    explanation:
      'Some entries of tools/list were not objects with a string name, so they could not be recorded as tools.',
    message: (a) => `${n(a.count)} tools/list entries were not objects with a string name and were left out.`,
  },
  {
    code: 'TOOL_NAME_DUPLICATE',
    title: 'Duplicate tool name',
    explanation: 'Two tools share one name; a client can call only one of them, and which one is not defined.',
    fix: 'Give every tool a unique name.',
  },
  {
    code: 'TOOLS_PAGINATED',
    title: 'Tools listed over several pages',
    explanation: 'The server returned its tools over several tools/list pages; every page was read.',
    message: (a) => `tools/list returned ${n(a.pages)} pages.`,
  },
  {
    code: 'TOOLS_PAGE_CAP_REACHED',
    title: 'Page limit reached',
    explanation:
      'The server kept returning a nextCursor; the scanner stopped at its page limit, so the tool list may be incomplete.',
  },
  {
    code: 'TOOLS_CAP_REACHED',
    title: 'Tool limit reached',
    explanation:
      'The server listed more tools than the scanner accepts from one server; the list was cut and is incomplete. (Older scans; a server over the limit now fails with TOO_MANY_TOOLS.)',
    message: (a) => `Stopped at ${n(a.maxTools)} tools; the rest of the list was not read.`,
  },
  {
    code: 'TOOLS_CURSOR_REPEATED',
    title: 'Pagination loop',
    explanation: 'tools/list returned a cursor it had already returned; the scanner stopped to avoid looping forever.',
  },
  {
    code: 'TOOLS_CAPABILITY_MISSING',
    title: 'Tools capability not advertised',
    explanation:
      'The server answered tools/list although its initialize result did not advertise the tools capability.',
    fix: 'Advertise "tools": {} in the initialize result.',
  },
  {
    code: 'RESOURCES_LIST_FAILED',
    title: 'resources/list failed',
    explanation:
      'The server advertises resources but resources/list failed during the scan, so no resource count is recorded.',
  },
  {
    code: 'PROMPTS_LIST_FAILED',
    title: 'prompts/list failed',
    explanation:
      'The server advertises prompts but prompts/list failed during the scan, so no prompt count is recorded.',
  },
  {
    code: 'SURFACE_CAP_REACHED',
    title: 'Prompt or resource limit reached',
    explanation:
      'The server listed more prompts, resources or resource templates than the scanner accepts from one list; the list was cut and is incomplete.',
  },
  {
    code: 'SURFACE_ENTRY_INVALID',
    title: 'Unusable prompt or resource entries',
    explanation:
      'Some prompts/list or resources/list entries lacked their required string field (name, uri or uriTemplate) and were left out of the snapshot.',
  },
  {
    code: 'STDOUT_NOISE',
    title: 'Non-protocol output on stdout',
    explanation:
      'The server wrote lines to stdout that are not JSON-RPC (banners, logs). The scanner ignored them; stricter clients may break.',
    fix: 'Log to stderr; stdout belongs to the protocol.',
    message: (a) => `The server wrote ${n(a.lines)} non-protocol lines to stdout; they were ignored.`,
  },
  {
    code: 'ENV_VALUE_ECHOED',
    title: 'Server echoed a secret from its environment',
    explanation:
      'A value the server received in its environment appeared in what it published (tool text, schemas or server info). It was redacted; a server that repeats its credentials to the model leaks them.',
    fix: 'Never put configuration values into tool names, descriptions or server info.',
  },
  {
    code: 'TOOL_FIELD_INVALID',
    title: 'Tool field of the wrong type',
    explanation:
      'A tool field that must be a string or an object (description, title, annotations) had another type; the field was left out and the rest of the tool kept.',
  },
  {
    code: 'TOOL_FIELD_TOO_DEEP',
    title: 'Tool field nested too deep',
    explanation:
      'A structured tool field (usually the input schema) nests deeper than the scanner accepts; the field was left out and the rest of the tool kept. No real schema needs such depth, and clients that recurse over it can crash.',
  },
  {
    code: 'TOOL_FIELD_OVERSIZE',
    title: 'Tool field too large',
    explanation:
      'A tool field was larger than the scanner accepts: a long description or title is cut, a huge structured field is left out, and a tool with an absurdly long name is left out entirely.',
  },
  {
    code: 'INSTRUCTIONS_INVALID',
    title: 'Server instructions are not text',
    explanation: 'The server sent instructions that are not a string; they were left out.',
  },
  {
    code: 'INSTRUCTIONS_OVERSIZE',
    title: 'Server instructions too large',
    explanation: 'The server instructions were longer than the scanner accepts; only the beginning was kept.',
  },
];

export const SCANNER_FINDINGS: readonly FindingInfo[] = ENTRIES.map((f) => ({ ...f, source: 'scanner' }));
