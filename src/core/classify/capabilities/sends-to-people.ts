// biome-ignore-all format: its word lists read best packed, several items a line
// SENDS_TO_PEOPLE: the call delivers something to people (sends, replies, forwards, notifies, invites, posts), as
// against one that only touches where messages live (moves a mail, edits a channel, changes email settings). The risk
// rule MESSAGES_PEOPLE asks for it beside the messaging capability.
import { TESTED_CHANNELS, verbClass } from '../lexicon.ts';
import { DESCRIBED_RECIPIENT_NAMES, FUNDS_RECIPIENT, RECIPIENT_DESCRIPTION, RECIPIENT_NAMES } from './messaging.ts';
import type { Rule } from '../types.ts';

/** Verbs of delivering to people, unambiguous as verbs in a name (not "publish": a queue's message is for machines). */
const SEND_VERBS: ReadonlySet<string> = new Set([
  'send', 'sends', 'resend', 'reply', 'replies', 'forward', 'notify', 'invite', 'invites', 'broadcast', 'tweet',
  'retweet', 'announce', 'remind', 'ping', 'mention', 'dial', 'nudge', 'post', 'posts', 'share',
]);
/** What "post" delivers, in the next two words, when it is posting to people, not an HTTP POST ("post_room_message", not "post_notification_id"). */
const POSTED: ReadonlySet<string> = new Set(['message', 'messages', 'comment', 'comments', 'reply', 'tweet', 'status', 'update', 'to', 'channel']);
/**
 * Nouns as often as verbs of delivering: they count only opening the description before whom or what ("Email the
 * team"), not before what a program calls ("Call a JavaScript function", "Call the tool").
 */
const NOUN_VERB_OPENING = /^(?:e-?mail|message|text|sms|call|comment|page|mail)\s+(?:the|a|an|one|each|every|your|their|them|him|her|all|on|to)\b(?! (?:[\w-]+ )?(?:tools?|functions?|methods?|apis?|endpoints?|services?|operations?|procedures?|rpcs?|commands?|scripts?|webhooks?|hooks?|urls?|routes?|contracts?)\b)/;
/** Parameters that list who receives what is sent (CAP_MESSAGING's recipient names, and copies and lists). */
const RECIPIENT_PARAMS: ReadonlySet<string> = new Set(['cc', 'bcc', 'recipients', ...RECIPIENT_NAMES]);
/** The description says something is delivered: "sends an email", "supports sending SMS", "posts a message". */
// Not a message sent to a model or an agent that answers within the call ("Execute an Agent Studio agent. Send a
// message and get a response").
const DELIVERS = /\bsend(?:s|ing)? (?:an? |the |new )?(?:e-?mails?|messages?|sms|text messages?|notifications?|invit\w*|push\b|alerts?|replies)(?! and (?:get|receive)s? (?:an? |the )?(?:complete |full )?(?:response|reply|answer))|\b(?:post|reply|replies|posts) (?:a |an |the )?(?:message|comment|reply)s?\b|\boutbound (?:calls?|messages?|e-?mails?)\b/;

export const sendsToPeople: Rule = {
  code: 'SENDS_TO_PEOPLE',
  role: 'evidence',
  summary:
    'Delivers something to people: a sending verb opens the name or the description (send, reply, forward, notify, invite, post), the description says a message is sent, or the call takes recipients (to, cc, bcc).',
  apply: (s) => {
    // The name's first verb: "slack_reply_to_thread" replies, "remote_cluster_confirm_invite" confirms.
    const at = s.nameWords.findIndex((w) => SEND_VERBS.has(w) || verbClass(w, false) !== undefined);
    const first = s.nameWords[at];
    const posting = first !== 'post' && first !== 'posts' ? true : s.nameWords.slice(at + 1, at + 3).some((w) => POSTED.has(w));
    if (first !== undefined && SEND_VERBS.has(first) && posting) return [{ effect: 'sends', matched: [first], source: 'name', weight: 2 }];
    // "email_operations_test", "test_notification": testing a channel sends to it.
    const tested = s.nameWords.includes('test') ? s.nameWords.filter((w) => TESTED_CHANNELS.has(w)) : [];
    if (tested.length > 0) return [{ effect: 'sends', matched: ['test', ...tested], source: 'name', weight: 2 }];
    // A draft is kept, not delivered: "create_rich_email_draft" ("Create a rich-text email draft by generating an unsent
    // `.eml` message"), "createGmailDraft" with to/cc/bcc, "save_draft". Not one whose name sends it ("send_draft",
    // caught above).
    if (s.nameWords.some((w) => w === 'draft' || w === 'drafts')) return [];
    const lead = s.leadWords[0];
    // Not the first half of a compound adjective ("Forward-looking Monte Carlo forecast").
    if (lead !== undefined && SEND_VERBS.has(lead) && !/^\W*[a-z]+-[a-z]{2,}(?:ing|ed)\b/.test(s.description))
      return [{ effect: 'sends', matched: [lead], source: 'description', weight: 2 }];
    const opening = NOUN_VERB_OPENING.exec(s.description) ?? DELIVERS.exec(s.description);
    if (opening !== null) return [{ effect: 'sends', matched: [opening[0]], source: 'description', weight: 2 }];
    const recipients = s.params
      .filter((p) => {
        if (p.depth > 0) return false;
        const joined = p.words.join(' ');
        if (RECIPIENT_PARAMS.has(joined)) return true;
        return DESCRIBED_RECIPIENT_NAMES.has(joined) && (p.type === 'array' || RECIPIENT_DESCRIPTION.test(p.description)) && !FUNDS_RECIPIENT.test(s.description);
      })
      .map((p) => p.name);
    return recipients.length > 0 ? [{ effect: 'sends', matched: recipients, source: 'inputSchema', weight: 2 }] : [];
  },
};

