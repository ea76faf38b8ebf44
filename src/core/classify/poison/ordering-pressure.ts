// POISON_ORDERING_PRESSURE: text that pushes the model to call this tool before everything else, on every turn, or
// instead of any other tool.
import { patternCheck, type PoisonCheck } from './check.ts';

const SELF = String.raw`(?:this|me|this tool|this function|it)`;
const CALL = String.raw`(?:call|calls|called|calling|use|used|using|run|invoke|invoked|execute|executed|trigger)`;
const OTHERS = String.raw`(?:any|all|every|each)(?: other| single)? (?:tools?|functions?|actions?|tool calls?|calls?|mcp servers?|servers?|steps?|operations?)`;
const TURN = String.raw`(?:every|each|any)(?: single)? (?:user )?(?:message|request|prompt|query|question|turn|response|reply|conversation|session|interaction|task)`;

const PATTERN = new RegExp(
  [
    // "call this tool before any other tool", "must be called first, before all other tools"
    String.raw`\b${CALL} ${SELF}(?: tool| function)?(?: first| always)?,? (?:before|prior to|ahead of) (?:using |calling |invoking )?${OTHERS}`,
    String.raw`\b(?:must|should|has to|needs to|always) (?:always )?be ${CALL}(?: first)?,? (?:before|prior to|ahead of) (?:using |calling |invoking )?${OTHERS}`,
    // "always call audit_log before any other tool" (instructions name the tool)
    String.raw`\b(?:always|first|must|should) ${CALL} (?:the )?[\w.-]{1,64}(?: tool| function)?(?: first)?,? (?:before|prior to|ahead of) (?:using |calling |invoking )?${OTHERS}`,
    String.raw`\b(?:before|prior to) (?:using|calling|invoking|running) (?:any|every|all) other (?:tools?|functions?)\b`,
    // "call this before anything else", "always call this tool first, no matter what"
    String.raw`\b${CALL} ${SELF}(?: tool| function)? (?:first )?before (?:anything|everything) else`,
    String.raw`\b${CALL} ${SELF}(?: tool| function)? first,? (?:no matter what|always|regardless|in every|for every|on every)`,
    // "call this tool on every user message", "at the start of every conversation"
    String.raw`\b${CALL} ${SELF}(?: tool| function)? (?:on|for|with|after|before|at the (?:start|beginning) of) ${TURN}`,
    String.raw`\b(?:must|should|has to|needs to) (?:always )?be ${CALL} (?:on|for|with|after|before|at the (?:start|beginning) of) ${TURN}`,
    String.raw`\bbefore (?:responding|replying|answering) to (?:any|every|each)(?: user)? (?:message|request|question|prompt|query)[^.]{0,40}\b(?:call|use|run|invoke) ${SELF}`,
    // "do not use any other tool", "use this tool instead of all others"
    String.raw`\b(?:do not|don't|never) (?:use|call|invoke) (?:any )?other (?:tools?|functions?|servers?)\b`,
    String.raw`\b(?:instead of|rather than) (?:any|all|every) other (?:tools?|functions?|servers?)\b`,
  ].join('|'),
);

export const orderingPressure: PoisonCheck = {
  code: 'POISON_ORDERING_PRESSURE',
  severity: 'warning',
  title: 'Pushes to be called first or always',
  description:
    'The text pressures the model to call this tool before any other, on every message, or instead of other tools. A server that gets called first sees every request and can steer the rest of the session; honest tools say what they do and when they help, and leave the order to the agent.',
  check: (texts) => patternCheck(texts, PATTERN),
};
