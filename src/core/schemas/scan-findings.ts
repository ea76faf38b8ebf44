// Every finding code the scanner writes into snapshots, with a title and explanation for pages (codes are permanent).

/** Scanner finding codes → human title and description; merge into the classifier's FINDING_INFO for display. */
export const SCAN_FINDING_INFO: Record<string, { title: string; description: string }> = {
  INPUT_SCHEMA_MISSING: {
    title: 'No input schema',
    description: 'The tool publishes no inputSchema object, so a client cannot check the arguments it sends or show what the tool accepts.',
  },
  INPUT_SCHEMA_INVALID: {
    title: 'Input schema is not an object schema',
    description: 'MCP requires a JSON Schema of type "object" for tool arguments. Strict clients (including the official SDK) reject such tools; the raw definition is kept as published.',
  },
  TOOL_REJECTED_BY_SDK: {
    title: 'Rejected by the MCP SDK',
    description: "The official SDK's tool schema rejects this definition for another reason (listed in the finding's paths); the raw definition is kept as published.",
  },
  TOOL_ENTRY_INVALID: {
    title: 'Unusable tools/list entries',
    description: 'Some entries of tools/list were not objects with a string name, so they could not be recorded as tools.',
  },
  TOOL_NAME_DUPLICATE: {
    title: 'Duplicate tool name',
    description: 'Two tools share one name; a client can call only one of them, and which one is not defined.',
  },
  TOOLS_PAGINATED: {
    title: 'Tools listed over several pages',
    description: 'The server returned its tools over several tools/list pages; every page was read.',
  },
  TOOLS_PAGE_CAP_REACHED: {
    title: 'Page limit reached',
    description: 'The server kept returning a nextCursor; the scanner stopped at its page limit, so the tool list may be incomplete.',
  },
  TOOLS_CAP_REACHED: {
    title: 'Tool limit reached',
    description: 'The server listed more tools than the scanner accepts from one server; the list was cut and is incomplete. (Older scans; a server over the limit now fails with TOO_MANY_TOOLS.)',
  },
  TOOL_FIELD_INVALID: {
    title: 'Tool field of the wrong type',
    description: 'A tool field that must be a string or an object (description, title, annotations) had another type; the field was left out and the rest of the tool kept.',
  },
  TOOL_FIELD_TOO_DEEP: {
    title: 'Tool field nested too deep',
    description: 'A structured tool field (usually the input schema) nests deeper than the scanner accepts; the field was left out and the rest of the tool kept. No real schema needs such depth, and clients that recurse over it can crash.',
  },
  TOOL_FIELD_OVERSIZE: {
    title: 'Tool field too large',
    description: 'A tool field was larger than the scanner accepts: a long description or title is cut, a huge structured field is left out, and a tool with an absurdly long name is left out entirely.',
  },
  INSTRUCTIONS_INVALID: {
    title: 'Server instructions are not text',
    description: 'The server sent instructions that are not a string; they were left out.',
  },
  INSTRUCTIONS_OVERSIZE: {
    title: 'Server instructions too large',
    description: 'The server instructions were longer than the scanner accepts; only the beginning was kept.',
  },
  TOOLS_CURSOR_REPEATED: {
    title: 'Pagination loop',
    description: 'tools/list returned a cursor it had already returned; the scanner stopped to avoid looping forever.',
  },
  TOOLS_CAPABILITY_MISSING: {
    title: 'Tools capability not advertised',
    description: 'The server answered tools/list although its initialize result did not advertise the tools capability.',
  },
  RESOURCES_LIST_FAILED: {
    title: 'resources/list failed',
    description: 'The server advertises resources but resources/list failed during the scan, so no resource count is recorded.',
  },
  PROMPTS_LIST_FAILED: {
    title: 'prompts/list failed',
    description: 'The server advertises prompts but prompts/list failed during the scan, so no prompt count is recorded.',
  },
  SURFACE_CAP_REACHED: {
    title: 'Prompt or resource limit reached',
    description: 'The server listed more prompts, resources or resource templates than the scanner accepts from one list; the list was cut and is incomplete.',
  },
  SURFACE_ENTRY_INVALID: {
    title: 'Unusable prompt or resource entries',
    description: 'Some prompts/list or resources/list entries lacked their required string field (name, uri or uriTemplate) and were left out of the snapshot.',
  },
  STDOUT_NOISE: {
    title: 'Non-protocol output on stdout',
    description: 'The server wrote lines to stdout that are not JSON-RPC (banners, logs). The scanner ignored them; stricter clients may break.',
  },
  ENV_VALUE_ECHOED: {
    title: 'Server echoed a secret from its environment',
    description: 'A value the server received in its environment appeared in what it published (tool text, schemas or server info). It was redacted; a server that repeats its credentials to the model leaks them.',
  },
};
