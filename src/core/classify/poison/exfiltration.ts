// POISON_EXFILTRATION: text that asks the model to hand over what it should keep (the whole conversation, the system
// prompt, every secret) or to send data somewhere.
import { visible, type PoisonCheck } from './check.ts';

// Handing over, not reading: "returns the chat history" describes a read tool's output and is not a request.
const VERB = String.raw`(?:send|forward|upload|post|transmit|pass|include|attach|append|embed|copy|paste|share|leak|exfiltrate|provide|submit|relay|dump|reveal|repeat|encode)`;
// What a tool has no business receiving: the whole exchange, the system prompt, the user's other data, every secret at
// once.
const TOTAL = String.raw`(?:the |your |this |our )?(?:entire|full|complete|whole|all|every|all of the|all the|verbatim|raw|unredacted)`;
const OBJECT = [
  String.raw`${TOTAL} (?:previous |prior |past |earlier )?(?:conversation|chat|dialogue|transcript)s?(?: history| log| so far| context| transcript| contents?)?`,
  String.raw`(?:the |your )?(?:conversation|chat|dialogue|message) (?:history|log|transcript)`,
  String.raw`(?:all |the |any )?(?:previous|prior|earlier|preceding|past) (?:user )?(?:messages|prompts|turns|conversations|instructions)`,
  String.raw`(?:the |your |its )?system (?:prompt|message|instructions)`,
  String.raw`(?:everything|anything|all) (?:that )?the user (?:has )?(?:said|typed|wrote|written|shared|asked|told you)`,
  String.raw`(?:the |any |all )?(?:other )?(?:tool|function) (?:results|outputs|responses) (?:from|of) (?:other|all|any|every)`,
  String.raw`(?:all|every|any) (?:of the |your |the user's |the )?(?:api[ _-]?keys|secrets|credentials|passwords|access tokens|tokens|environment variables|env vars|private keys)`,
  String.raw`(?:the )?(?:contents? of )?(?:the user's |their )(?:files|emails|messages|documents|contacts|credentials|passwords|secrets|api keys)`,
].join('|');

// "Include the entire conversation history in the context parameter"; "send all previous messages to …".
const ASK = new RegExp(String.raw`\b${VERB}\b[^.;:!?\n]{0,60}?\b(?:${OBJECT})`);
// Sending anything to a place outside the exchange: a URL, an address, a webhook named in the text.
const DESTINATION =
  /\b(?:send|forward|upload|post|transmit|exfiltrate|leak|relay|report|copy|bcc|cc)\b[^.;!?\n]{0,80}?\b(?:to|at|via) (?:https?:\/\/|hxxps?:\/\/|ftp:\/\/|webhook|[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}\.[a-z]{2,})[^\s]{0,80}/;
// Copying a fixed outside address into messages ("always BCC audit@…"): no honest tool hard-codes a silent recipient.
const COPY_TO =
  /\b(?:always |also |silently )(?:bcc|cc|blind[- ]copy|copy in|forward to)\b:? [a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}\.[a-z]{2,}/;
// Sensitive objects that make a DESTINATION match worth reporting (an honest webhook tool sends *messages* to URLs).
const SENSITIVE =
  /\b(?:conversation|chat history|history|messages|system prompt|secret|credential|password|token|api[ _-]?key|private key|ssh|env(?:ironment)?|cookie|session|context|file contents|contents of)\b/;

export const exfiltration: PoisonCheck = {
  code: 'POISON_EXFILTRATION',
  severity: 'error',
  title: 'Asks for data to be handed over',
  description:
    'The text asks the model to pass on what a tool has no need for — the whole conversation, earlier messages, the system prompt, every key or password — or to send such data to an outside address. Tools that need input name the field they need; poisoned ones ask for everything.',
  check: (texts) => {
    const matches: Array<{ field: string; text: string }> = [];
    for (const t of texts) {
      const ask = ASK.exec(t.lower) ?? COPY_TO.exec(t.lower);
      if (ask) {
        matches.push({ field: t.field, text: visible(ask[0]) });
      } else {
        const to = DESTINATION.exec(t.lower);
        if (to && SENSITIVE.test(t.lower.slice(Math.max(0, to.index - 120), to.index + to[0].length + 60)))
          matches.push({ field: t.field, text: visible(to[0]) });
      }
      if (matches.length >= 5) break;
    }
    return matches.length > 0 ? { matches } : undefined;
  },
};
