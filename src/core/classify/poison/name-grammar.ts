// POISON_NAME_INVALID: a tool name outside the MCP spec's grammar (2025-11-25, "Tool names": 1–128 of A-Z a-z 0-9 _ -
// .).
import { visible, type NameCheck } from './check.ts';

/** The tool-name grammar of the MCP specification 2025-11-25 (the SDK's validateToolName uses the same). */
export const MCP_TOOL_NAME = /^[A-Za-z0-9._-]{1,128}$/;
/** Longest tool name the spec allows. */
export const MCP_TOOL_NAME_MAX = 128;

export const nameInvalid: NameCheck = {
  code: 'POISON_NAME_INVALID',
  severity: 'warning',
  title: 'Tool name outside the MCP grammar',
  description:
    'The MCP specification says tool names should be 1 to 128 characters of A-Z, a-z, 0-9, underscore, dash and dot. A name with spaces, quotes, angle brackets, slashes or other characters is either careless or written to break whatever shows, logs or stores it.',
  check: (name) => {
    if (MCP_TOOL_NAME.test(name)) return undefined;
    const chars: string[] = [];
    for (const ch of name) {
      if (/[A-Za-z0-9._-]/.test(ch)) continue;
      const shown = visible(ch, 4);
      if (!chars.includes(shown)) chars.push(shown);
      if (chars.length >= 10) break;
    }
    return { args: { length: name.length, ...(chars.length > 0 ? { chars } : {}) }, severity: 'warning' };
  },
};
