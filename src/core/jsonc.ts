// JSON with comments and trailing commas (VS Code, Zed and Gemini settings files), parsed without evaluating anything.

/** Removes // and /* *\/ comments and trailing commas outside strings; string contents and line numbers are kept. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  // Index in `out` of the last comma not yet followed by a value, so a following } or ] can drop it.
  let pendingComma = -1;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      pendingComma = -1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      // Keep the newlines so JSON.parse reports the right line.
      out += text.slice(i, stop).replace(/[^\r\n]/g, ' ');
      i = stop;
    } else if (ch === ',') {
      pendingComma = out.length;
      out += ch;
      i++;
    } else if (ch === '}' || ch === ']') {
      if (pendingComma !== -1) out = out.slice(0, pendingComma) + ' ' + out.slice(pendingComma + 1);
      pendingComma = -1;
      out += ch;
      i++;
    } else {
      if (!/\s/.test(ch)) pendingComma = -1;
      out += ch;
      i++;
    }
  }
  return out;
}

/** Parses JSONC; a syntax error says its line and column when the parser gives a position. */
export function parseJsonc(text: string): unknown {
  const stripped = stripJsonc(text.replace(/^\uFEFF/, ''));
  try {
    return JSON.parse(stripped);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (!position || /line \d+/.test(message)) throw error;
    const before = stripped.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new SyntaxError(`${message} (line ${line} column ${column})`);
  }
}
