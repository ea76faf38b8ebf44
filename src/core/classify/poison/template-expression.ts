// POISON_TEMPLATE_EXPRESSION: template or MDX/JSX expressions with code in them ({{constructor…}}, ${jndi:…},
// {window.x=1}), which run wherever the text is templated.
import { visible, type PoisonCheck } from './check.ts';

// What turns a placeholder into code: globals of a browser or a server runtime, template-engine escape hatches, calls
// of dangerous functions. Plain placeholders ({{name}}, ${HOME}, {"key": 1}, {path}) never contain these.
const CODE = String.raw`(?:\b(?:window|document|globalthis)\s*[.\[]|\b(?:alert|eval|fetch|settimeout|setinterval|atob|importscripts|require|import)\s*\(|\bnew\s+function\b|\bconstructor\b|__proto__|__class__|__globals__|__builtins__|__import__|__subclasses__|\bprocess\s*\.|\blocation\s*(?:=|\.\s*(?:href|replace|assign|hash|search|host))|\bxmlhttprequest\b|\bsubprocess\b|\bos\s*\.\s*(?:system|popen|environ)|\bpopen\b|\bexec\s*\(|\bgetruntime\b|\bjndi\s*:|\bcycler\b|\blipsum\b|\bconfig\s*\.\s*items|\brequest\s*\.\s*application|\b\d+\s*\*\s*\d+\b)`;

const PATTERNS: ReadonlyArray<{ kind: string; re: RegExp }> = [
  { kind: 'double-brace', re: new RegExp(String.raw`\{\{[^{}]{0,300}?${CODE}[^{}]{0,300}?\}\}`) },
  { kind: 'dollar-brace', re: new RegExp(String.raw`\$\{[^{}]{0,300}?${CODE}[^{}]{0,300}?\}`) },
  { kind: 'jinja-statement', re: new RegExp(String.raw`\{%[^%]{0,300}?${CODE}[^%]{0,300}?%\}`) },
  { kind: 'hash-brace', re: new RegExp(String.raw`#\{[^{}]{0,300}?${CODE}[^{}]{0,300}?\}`) },
  // MDX / JSX: a single-brace expression (not JSON: no quote-colon pairs needed) that reaches for a runtime global or
  // defines a function.
  {
    kind: 'jsx-expression',
    re: new RegExp(String.raw`(?<![{$#%])\{(?!\s*["'][^"'\n]{0,100}["']\s*:)[^{}]{0,300}?${CODE}[^{}]{0,300}?\}(?!\})`),
  },
];

export const templateExpression: PoisonCheck = {
  code: 'POISON_TEMPLATE_EXPRESSION',
  severity: 'warning',
  title: 'Template or MDX expression',
  description:
    'The text holds a template or MDX/JSX expression with code in it ({{constructor.constructor(…)}}, ${jndi:…}, {window.location=…}, {() => fetch(…)}). Wherever tool metadata is fed through a template engine or an MDX page, the expression runs. Placeholders such as {{name}} or ${HOME} and JSON examples are not flagged.',
  check: (texts) => {
    const matches: Array<{ field: string; kind: string; text: string }> = [];
    for (const t of texts) {
      if (!/[{]/.test(t.text)) continue;
      for (const { kind, re } of PATTERNS) {
        const m = re.exec(t.lower);
        if (!m) continue;
        matches.push({ field: t.field, kind, text: visible(t.text.slice(m.index, m.index + m[0].length)) });
        break;
      }
      if (matches.length >= 5) break;
    }
    return matches.length > 0 ? { matches } : undefined;
  },
};