/** What a queue, a broker or a bus carries to programs: publishing one reaches subscribers, not the public. */
const MACHINE_MESSAGES: ReadonlySet<string> = new Set([
  'message', 'messages', 'event', 'events', 'sparkplug', 'mqtt', 'topic', 'topics', 'typing', 'contract', 'contracts', 'schema',
]);

/**
 * PUBLISHES: the name's first verb is "publish" ("rc_page_publish", "publish_landing_page", "coda_publish_doc",
 * "sites_publish"): it puts a page, a document or a site out for anyone to see. Not a queue's or a bus's message or
 * event ("rabbitmq_publish_message", "eventgrid_events_publish"), which programs receive. The risk rule PUBLISHES asks
 * for it.
 */
export const publishes: Rule = {
  code: 'PUBLISHES',
  role: 'evidence',
  summary: 'Makes something public: "publish" is the first verb of the name, and what it publishes is no message or event for programs.',
  apply: (s) => {
    const at = s.nameWords.findIndex((w) => verbClass(w, false) !== undefined || w === 'publish');
    if (at < 0 || s.nameWords[at] !== 'publish') return [];
    if (s.nameWords.some((w) => MACHINE_MESSAGES.has(w))) return [];
    return [{ effect: 'publishes', matched: ['publish'], source: 'name', weight: 2 }];
  },
};

/**
 * Whom a share opens something to: other users, groups, organisations or partners ("Share a file with another user",
 * "Share a workbook with other Sigma organizations", "with a trusted partner"), anyone with a link, the public, the
 * whole org, or an access level. Not a person in a record ("Share an existing event with another person, in a role":
 * a genealogy link), nor a share that is a noun ("Create a new file share", "a share-card change").
 */
const SHARED_WITH =
  /\bwith (?:(?:a|an|the|another|other|one|specific|trusted|external|all)\s+)?(?:[\w-]+\s+)?(?:users?|groups?|domains?|organi[sz]ations?|orgs?|partners?|teams?|members?|recipients?|collaborators?|accounts?)\b|\banyone\b|\bpublic(?:ly)?\b|\borg-wide\b|\baccess level\b/i;

/**
 * SHARES_ACCESS: "share" is the first verb of the name or opens the description and the description says whom it
 * opens something to ("share_file": "Share a file with another user"; "notebook_share_public": "Enable or disable
 * public link access"): it changes who can see or edit the thing, as granting access does. The risk rule SHARES
 * asks for it.
 */
export const sharesAccess: Rule = {
  code: 'SHARES_ACCESS',
  role: 'evidence',
  summary: 'Opens something to other people: "share" is the first verb of the name or the description, and the description says with whom (users, groups, organisations, anyone, the public).',
  apply: (s) => {
    const at = s.nameWords.findIndex((w) => SEND_VERBS.has(w) || verbClass(w, false) !== undefined);
    const byName = s.nameWords[at] === 'share';
    if (!byName && s.leadWords[0] !== 'share') return [];
    const whom = SHARED_WITH.exec(s.description);
    return whom === null ? [] : [{ effect: 'shares', matched: ['share', whom[0]], source: byName ? 'name' : 'description', weight: 2 }];
  },
};

