// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_CREDENTIALS: the tool reads, creates or changes secrets, keys, tokens, passwords or environment variables.
import { capabilityRule } from '../capability-rule.ts';

export const capCredentials = capabilityRule({
  code: 'CAP_CREDENTIALS',
  capability: 'credentials',
  summary: 'Secrets: API keys, tokens, passwords, certificates, key vaults, environment variables, logins.',
  nameWords: new Set(['secret', 'secrets', 'token', 'tokens', 'password', 'passwords', 'credential', 'credentials', 'certificate', 'certificates', 'keyvault', 'vault', 'apikey', 'oauth', 'login', 'env', 'keys', 'key', 'passphrase', 'ssh']),
  paramWords: new Set(['password', 'secret', 'token', 'apikey', 'passphrase', 'credential', 'credentials']),
  // Not a secret the call only authenticates with or does without ("Requires Dubai Pulse credentials", "using your
  // access token", "URLs without embedded credentials", "the models this API key may call", "A parse password is never
  // returned", "apiKey (string): Your Molten API key"). Nor what is said not to be one ("non-secret targeting values"),
  // nor the person a key belongs to ("With attachment_file_path it may be omitted (API key owner)"). An API token the
  // opening acts on is one ("Delete Api Token", now that its token_id parameter no longer counts); elsewhere an "API
  // token" is mostly what the call authenticates with ("List projects accessible by the API token").
  // So does one the call is made "by" in Chinese ("身份由 API Key 绑定为当前 Agent", identity bound by the API key).
  description: /(?<!\b(?:requires?|required|needs?|without|never|embedded|configured)\s(?:[\w-]+\s){0,3})(?<!\b(?:using|uses|via|no|valid|with)\s(?:an?\s|the\s|your\s|its\s|their\s)?)(?<!\b(?:this|active|current)\s)(?<!\byour\s(?:[\w-]+\s)?)(?<!\bnon-)(?<!(?:由|通过|使用|凭)\s?)\b(?:environment variables|api keys?|access tokens?|secrets?|passwords?|credentials|private keys?)\b(?! (?:is|are) (?:never|enabled|disabled)\b| owners?\b)|^[a-z]+ (?:an? |the |new )?api tokens?\b/,
  // An API key counts only where the tool hands one over, keeps or manages it ("Returns an API key (shown once)",
  // "Remove stored cube-agent API key", "Save ONE tool API key", "the API key is emailed", "获取 API Key", "Variables
  // are commonly used for … API keys"), not where the call only runs on its own configured key ("401 means the API key is
  // missing or revoked", "apiKey (string): Your Molten API key", "Generate a compliance report for all proofs certified
  // under your API key").
  descriptionOnlyWhere: [
    { match: /^api keys?$/, where: /\b(?:creat\w*|generat\w*|issu\w*|rotat\w*|revok\w*|regenerat\w*|delet\w*|remov\w*|stor\w*|sav\w*|returns?|receiv\w*|obtain\w*|get|gets|getting|reveal\w*|paste|list\w*|show\w*|view|fetch\w*|read|reads|manag\w*|provision\w*|register\w*)\s(?:[\w,:-]+\s){0,2}api keys?\b|\bapi keys? (?:is|are) (?:emailed|saved|stored|returned|shown|shared)\b|\bkeys? (?:is|are) (?:saved|stored|emailed|returned|shown once)\b|\b(?:creat|generat|issu)\w*\b[^.,;]{0,50}\bapi keys?\b|\b\w+'s api keys\b|\bapi keys? management\b|\bused (?:for|to (?:store|hold|keep))\b[^.;]{0,60}\bapi keys?\b|\(shown once\)|(?:获取|创建|删除|生成|返回)[^。，]{0,20}api key|api key\s?登录/ },
    // So does "credentials": only where the tool stores, hands over, changes or removes them ("Removes stored credentials",
    // "Deleting the account revokes its credentials", "Update a database connection's configuration, credentials"), not
    // where the call only runs on them or says it keeps clear of them ("Check your balance using stored credentials",
    // "Valid AWS credentials with permissions to list S3 buckets", "Auth errors suggest checking credentials",
    // "(Credentials are intentionally not returned.)", "Never include secrets, tokens, credentials or source code").
    { match: /^credentials$/, where: /(?<!\b(?:not|never|without)\s(?:[\w-]+\s){0,3})\b(?:creat\w*|generat\w*|issu\w*|rotat\w*|revok\w*|invalidat\w*|delet\w*|remov\w*|stores?|storing|saves?|saving|returns?|returning|wipe\w*|clear\w*|keeps?|carries|list\w*|shows?|reveal\w*|add|adds|adding|updat\w*|modify\w*|modifying|sets?|setting|manag\w*|encrypt\w*|export\w*|import\w*|fetch\w*|retriev\w*|inspects?|read|reads|get|gets|view|edit\w*|reconfigur\w*|configur(?:e|es|ing)|provid(?:e|es|ing)|paste|register\w*)\s(?:(?!(?:valid|with|using|your|has|have|to|never|no)\b)[\w,:/()'-]+\s){0,5}\(?credentials\b|\bcredentials (?:are|is) (?:stored|saved|generated|returned|kept|encrypted|shown|masked (?:unless|by default)|cleared|removed|deleted)|\bcredentials included\b|\bwith (?:authentication |temporary |upload |new )?credentials\b|\bcredentials\.json\b/ },
    // A password counts only where the tool sets, changes, resets, generates, removes, keeps or hands one over ("Set the
    // password for an email hosting account", "Generate … secure password", "Remove password protection from PDF files",
    // "The URL holds a password", "Prompts the user for their master password", "List all endpoints … with connection
    // strings, status, and passwords", "passwords … are masked by default; pass reveal: true"), not where one is only
    // named among what a log, a policy or a prompt covers ("Password update events", "password and OTP policies",
    // "password prompts", "user signup with email and password", "A stale last_password_change_date_time",
    // "password-spray sources").
    { match: /^passwords?$/i, where: /\b(?:set|sets|setting|chang(?:e|es|ing)|reset\w*|remov\w*|generat\w*|rotat\w*|updat\w*|stor(?:e|es|ing)|sav(?:e|es|ing)|returns?|holds?|master|access|secure|random|new|initial|root|admin|cloud-init)\s(?:[\w-]+\s){0,2}passwords?\b|\bpasswords? protection\b|\bpassword-protected\b|\bpasswords? (?:is|are) (?:hashed|weakly hashed|stored|saved|returned|shown|generated|set|changed|encrypted)\b|\bpasswords?\b[^.;]{0,50}\b(?:masked|reveal\w*|placeholder)\b|\bconnection (?:strings?|urls?)\b[^.;]{0,30}\bpasswords?\b|\bchange_password\b|\bsends? (?:an? )?password reset\b/ },
  ],
  // "key events", "key metrics": the adjective, not a secret.
  // "token_usage", "token counts": a model's tokens, not a secret.
  // "getAssociationKeyByKeyName": a key's name is what it is looked up by, not a secret.
  notBefore: new Set(['usage', 'usages', 'count', 'counts', 'limit', 'limits', 'budget', 'consumption', 'cost', 'costs', 'events', 'event', 'metrics', 'metric', 'points', 'findings', 'takeaways', 'facts', 'dates', 'terms', 'phrases', 'features', 'insights', 'moments', 'result', 'results', 'figures', 'ideas', 'concepts', 'highlights', 'indicators', 'kpis', 'kpi', 'frames', 'frame', 'signature', 'press', 'presses', 'stroke', 'strokes', 'bindings', 'binding', 'combo', 'mapping', 'mappings', 'name']),
  // A "token" that pages through results is a cursor, not a secret; one the call authenticates with ("CRM access
  // token", "Bearer token for authorization", "Optional. Omit to use cached session from sbox_open_login") is how it is
  // called, not what it reads or changes.
  paramDescriptionExclude: /\b(?:paginat\w*|next page|page token|continuation|cursor|more ?data|more results|next (?:batch|set)|(?:prior|previous) (?:call|response|page)|bearer|for (?:authentication|authori[sz]ation)|to authenticate|(?:crm|api|oauth) access token|your (?:[\w-]+ ){0,2}(?:api key|api token|access token|token)|omit to use (?:the |a )?cached (?:session|token|login))\b/,
  // "report_token: The report to archive", "space_token: Space to create the report in": a service that names its
  // reports and spaces by token; the token is the report's identifier, not a secret.
  namedForItsNoun: true,
  // "confirmation_token", "lease_token", "approval_token": a ticket for one step of a flow, not a secret; nor is a lock's
  // "fencing_token", the number that orders its holders. Nor is an association's or an object's key
  // ("crm_getAssociationByObjectKeys: Get association by object keys like contacts, custom objects"): the identifier of
  // a kind of record. Nor is an undo ticket ("restore_token returned by
  // delete_sheet", "undo_token"): it names one earlier change to put back.
  notAfter: new Set(['restore', 'undo', 'revert', 'rollback', 'type', 'send', 'hot', 'shortcut', 'page', 'next', 'continuation', 'cursor', 'press', 'sort', 'partition', 'row', 'primary', 'foreign', 'enhancement', 'max', 'input', 'output', 'prompt', 'idempotency', 'kv', 'resume', 'confirmation', 'confirm', 'lease', 'fencing', 'approval', 'poll', 'sync', 'cancellation', 'delta', 'recon', 'resumption', 'snapshot', 'association', 'object']),
  // "credential_id", "brain_credential_id", "secret_ids": which stored credential the call should use, picked by
  // reference; the call authenticates with it and neither reads nor changes the secret (create_voice_agent).
  // Nor is a switch for them ("credentialsEnabled (boolean): Whether authentication credentials are enabled for
  // accessing the portal"): the portal asks for logins, the call sets none.
  paramNotBefore: new Set(['id', 'ids', 'enabled', 'disabled']),
  // A password beside a host and a user name is the login the call connects with ("write_file: Write content to a
  // remote file over SSH" with host, username, password, sudo_password), unless the tool is about users, accounts,
  // hosts, logins or configurations, whose password it sets or keeps ("user_create: Creates a MySQL user", "add_host:
  // Register and persist a new SSH host configuration").
  loginParams: {
    words: new Set(['password', 'passphrase']),
    beside: [new Set(['host', 'hostname']), new Set(['username', 'user', 'user name'])],
    unless: new Set(['user', 'users', 'account', 'accounts', 'host', 'hosts', 'login', 'auth', 'connect', 'connection', 'config', 'configure', 'configuration', 'password', 'passwords', 'credential', 'credentials', 'secret', 'secrets', 'grant', 'grants', 'role', 'roles', 'register']),
  },
  // A keypad's or a keyboard's key, a blockchain's token (an NFT, an ERC-20) and a vault of notes are no secrets.
  elsewhere: [
    // So is a key pressed on a machine ("send_vm_key: Send a key event to a VM (e.g. ctrl-alt-del)", "Key combination").
    // So is one pressed and held ("computer_key: Press a single key", "Send keys while holding modifiers") and a deck's
    // key ("clear_key: Remove the action from a key or dial").
    { words: new Set(['key', 'keys']), where: /\b(?:keypad|keyboard|key ?codes?|keystrokes?|hotkeys?|key (?:events?|combinations?|sequences?))\b|\bctrl[-+]|\bpress(?:es)?(?: and hold)? (?:a |the )?(?:single )?keys?\b|\bholding modifiers\b|\bkeys? or dials?\b/ },
    // A key-value store's key names a stored value ("key_info: Whether a key exists, its type and its time to live"),
    // unless the store is said to keep API keys ("Variables are key-value pairs … commonly used for … API keys").
    { words: new Set(['key', 'keys']), where: /^(?![\s\S]*\bapi keys?\b)[\s\S]*\b(?:key-value|redis|valkey|memcached|time to live)\b/ },
    // So are a chain's token holders and supply ("Top token holders with balance and %-supply. EVM-only").
    { words: new Set(['token', 'tokens']), where: /\b(?:nfts?|non-fungible|fungible|erc-?\d+|sep-?\d+|memecoins?|altcoins?|dex|token holders?|evm|on-?chain|defi)\b/ },
    // An Obsidian vault or a vault of notes and memories keeps notes, not secrets; so does one whose files carry
    // frontmatter or wikilinks ("Read a single frontmatter property value").
    { words: new Set(['vault']), where: /\b(?:obsidian|notes?|markdown|memories|(?:of|snippets?) memory|knowledge base|frontmatter|wiki-?links?)\b/ },
    // Design tokens are a design system's colours and spacings, not secrets.
    { words: new Set(['token', 'tokens']), where: /\bdesign tokens?\b/ },
  ],
});
