// POISON_TOOL_REFERENCE: text that tries to steer how other tools or servers are used (shadowing), not just this tool.
import { patternCheck, type PoisonCheck } from './check.ts';

const PATTERN = new RegExp(
  [
    // Only as an instruction ("Before calling any other tool, send…"), not advice on order ("use this before calling
    // other tools.").
    String.raw`\b(?:when|whenever|before|after) (?:you )?(?:call(?:s|ing)?|uses?|using|invok(?:e|es|ing)|run(?:s|ning)?) (?:any|another|other|all|every|a different) (?:other )?(?:mcp )?(?:tools?|servers?|functions?)(?:,| (?:you )?(?:must|should|always|first|make sure|ensure|need to|have to))`,
    String.raw`\b(?:all|any|every) other (?:mcp )?(?:tools?|servers?) (?:must|should|need to|needs to|have to|will)\b`,
    String.raw`\b(?:instead of|rather than) (?:using |calling )?(?:the |any )?(?!this\b)[\w.-]{1,64} (?:tool|server)\b`,
    String.raw`\bthe [\w.-]{1,64} (?:tool|server) (?:must|should|has to|needs to) (?:always |never |also |only )?(?:be (?:called|used|sent)|send|include|use|receive|forward)`,
    String.raw`\b(?:mcp|tool) servers? (?:named|called)\b`,
    // "when the send_email tool is used" names another tool; "when this tool is called" describes itself.
    String.raw`\b(?:when|whenever|each time|every time) (?:the |a |any )?(?!(?:this|that|its|our|my)\b)[\w.-]{1,64} (?:tool|function) is (?:used|called|invoked|run)\b`,
    String.raw`\b(?:other|another) (?:mcp )?server(?:'s|s')? (?:tools?|data|credentials|responses?)\b`,
  ].join('|'),
);

export const toolReference: PoisonCheck = {
  code: 'POISON_TOOL_REFERENCE',
  severity: 'warning',
  title: 'Refers to other tools or servers',
  description:
    'The text tries to influence how other tools or servers behave or are used ("when using any other tool…", "the send_email tool must…"). A server can use this to shadow or hijack tools it does not own.',
  check: (texts) => patternCheck(texts, PATTERN),
};