/** Verbs that give, take or change someone's access when their object is an access word (CHANGES_ACCESS). */
const ACCESS_VERBS: ReadonlySet<string> = new Set([
  'grant', 'grants', 'revoke', 'assign', 'assigns', 'unassign', 'invite', 'reinvite', 'add', 'adds', 'remove', 'set',
  'update', 'change', 'attach', 'detach', 'put', 'approve', 'transfer', 'modify', 'patch',
]);
/** What those verbs change when the call changes access: a role, a permission, an ACL, a grant, a member or a collaborator. */
const ACCESS_OBJECTS: ReadonlySet<string> = new Set([
  'role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'acl', 'acls', 'access', 'collaborator',
  'collaborators', 'member', 'members', 'membership', 'memberships', 'ownership', 'rbac', 'iam', 'grant', 'grants',
]);
/** What "create" makes that is itself access, as the name's last word ("kafka_create_acl", "create_report_grant"; not "create_permission_group"). */
const CREATED_ACCESS: ReadonlySet<string> = new Set(['acl', 'acls', 'grant', 'grants', 'permission', 'permissions']);
/** Verbs that let a user account in or shut it out ("disable_user", "suspend_member", "unlock_users"). */
const ACCOUNT_VERBS: ReadonlySet<string> = new Set([
  'suspend', 'unsuspend', 'disable', 'enable', 'deactivate', 'reactivate', 'ban', 'unban', 'lock', 'unlock',
]);
const ACCOUNTS: ReadonlySet<string> = new Set(['user', 'users', 'member', 'members']);
/**
 * Name words that say the members or permissions grant no access to anything: a mailing list's, an ad audience's or a
 * subscriber list's members ("add_list_member", "fbAddCustomAudienceMember"), a browser's permissions (geolocation,
 * camera), an on-call role, a member's e-mail address, an access token, key or log.
 */
const NOT_ACCESS: ReadonlySet<string> = new Set([
  'list', 'lists', 'audience', 'audiences', 'subscriber', 'subscribers', 'contact', 'contacts', 'token', 'tokens', 'key',
  'keys', 'log', 'logs', 'browser', 'call', 'email',
]);
/** A policy is an access policy beside a user, a group or a bucket ("attach_user_policy", "put_group_policy"), not an alert's. */
const POLICY_HOLDERS: ReadonlySet<string> = new Set(['user', 'users', 'group', 'groups', 'bucket', 'iam']);
/** Where adding a user gives them access ("add_user_to_group", "addUserToTeam"; not "add_user_group"). */
const USER_PLACES: ReadonlySet<string> = new Set(['team', 'teams', 'group', 'groups', 'project', 'org', 'organization', 'workspace', 'channel', 'room']);

/** The access word that the name's verb acts on (after it in the name), if any. */
function accessObject(verb: string, rest: readonly string[], last: string): string | undefined {
  if (verb === 'create') return CREATED_ACCESS.has(last) ? last : undefined;
  if (ACCOUNT_VERBS.has(verb)) return rest.find((w) => ACCOUNTS.has(w));
  if (!ACCESS_VERBS.has(verb)) return undefined;
  const object = rest.find((w) => ACCESS_OBJECTS.has(w));
  if (object !== undefined) return object;
  if (rest.some((w) => POLICY_HOLDERS.has(w))) {
    const policy = rest.find((w) => w === 'policy' || w === 'policies');
    if (policy !== undefined) return policy;
  }
  const placed = rest.some((w, i) => USER_PLACES.has(w) && rest[i - 1] === 'to');
  return placed && (verb === 'add' || verb === 'remove' || verb.endsWith('invite')) ? rest.find((w) => w === 'user' || w === 'users') : undefined;
}

/**
 * CHANGES_ACCESS: the name's first verb grants, revokes, assigns or changes a role, a permission, an ACL, a grant, a
 * membership or a collaborator ("add_project_member", "assign_role", "updatePermission", "attach_user_policy",
 * "add_user_to_group", "kafka_create_acl"), shuts a user account out or lets it back in ("disable_user",
 * "unlock_users"), or makes a public link ("create_dashboard_public_link"). It changes who can see or do what, as a
 * share does; the risk rule CHANGES_ACCESS asks for it. Name words only: descriptions say "role" and "access" of too
 * much else ("update_user: profile, role, discipline, bill rate" is a job title). Measured over the catalogue, 95
 * writes went medium→high, about 9 in 10 rightly (the wrong ones: a monitor added to a "resource group", a simulator's
 * privacy permission, a member's autotranslation setting, a job role).
 */
export const changesAccess: Rule = {
  code: 'CHANGES_ACCESS',
  role: 'evidence',
  summary:
    'Changes who can reach something: the name grants, revokes, assigns or changes a role, a permission, an ACL, a membership or a collaborator, suspends, disables or re-enables a user, or makes a public link.',
  apply: (s) => {
    const words = s.nameWords;
    // "create_dashboard_public_link", "pcloud_create_public_link": anyone with the link gets in.
    const link = words.findIndex((w, i) => w === 'public' && ['link', 'links', 'url', 'share'].includes(words[i + 1] ?? ''));
    if (link >= 0) return [{ effect: 'changes-access', matched: words.slice(link, link + 2), source: 'name', weight: 2 }];
    if (words.some((w) => NOT_ACCESS.has(w))) return [];
    const at = words.findIndex((w) => ACCESS_VERBS.has(w) || ACCOUNT_VERBS.has(w) || verbClass(w, false) !== undefined);
    const verb = words[at];
    if (verb === undefined) return [];
    const object = accessObject(verb, words.slice(at + 1), words.at(-1) ?? '');
    return object === undefined ? [] : [{ effect: 'changes-access', matched: [verb, object], source: 'name', weight: 2 }];
  },
};
