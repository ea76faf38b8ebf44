// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_MESSAGING: the tool sends messages, mail or notifications to people.
import { capabilityRule } from '../capability-rule.ts';

/** Whole parameter names that are recipients ("to_email", "to_users"). */
export const RECIPIENT_NAMES: ReadonlySet<string> = new Set(['to email', 'to emails', 'to number', 'to phone', 'to user', 'to users', 'to recipients']);
/** Whole parameter names that are recipients only when described as such or given as a list. */
export const DESCRIBED_RECIPIENT_NAMES: ReadonlySet<string> = new Set(['to', 'to address', 'to addresses']);

/** A tool about on-chain transfers, whose "to" is the wallet that receives funds, not a person who is messaged. */
export const FUNDS_RECIPIENT = /\b(?:gas|g?wei|eth|ether|erc-?20|spl|lamports|wallets?|blockchain|on-?chain|smart contracts?|token transfers?)\b/;

/** A parameter description that names who receives a message ("Recipient email address", "User to notify"). */
export const RECIPIENT_DESCRIPTION = /\b(?:recipients?|e-?mails?|phone|numbers?|users?|members?|people|person|contacts?|agents?|channels?)\b|@/;

export const capMessaging = capabilityRule({
  code: 'CAP_MESSAGING',
  capability: 'messaging',
  summary: 'Messages people: email, SMS, chat, notifications; parameters such as to, recipient, cc, bcc, channel.',
  nameWords: new Set(['email', 'emails', 'mail', 'gmail', 'sms', 'slack', 'tweet', 'dm', 'notify', 'notification', 'notifications', 'inbox', 'whatsapp', 'telegram', 'discord', 'invite', 'invites', 'reply', 'message', 'messages', 'communication']),
  // A draft is a mail's only where the text speaks of mail, messages or sending ("outlook_send_draft: Send an existing
  // draft", "list_drafts: List drafts with metadata (subject, recipients, date)"); elsewhere it is a pull request's, a
  // document's, a template's or an invoice's ("createDraftPullRequest", "evawiki_document_update_draft").
  // An attachment is someone's mail only where the text speaks of a mail or a message ("get_attachment: Download a
  // specific attachment from an email", "outlook_list_attachments: List attachments on a message"); elsewhere it is an
  // issue's, a wiki page's, a note's or a ledger's file ("jira_get_attachments: Get all attachments for an issue").
  onlyWhere: [
    { words: new Set(['draft', 'drafts']), where: /\b(?:e-?mails?|mail|gmail|outlook|messages?|inbox|repl(?:y|ies)|recipients?|subject|attachments?|send|sends|sending)\b/ },
    { words: new Set(['attachment', 'attachments']), where: /\b(?:e-?mails?|mails?|mailbox(?:es)?|gmail|outlook|inbox|imap|(?:on|of|for|from|in|to) (?:an? |the |this |that |one )?(?:e-?mail |chat |sent |received )?messages?)\b/ },
  ],
  paramWords: new Set(['recipient', 'recipients', 'cc', 'bcc', 'channel']),
  // A phone number is someone to message only where the tool's or the parameter's text speaks of texting or calling
  // ("mpesa_bill_manager_send_invoice: Send one Bill Manager e-invoice by SMS"); elsewhere it is a contact's, a
  // customer's or a user's record field ("update_contact: Update a contact.", "create_customer").
  contextParamWords: new Set(['phone']),
  context: /\b(?:sms|mms|texts?|texting|text messages?|messag(?:e|es|ing)|whatsapp|telegram|signal|calls?|calling|dial|voice|notify|notifications?|otp|one-time (?:code|password)|verification code|prompt)\b/,
  // A bare "to" (or "to_addresses") is as often an end date, a target unit or language, a coordinate, a redirect or a
  // NAT target.
  describedParamNames: { names: DESCRIBED_RECIPIENT_NAMES, require: RECIPIENT_DESCRIPTION, types: new Set(['array']) },
  paramNames: RECIPIENT_NAMES,
  // Up to two words after an article may say which e-mail ("Send one personalized follow-up email to a single
  // attendee", "sends a verification email"); not which message (one sent to a model, an agent or a queue).
  // Nor is a message to a model or an agent that answers within the call ("crm_execute_agent: Execute an Agent Studio
  // agent. Send a message and get a response", "send: send a message and get a complete response"): a chat with a bot.
  description: /\bsend(?:s|ing)? (?:an? |the )?(?:e-?mail|message(?! and (?:get|receive)s? (?:an? |the )?(?:complete |full )?(?:response|reply|answer))|sms|text message|notification|invit)|\bsend(?:s|ing)? (?:an?|the|one) (?:[a-z-]+ ){1,2}e-?mails?\b|\b(?:post|reply) (?:a )?(?:message|comment)s?\b/,
  // A server's message is a notice it shows its admins ("get_server_message: Get a specific server message by name").
  notAfter: new Set(['console', 'annotated', 'commit', 'error', 'log', 'server']),
  // A YouTube, Twitch or TV channel publishes videos, and a mixer's, a step sequencer's or a device's channel carries a
  // signal, and an image's channel ("render one storage channel as grayscale") holds pixels; none is a chat channel
  // people are messaged in.
  elsewhere: [{ words: new Set(['to', 'to address', 'to addresses']), where: FUNDS_RECIPIENT }, { words: new Set(['channel']), where: /\b(?:youtube|twitch|videos?|subscribers?|tv|iptv|epg|broadcasts?|livestreams?|mixer|audio|volume|midi|dmx|gpio|adc|dac|pwm|oscilloscope|step[- ]sequencer|piano roll|grayscale|greyscale|rgba?|pixels?)\b/ }],
});
