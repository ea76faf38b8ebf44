// POISON_ACTIVE_MARKUP: markup that would run or load something if any client rendered it (script, loading tags, event
// handlers, javascript: URLs).
import { visible, type PoisonCheck } from './check.ts';
import type { ScanText } from './texts.ts';

// Each pattern needs the part that makes markup active (an attribute, content, a handler), so prose that only names a
// tag ("strips <script> and <style> tags", "renders a <div>") stays quiet. All are linear: bounded classes, no nested
// repeats.
const PATTERNS: ReadonlyArray<{ kind: string; re: RegExp }> = [
  // <script> with attributes, or with code before its closing tag.
  {
    kind: 'script',
    re: /<script\b[^>]{0,200}\b(?:src|type|async|defer)\s*=?|<script\s*>[^<]{0,2000}?[(=;.`'"][^<]{0,2000}?<\/script/,
  },
  // Tags that load or embed another document or resource, with the attribute that does it.
  {
    kind: 'loading-tag',
    re: /<(?:iframe|frame|frameset|object|embed|applet|portal|img|image|video|audio|source|track|input|link|script)\b[^>]{0,300}?\s(?:src|srcdoc|data|href|xlink:href|formaction|poster|background|codebase|srcset)\s*=/,
  },
  { kind: 'base', re: /<base\b[^>]{0,300}?\shref\s*=/ },
  { kind: 'meta-refresh', re: /<meta\b[^>]{0,300}?\shttp-equiv\s*=/ },
  { kind: 'form', re: /<form\b[^>]{0,300}?\saction\s*=/ },
  // <style> with rules (hides or restyles what people see; @import and url() load).
  {
    kind: 'style',
    re: /<style\b[^>]{0,200}>[^<]{0,2000}?[{@][^<]{0,2000}?<\/style|\sstyle\s*=\s*["']?[^"'>]{0,200}?(?:expression\s*\(|url\s*\(\s*["']?\s*javascript:)/,
  },
  // An on* handler inside a tag, or after a quote that closes an attribute ('" onmouseover="…'); JSX handlers ({…}) are
  // left to the expression check.
  {
    kind: 'event-handler',
    re: /(?:<[a-z][\w:-]{0,30}\b[^<>]{0,300}?[\s/"']|["'][\s/]{1,5})on[a-z]{3,30}\s*=\s*(?:"[^"{]|'[^'{]|[^\s"'{>])/,
  },
  // Script URLs: no space after the colon (entities and escapes are decoded first, see findActive). One in `inline
  // code` is a mention that Markdown renders inert.
  { kind: 'script-url', re: /(?:^|[\s"'(=<>[])(?:java|vb|live)script:(?=\S)/ },
  // A Markdown image that carries data out in its URL (a placeholder, or a query field named for data): clients that
  // render Markdown fetch it unasked. Badges (?style=flat, ?logo=…) carry nothing and stay quiet.
  {
    kind: 'markdown-image',
    re: /!\[[^\]\n]{0,200}\]\(\s{0,3}(?:https?:)?\/\/[^)\s]{1,300}?(?:[{<]|\$\{|%7b|[?&](?:d|q|c|k|data|secret|token|key|msg|message|conversation|history|context|content|payload|info|leak|exfil|chat|prompt|env)=)/,
  },
  // data: URLs that carry a document or script (data:image/png is an ordinary picture and stays quiet).
  {
    kind: 'data-url',
    re: /\bdata:\s{0,3}(?:text\/html|text\/javascript|application\/(?:x-)?javascript|application\/xhtml|image\/svg\+xml|text\/xml|application\/xml)/,
  },
];

// Character references and escapes that browsers decode inside attributes ("java&#115;cript:", "&colon;", "\u006a"),
// and the tabs and newlines they skip inside a URL scheme: undone so a disguised URL reads as what a browser would run.
function decodeDisguise(lower: string): string {
  return lower
    .replace(/&#x0*([0-9a-f]{1,6});?/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#0*([0-9]{1,7});?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .replace(/\\u00([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&colon;/g, ':')
    .replace(/&(?:tab|newline);/g, '')
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
}

function findActive(t: ScanText): { kind: string; text: string } | undefined {
  // Cheap gate: every pattern needs one of these.
  if (!/[<:&=\\]/.test(t.lower)) return undefined;
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(t.lower);
    if (m) return { kind, text: visible(t.text.slice(m.index, m.index + Math.min(m[0].length, 80)).trim()) };
  }
  if (/&#|&colon;|\\u00/.test(t.lower)) {
    const decoded = decodeDisguise(t.lower);
    for (const { kind, re } of PATTERNS) {
      const m = re.exec(decoded);
      if (m)
        return {
          kind: `${kind} (disguised)`,
          text: visible(decoded.slice(m.index, m.index + Math.min(m[0].length, 80)).trim()),
        };
    }
  }
  return undefined;
}

export const activeMarkup: PoisonCheck = {
  code: 'POISON_ACTIVE_MARKUP',
  severity: 'error',
  title: 'Active markup in metadata',
  description:
    'The text carries markup that would run or load something if a client, a log viewer or a documentation page rendered it: a script, a tag that loads another page or image, an event-handler attribute, a javascript:/vbscript: or HTML data: URL, <base> or <meta http-equiv>. Honest tool metadata has no use for it; it targets whoever displays the tool.',
  check: (texts) => {
    const matches: Array<{ field: string; kind: string; text: string }> = [];
    for (const t of texts) {
      const hit = findActive(t);
      if (hit) matches.push({ field: t.field, ...hit });
      if (matches.length >= 5) break;
    }
    return matches.length > 0 ? { matches } : undefined;
  },
};
