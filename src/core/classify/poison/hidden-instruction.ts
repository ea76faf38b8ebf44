// POISON_HIDDEN_INSTRUCTION: text addressed to the model rather than describing the tool ("ignore previous
// instructions", <IMPORTANT>, "do not tell the user").
import { patternCheck, type PoisonCheck } from './check.ts';

const PATTERN = new RegExp(
  [
    String.raw`\bignore (?:all |any )?(?:of )?(?:the |your )?(?:previous|prior|above|earlier|preceding|other) (?:instructions|prompts?|messages|rules|directions)`,
    String.raw`\bdisregard (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|other) `,
    String.raw`<\/?(?:important|system|instructions?|hidden|admin)>`,
    String.raw`\b(?:do not|don't|never) (?:tell|inform|mention(?: this)? to|mention|reveal(?: this)? to|reveal|show(?: this)? to|alert|notify|let) (?:this to )?the user`,
    String.raw`\b(?:without|never) (?:telling|informing|notifying|alerting) the user`,
    String.raw`\bthe user (?:must|should) (?:not|never) (?:know|see|be told|find out)`,
    String.raw`\b(?:new|updated|override|hidden) (?:system )?instructions?:`,
    String.raw`\boverride (?:the |any |all )?(?:previous|prior|system|safety|other) (?:instructions|rules|prompts?|guidelines|policies)`,
    String.raw`\byou are now\b`,
    String.raw`\bthis is (?:very |extremely )?important[,.!]? (?:otherwise|or else|the application will)`,
  ].join('|'),
);

export const hiddenInstruction: PoisonCheck = {
  code: 'POISON_HIDDEN_INSTRUCTION',
  severity: 'error',
  title: 'Hidden instructions to the model',
  description:
    'The text talks to the AI model instead of describing the tool: it asks it to ignore earlier instructions, hides demands in <IMPORTANT>-style tags, or tells it to keep something from the user. Classic tool poisoning.',
  check: (texts) => patternCheck(texts, PATTERN),
};
