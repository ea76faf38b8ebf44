// POISON_HIDDEN_MARKUP: text that renderers hide but models read — HTML comments with words in them, elements styled or
// marked invisible, Markdown comments.
import { visible, type PoisonCheck } from './check.ts';

// `needs`: a substring the pattern cannot match without, checked first so long hostile text costs one scan per pattern
// at most.
const PATTERNS: ReadonlyArray<{ kind: string; needs: string; re: RegExp }> = [
  // A comment that speaks to the model or asks for an action; tooling markers (<!-- prettier-ignore -->, <!-- toc -->,
  // <!-- eslint-disable … -->) do neither.
  {
    kind: 'html-comment',
    needs: '<!--',
    // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: [^] means any character, newlines included, on purpose
    re: /<!--(?:(?!-->)[^]){0,2000}?(?<![\w-])(?:assistant|ai|model|llm|agent|claude|gpt|chatgpt|copilot|you|your|ignore|call|invoke|send|forward|read|include|share|upload|execute|always|never|secretly)(?![\w-])(?:(?!-->)[^]){0,2000}?-->/,
  },
  // Elements made invisible by style or attribute, with text inside.
  {
    kind: 'css-hidden',
    needs: 'style',
    re: /<[a-z][\w-]{0,20}\b[^>]{0,300}?\sstyle\s*=\s*["'][^"']{0,200}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])|(?<![\w-])color\s*:\s*(?:white|#fff(?:fff)?\b|transparent)|(?:left|top|text-indent)\s*:\s*-\d{3,})[^>]{0,300}>[^<]{3,}/,
  },
  {
    kind: 'hidden-attribute',
    needs: 'hidden',
    re: /<[a-z][\w-]{0,20}\b[^>]{0,300}?\s(?:hidden|aria-hidden\s*=\s*["']?true)\b[^>]{0,300}>[^<]{3,}/,
  },
  // Markdown's comment idiom: a link reference nobody links to.
  { kind: 'markdown-comment', needs: ']:', re: /(?:^|\n)\s{0,3}\[(?:\/\/|comment|_)\]:\s*#\s*[("'][^)"'\n]{3,}/ },
];

export const hiddenMarkup: PoisonCheck = {
  code: 'POISON_HIDDEN_MARKUP',
  severity: 'warning',
  title: 'Text hidden by markup',
  description:
    'The text hides words from people who view it rendered — in an HTML comment, an element styled invisible (display:none, zero size, white text) or marked hidden, or a Markdown comment — while the model still reads them. Honest descriptions have nothing to hide from their readers.',
  check: (texts) => {
    const matches: Array<{ field: string; kind: string; text: string }> = [];
    for (const t of texts) {
      if (!/[<[]/.test(t.text)) continue;
      for (const { kind, needs, re } of PATTERNS) {
        if (!t.lower.includes(needs)) continue;
        const m = re.exec(t.lower);
        if (!m) continue;
        matches.push({
          field: t.field,
          kind,
          text: visible(t.text.slice(m.index, m.index + Math.min(m[0].length, 120))),
        });
        break;
      }
      if (matches.length >= 5) break;
    }
    return matches.length > 0 ? { matches } : undefined;
  },
};
