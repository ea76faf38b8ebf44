// POISON_NAME_PATH: a tool name that is a path, a URL-encoded path, a reserved device name or a file name (../../x,
// /etc/passwd, %2e%2e%2f, CON, index.html).
import type { NameCheck } from './check.ts';
import type { Severity } from '../../schemas/finding.ts';

// Windows reserves these names in every folder, with or without an extension.
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(?:\.[^.]*)?$/i;
// Extensions of files a web server or an OS would act on; a tool called "index.html" collides with pages and downloads.
const FILE_EXT =
  /\.(?:html?|xhtml|php\d?|aspx?|jsp|cgi|js|mjs|json|xml|svg|ya?ml|exe|bat|cmd|ps1|sh|dll|lnk|scr|msi|htaccess|env|git)$/i;

function classifyName(name: string): { kind: string; severity: Severity } | undefined {
  if (name === '.' || name === '..' || /(?:^|[/\\])\.\.(?:[/\\]|$)/.test(name))
    return { kind: 'traversal', severity: 'error' };
  if (/%[0-9a-f]{2}/i.test(name)) return { kind: 'url-encoded', severity: 'error' };
  if (/^(?:[/\\~]|[a-z]:[/\\]|file:)/i.test(name)) return { kind: 'absolute-path', severity: 'error' };
  if (DEVICE.test(name)) return { kind: 'device-name', severity: 'error' };
  if (/^\.[^.]/.test(name) || FILE_EXT.test(name)) return { kind: 'file-name', severity: 'warning' };
  return undefined;
}

export const namePath: NameCheck = {
  code: 'POISON_NAME_PATH',
  severity: 'error',
  title: 'Tool name shaped like a path or file',
  description:
    'The tool name is a path (../, /etc/…, C:\\…), URL-encoded (%2e%2e%2f), a reserved device name (CON, NUL, COM1) or a file name (index.html, .env). Anything that turns tool names into files, URLs or log entries can be made to write or read somewhere else; no honest tool needs such a name.',
  check: (name) => {
    const hit = classifyName(name.length > 1024 ? name.slice(0, 1024) : name);
    return hit ? { args: { kind: hit.kind }, severity: hit.severity } : undefined;
  },
};
