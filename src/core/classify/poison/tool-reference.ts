// POISON_TOOL_REFERENCE: text that tries to steer how other tools or servers are used (shadowing), not just this tool.
import { patternCheck, type PoisonCheck } from './check.ts';

const PATTERN = new RegExp(
  [
    String.raw`\b(?:other|another|all other|any other|every other|different) (?:mcp )?(?:servers?|tools?|connectors?|plugins?)\b`,
    String.raw`\bwhen(?:ever)? (?:you )?(?:call|use|invoke|run)(?:s|ing)? (?:any|another|other|a different) `,
    String.raw`\b(?:instead of|rather than) (?:using |calling )?(?:the |any )?[\w.-]{1,64} (?:tool|server)\b`,
    String.raw`\bthe [\w.-]{1,64} (?:tool|server) (?:must|should|has to|needs to) (?:always |never |also |only )?(?:be (?:called|used|sent)|send|include|use|receive|forward)`,
    String.raw`\b(?:mcp|tool) servers? (?:named|called)\b`,
  ].join('|'),
);

export const toolReference: PoisonCheck = {
  code: 'POISON_TOOL_REFERENCE',
  severity: 'warning',
  title: 'Refers to other tools or servers',
  description:
    "The text tries to influence how other tools or servers behave or are used (\"when using any other tool…\", \"the send_email tool must…\"). A server can use this to shadow or hijack tools it does not own.",
  check: (texts) => patternCheck(texts, PATTERN),
};
