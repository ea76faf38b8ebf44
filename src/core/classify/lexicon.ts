// biome-ignore-all format: its word lists and tables read best packed, several items a line
// General verb and noun lexicons shared by the rules (data, not tool names): what a verb says about a tool's effect.
import type { Category } from '../schemas/verdict.ts';

/** Articles: the word after one is a noun ("the blocks", "a book"), not a verb the sentence names. */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Verbs that delete, overwrite, terminate, revoke or irreversibly alter. */
export const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set([
  'delete', 'del', 'remove', 'rm', 'drop', 'destroy', 'purge', 'erase', 'wipe', 'truncate', 'kill', 'terminate',
  'revoke', 'uninstall', 'unregister', 'deregister', 'unpublish', 'reset', 'clear', 'clean', 'overwrite', 'shred',
  'nuke', 'cancel', 'rollback', 'revert', 'discard', 'expire', 'invalidate', 'regenerate', 'rotate', 'ban',
  'deactivate', 'evict', 'flush', 'prune', 'rebase', 'obliterate', 'decommission', 'deprovision',
  'unset', 'undeploy', 'unshare', 'unsubscribe', 'void', 'abort', 'forget', 'modify', 'replace', 'unlink', 'reschedule',
  'burn',
  // Spanish and Portuguese names ("eliminar_cliente", "excluir_registro").
  'eliminar', 'borrar', 'excluir', 'deletar',
  // The same verbs as Spanish, Portuguese and Italian descriptions open with ("Elimina el registro", "Exclui a tarefa",
  // "Cancella la nota").
  'elimina', 'exclui', 'borra', 'apaga', 'cancella',
  // French and German ones ("Supprime définitivement un contact", "Löscht den Eintrag"; DESCRIPTION_LEAD_VERB reads an
  // opening without its accents, so "löscht" is "loscht").
  'supprime', 'efface', 'loscht', 'entfernt',
]);

/** Verbs that create, change, send, trigger or move something, without destroying. */
export const WRITE_VERBS: ReadonlySet<string> = new Set([
  'create', 'add', 'insert', 'append', 'update', 'upsert', 'set', 'put', 'post', 'patch', 'edit', 'change',
  'write', 'save', 'store', 'upload', 'send', 'publish', 'push', 'commit', 'merge', 'move', 'mv', 'relocate', 'rename', 'copy',
  'cp', 'clone', 'install', 'deploy', 'redeploy', 'start', 'stop', 'restart', 'reboot', 'launch', 'run', 'close',
  'click', 'tap', 'type', 'fill', 'press', 'hover', 'drag', 'scroll', 'swipe', 'navigate', 'goto', 'resize',
  'emulate', 'enable', 'disable', 'toggle', 'assign', 'unassign', 'invite', 'link', 'attach', 'detach',
  'record', 'apply', 'trigger', 'schedule', 'register', 'login', 'logout', 'signin', 'signout',
  'allocate', 'release', 'pause', 'resume', 'restore', 'submit', 'approve', 'reject', 'comment', 'reply', 'react',
  'like', 'follow', 'unfollow', 'star', 'archive', 'unarchive', 'lock', 'unlock', 'import', 'mark', 'label',
  'fork', 'checkout', 'stage', 'unstage', 'stash', 'init', 'initialize', 'configure', 'pull', 'grant', 'share',
  'transfer', 'pay', 'charge', 'finalize', 'accept', 'decline', 'complete', 'connect', 'disconnect', 'subscribe',
  'notify', 'forward', 'book', 'reserve', 'order', 'buy', 'purchase', 'sell', 'mint', 'sign', 'provision', 'scale',
  'migrate', 'sync', 'reindex', 'build', 'handle', 'manage', 'invoke', 'call', 'dispatch', 'enqueue', 'broadcast',
  'tweet', 'dm', 'go', 'export', 'select', 'dismiss', 'request', 'acknowledge', 'ack', 'watch', 'unwatch', 'rerun', 'retry', 'promote',
  'demote', 'transition', 'reopen', 'claim', 'tag', 'untag', 'pin', 'unpin', 'mute', 'log',
  'unmute', 'block', 'unblock', 'suspend', 'unsuspend', 'increment', 'decrement',
  'mutate', 'alter', 'rebuild', 'renew', 'extend', 'focus', 'activate', 'refund', 'exec', 'eval', 'execute',
  'upgrade', 'downgrade', 'rollout', 'override', 'cherry', 'amend', 'tweak', 'adjust', 'reorder',
  'spawn', 'seed', 'populate', 'ingest', 'train', 'refresh', 'reload', 'halt', 'interrupt', 'vote', 'upvote', 'downvote',
  'enroll', 'rsvp', 'bookmark', 'annotate', 'compose', 'dial', 'remind', 'snooze', 'favorite', 'favourite', 'respond',
  'persist', 'memorize', 'remember', 'open', 'duplicate', 'repair', 'join', 'confirm', 'unconfirm', 'switch', 'shutdown',
  'shut', 'fix', 'heal', 'define', 'uncheck', 'undo', 'redo', 'fire', 'finish', 'deny', 'emit', 'drain', 'hide', 'unhide',
  'paint', 'bake', 'retire', 'announce', 'expose', 'throw', 'recycle', 'customize', 'authenticate', 'expand', 'collapse',
  'spend', 'reinforce', 'swap', 'associate', 'recover', 'allow', 'disallow', 'correct',
  'unban', 'freeze', 'unfreeze', 'mount', 'unmount', 'bind', 'unbind', 'unstake', 'withdraw', 'donate', 'dequeue',
  'bump', 'hibernate', 'wake', 'cordon', 'uncordon', 'eject', 'dispose', 'prepend', 'inject', 'delegate', 'acquire',
  'flag', 'unflag', 'redeliver', 'advance', 'initiate', 'bootstrap', 'skip', 'begin', 'materialize', 'ungroup',
  'supersede', 'reconcile', 'continue', 'flatten', 'bring', 'express',
  // "Shake the camera at an impact" keys a shake into the scene, as a gesture does to a device; "Route a DAC output … and
  // drive a calibrated DC voltage on it", "Drive a GPIO configured as output" set a signal going (as a name word, "drive" is as
  // often Google Drive: see AMBIGUOUS_NAME_WORDS).
  'shake', 'drive',
  // "Mask a unit so it cannot be started even manually", "Unmask a previously masked unit", "Thaw a frozen layer, making
  // it visible and selectable again": a unit or layer put out of (or back into) use, as freeze/unfreeze do.
  'mask', 'unmask', 'thaw',
  // "align_layer: Align to the canvas: h left/center/right", "Align elements to a specific position": lining shapes up
  // moves them (aligning sequences or a paper to its versions computes a correspondence: see READ_SENSES).
  'align',
  // "distribute_elements: Distribute elements evenly": spacing shapes out moves them, as aligning does (so does
  // handing out funds or files); the noun ("list_distributions", "get_grade_distribution") is another word.
  'distribute',
  // Spanish and Portuguese names ("crear_factura", "adicionar_tarefa", "atualizar_status").
  'crear', 'criar', 'agregar', 'adicionar', 'actualizar', 'atualizar', 'enviar', 'registrar', 'cadastrar',
  // As descriptions open with them ("Cria uma tarefa", "Crea un evento", "Adiciona um item", "Aggiorna lo stato", "Envia
  // a mensagem", "Invia un messaggio").
  'cria', 'crea', 'adiciona', 'aggiunge', 'atualiza', 'actualiza', 'aggiorna', 'envia', 'invia', 'cadastra',
  // More third-person openings of Spanish, Portuguese and Italian ("Agrega un contacto", "Grava o arquivo", "Salva la
  // nota", "Renomeia uma tag", "Executa o comando", "Ejecuta la consulta", "Rinomina il file") and French and German ones
  // read without their accents ("Crée un document" is "cree", "Enregistre la scène", "Ajoute une ligne", "Renomme une
  // copie", "Lance un rendu"; "Erstellt ein Ticket", "Ändert den Status" is "andert", "Speichert die Notiz").
  'agrega', 'anade', 'guarda', 'modifica', 'altera', 'registra', 'grava', 'salva', 'renomeia', 'rinomina', 'executa',
  'ejecuta', 'esegue', 'publica', 'cancela', 'cree', 'enregistre', 'ajoute', 'renomme', 'modifie', 'envoie', 'lance',
  'applique', 'erstellt', 'andert', 'aktualisiert', 'speichert', 'sendet',
]);

/**
 * Change verbs only as a word of a tool's name or title: "kafka_native_produce", "kafka_produce_message" publish a
 * message to a stream's topic, where a description's "Produce a capital-gains report" makes an answer and hands it
 * back (as a description verb "produce" lost as many reads as it saved).
 */
export const NAME_WRITE_VERBS: ReadonlySet<string> = new Set([
  'produce',
  // "ui_maximize_window", "computer_minimize_window": a window's size on screen set, as resize does (a description's
  // "the gain K that minimizes the cost function" states an optimisation's objective and changes nothing).
  'maximize', 'maximise', 'minimize', 'minimise',
]);

/** Verbs that only read, look up, compute or render, with no effect outside the call. */
export const READ_VERBS: ReadonlySet<string> = new Set([
  'get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'describe', 'show', 'view', 'retrieve', 'lookup',
  'look', 'check', 'count', 'inspect', 'analyze', 'analyse', 'explain', 'validate', 'verify', 'diff', 'status',
  'blame', 'browse', 'scan', 'summarize', 'summarise', 'translate', 'calculate', 'compute', 'convert', 'render',
  'generate', 'preview', 'estimate', 'explore', 'discover', 'ask', 'research', 'reason', 'echo', 'info', 'details',
  'stats', 'lint', 'audit', 'diagnose', 'recommend', 'suggest', 'compare', 'measure', 'evaluate', 'wait',
  'poll', 'tail', 'monitor', 'load', 'parse', 'extract', 'format', 'test', 'ping', 'whoami', 'identify',
  'detect', 'predict', 'classify', 'recognize', 'transcribe', 'geocode', 'locate', 'match', 'resolve', 'sample',
  'scrape', 'crawl', 'visualize', 'plot', 'draw', 'map', 'route', 'think', 'plan', 'review',
  'peek', 'print', 'dump', 'trace', 'profile', 'benchmark', 'grep', 'filter', 'sort', 'aggregate',
  'download', 'learn', 'guide', 'docs', 'help', 'history', 'logs', 'usage', 'schema', 'doc', 'take', 'capture',
  'instructions', 'guidance', 'rules', 'documentation', 'metadata', 'definitions', 'overview', 'rerank', 'rank',
  'simplify', 'screenshot', 'snapshot', 'can', 'is', 'has', 'exists', 'synthesize', 'encode', 'decode', 'hash',
  'probe', 'score', 'recall', 'return', 'assess', 'tokenize', 'whois', 'ocr', 'understand', 'obtain',
  'subtract', 'intersect', 'interpolate', 'answer', 'display', 'enumerate', 'determine', 'forecast', 'walk', 'grade',
  'disassemble', 'decompile', 'solve', 'report', 'screen', 'detokenize', 'decompose',
  // "Backtest a DEX position from a recorded pool history … returns the price / reserves series", "Backtest a
  // simulation output against realised actuals": a strategy replayed over past data, as benchmark and forecast are.
  'backtest',
  // Spanish and Portuguese names ("listar_empleados", "obter_rentabilidade", "consultar_relatorio").
  'listar', 'obtener', 'obter', 'consultar', 'buscar', 'mostrar',
  // As descriptions open with them: "Retorna UM artefato …", "Devolve o resumo", "Busca uma máquina pelo id", "Lista as
  // organizações", "Consulta los gastos", "Recupera a posicao", "Obtiene el saldo", "Restituisce …", "Elenca …", and the
  // Italian "Cerca bandi di concorso" (search; the Portuguese "cerca de" is "about", which opens no description).
  'retorna', 'devolve', 'busca', 'lista', 'consulta', 'recupera', 'mostra', 'obtiene', 'restituisce', 'elenca', 'cerca',
  // More of them: Spanish "Devuelve …", "Muestra …"; Portuguese "Exibe …", "Pesquisa …", "Verifica …", "Analisa …",
  // "Inspeciona …"; Italian "Ottiene …"; and French and German ones read without their accents ("Récupère la fiche" is
  // "recupere", "Recherche des livraisons", "Liste les projets", "Retourne …", "Affiche …", "Identifie les ressources";
  // "Liefert …", "Sucht …", "Zeigt …", "Listet …").
  'devuelve', 'muestra', 'exibe', 'pesquisa', 'procura', 'verifica', 'analisa', 'inspeciona', 'ottiene', 'recupere',
  'recherche', 'liste', 'retourne', 'renvoie', 'affiche', 'identifie', 'obtient', 'liefert', 'sucht', 'zeigt', 'listet',
]);

/**
 * Read verbs that only look something up (as opposed to read verbs that produce something: generate, recommend,
 * identify, explain). Inside a session the producing ones usually add to the session's record; lookups do not.
 */
export const LOOKUP_VERBS: ReadonlySet<string> = new Set([
  'get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'describe', 'show', 'view', 'retrieve', 'lookup', 'look',
  'check', 'count', 'inspect', 'status', 'browse', 'peek', 'poll', 'wait', 'tail', 'monitor', 'load', 'download',
  'info', 'details', 'stats', 'history', 'log', 'logs', 'usage', 'schema', 'metadata', 'dump', 'print', 'export',
  'exists', 'is', 'has', 'can', 'whoami', 'ping', 'echo', 'validate', 'verify', 'diff', 'compare', 'preview', 'help',
  'docs', 'doc', 'guide', 'overview', 'definitions', 'documentation', 'instructions', 'guidance', 'rules', 'audit',
  'recall', 'return', 'trace', 'test', 'lint', 'grep', 'filter', 'sort', 'summary',
]);

/**
 * Words that are verbs but, inside tool names, are as often nouns ("get_pacticipant_label", "deploy_app_logs_get",
 * "list_test_runs"). In a name they count only when no unambiguous verb is present and the description does not say
 * more.
 */
export const AMBIGUOUS_NAME_WORDS: ReadonlySet<string> = new Set([
  'link', 'links', 'label', 'labels', 'run', 'runs', 'deploy', 'type', 'types', 'import', 'export', 'monitor', 'test',
  'tests', 'pin', 'stop', 'plan', 'record', 'records', 'release', 'order', 'map', 'log', 'logs', 'tag', 'tags', 'post',
  'posts', 'charge', 'stage', 'schedule', 'book', 'star', 'comment', 'comments', 'lock', 'match', 'trace',
  'profile', 'sample', 'status', 'info', 'details', 'stats', 'history', 'usage', 'schema', 'doc', 'docs', 'help',
  'guide', 'review', 'research', 'route', 'compute', 'transfer', 'scale', 'build', 'view', 'check', 'audit',
  'share', 'sync', 'merge', 'commit', 'push', 'pull', 'trigger', 'invite', 'fill', 'format', 'filter', 'sort', 'count',
  'draft', 'answer', 'plot', 'diff', 'report', 'reply', 'login', 'register', 'transition', 'sign', 'open', 'take',
  'capture', 'instructions', 'guidance', 'rules', 'documentation', 'metadata', 'definitions', 'overview', 'clone',
  'fork', 'copy', 'backup', 'save', 'process', 'change', 'changes', 'update', 'updates', 'batch', 'handle', 'call',
  'screenshot', 'snapshot', 'rank', 'can', 'is', 'has', 'generate', 'select', 'watch', 'request', 'requests', 'react',
  'store', 'stores', 'train', 'seed', 'refresh', 'remind', 'favorite', 'define', 'fix', 'switch', 'load', 'loads',
  'purchase', 'purchases', 'archive', 'archives', 'upgrade', 'claim', 'claims', 'refund', 'refunds', 'fire',
  'mount', 'mounts', 'bind', 'wake', 'flag', 'flags',
  // "google_drive_list_files", "drive_files": the storage service, not the verb.
  'drive',
]);

/**
 * Read verbs that are changes when what they act on is a tracked item: "resolve_library_id" looks a name up, "resolve a
 * comment" or "resolveIssue" closes it. Verb → the objects (within the next three words) that make it a write.
 */
const DOCUMENT_PARTS = ['table', 'tables', 'cell', 'cells', 'range', 'ranges', 'paragraph', 'paragraphs', 'heading', 'headings', 'column', 'columns', 'row', 'rows', 'sheet', 'sheets', 'slide', 'slides', 'footnote', 'footnotes', 'document', 'text'];
/** Channels a test sends something through ("test_notification", "email_operations_test"). */
export const TESTED_CHANNELS: ReadonlySet<string> = new Set(['notification', 'notifications', 'email', 'emails', 'webhook', 'webhooks', 'message', 'messages', 'sms', 'push']);
const CHANGE_SENSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  // "Format a table with borders", "Sort a range's rows": done to a document's parts, they edit the document.
  ['format', new Set(DOCUMENT_PARTS)],
  ['sort', new Set(DOCUMENT_PARTS)],
  // "Check or uncheck a checkbox" ticks it.
  ['check', new Set(['checkbox', 'checkboxes', 'box', 'boxes'])],
  // "generate_token", "Generate a free subdomain": issuing a credential or a resource makes it exist on the server.
  ['generate', new Set(['token', 'tokens', 'secret', 'secrets', 'subdomain', 'subdomains', 'credential', 'credentials', 'certificate', 'certificates', 'invite', 'invites', 'invitation'])],
  // "convert_bot_to_user", "convert_estimate_to_invoice": converting a stored record turns it into another kind of record.
  ['convert', new Set(['bot', 'bots', 'user', 'users', 'channel', 'channels', 'group', 'groups', 'invoice', 'invoices', 'estimate', 'estimates', 'quote', 'quotes', 'lead', 'leads', 'deal', 'deals', 'ticket', 'tickets', 'issue', 'issues', 'task', 'tasks', 'subtask', 'subtasks', 'draft', 'drafts', 'opportunity', 'opportunities', 'prospect', 'prospects', 'account', 'accounts'])],
  // "test_notification", "Send a test email": a test of a message sends one.
  ['test', TESTED_CHANNELS],
  // "verifyProjectDomain: Verifies a project domain", "verify_custom_domain", "Verify ownership of a single domain": the
  // provider runs its ownership check and records the domain as verified (verifying a signature, a hash or a
  // calculation stays a check).
  ['verify', new Set(['domain', 'domains', 'ownership'])],
  // "report_bug", "Report an issue", "report_usage": filing a report with someone keeps it on their side.
  ['report', new Set(['bug', 'bugs', 'issue', 'issues', 'problem', 'problems', 'incident', 'abuse', 'spam', 'usage', 'feedback', 'outage', 'vulnerability', 'fraud', 'consumption'])],
  // "Snapshots an environment", "snapshot_volume": a snapshot of a machine, disk or database is kept on the provider.
  ['snapshot', new Set(['environment', 'environments', 'endpoint', 'endpoints', 'volume', 'volumes', 'disk', 'disks', 'vm', 'vms', 'instance', 'instances', 'database', 'databases', 'droplet', 'droplets', 'server', 'servers', 'cluster', 'clusters', 'container', 'containers'])],
  [
    'resolve',
    new Set([
      'comment', 'comments', 'thread', 'threads', 'issue', 'issues', 'incident', 'incidents', 'alert', 'alerts', 'ticket',
      'tickets', 'conversation', 'conversations', 'conflict', 'conflicts', 'finding', 'findings', 'discussion', 'discussions',
    ]),
  ],
]);

/** One-verb sets for verbForm, made once per verb a sense table names (not once per word asked about). */
const ONE_VERB = new Map<string, ReadonlySet<string>>();
/** Whether `word` is a form of `verb` ("merges", "merged" of "merge"). */
function verbAt(word: string | undefined, verb: string): boolean {
  let set = ONE_VERB.get(verb);
  if (set === undefined) {
    set = new Set([verb]);
    ONE_VERB.set(verb, set);
  }
  return verbForm(word ?? '', set, true) !== undefined;
}

/**
 * Whether one of `objects` stands within the three words from `start`, or four when an article or a determiner opens
 * them ("Generate a unique free subdomain"): the reach of CHANGE_SENSES, READ_SENSES and WRITE_SENSES.
 */
function objectWithin(words: readonly string[], start: number, objects: ReadonlySet<string>): boolean {
  const reach = OBJECT_OPENERS.has(words[start] ?? '') ? 4 : 3;
  return words.slice(start, start + reach).some((w) => objects.has(w));
}

/** Whether the read verb at words[i] is used in a change sense by the object that follows it. */
export function changeSense(words: readonly string[], i: number): boolean {
  for (const [verb, objects] of CHANGE_SENSES) {
    if (!verbAt(words[i], verb)) continue;
    // "Check if a checkbox is checked" tests it.
    if (['if', 'whether'].includes(words[i + 1] ?? '')) return false;
    // The object, or what it belongs to ("a range's rows").
    if (objectWithin(words, i + 1, objects)) return true;
  }
  return false;
}

/**
 * Change verbs that read when what they act on is a trail to trace: "follow_user" follows an account, "Follow the
 * citations of one paper" or "Follow the code across boundaries" walks what links things and changes nothing; so do
 * merging shapes handed in and picking a sample. Verb → the objects (within the next three words, four after an
 * article) that make it a read.
 */
const READ_SENSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['follow', new Set(['citation', 'citations', 'reference', 'references', 'code', 'path', 'paths', 'edge', 'edges', 'trail', 'trails', 'chain', 'redirect', 'redirects', 'dependency', 'dependencies', 'import', 'imports', 'calls', 'run', 'runs', 'progress'])],
  // "Merge two or more polygons into a single unified geometry": merging shapes handed in computes their union and
  // hands it back (merging records, branches, cells or a JSON patch into settings stays a change).
  ['merge', new Set(['polygon', 'polygons', 'geometry', 'geometries'])],
  // "Selects a small random sample of local files": picking a sample or a subset of data reads it (selecting an option,
  // a tab or a row sets a selection).
  ['select', new Set(['sample', 'samples', 'subset', 'subsets', 'subsection', 'subsections'])],
  // "qdrant_points_scroll: Page through all points in a collection": scrolling stored data (points, records, hits)
  // pages through it, as a search engine's scroll API does (scrolling a page, a list or a view moves it on screen).
  ['scroll', new Set(['point', 'points', 'record', 'records', 'document', 'documents', 'hit', 'hits', 'result', 'results', 'row', 'rows'])],
  // "Align unaligned sequences with MAFFT", "Align preprint to published version and enrich metadata": aligning sequences
  // or matching a paper to its other versions computes a correspondence and hands it back (aligning shapes, layers or
  // elements on a canvas moves them).
  ['align', new Set(['sequence', 'sequences', 'preprint', 'preprints', 'paper', 'papers', 'publication', 'publications'])],
  // "Mask PII in a text", "mask_sensitive_data": masking data handed in redacts a copy and hands it back (masking a
  // systemd unit keeps it from starting).
  ['mask', new Set(['pii', 'data', 'text', 'sensitive', 'secret', 'secrets', 'email', 'emails', 'value', 'values', 'field', 'fields', 'personal', 'phone', 'numbers', 'credit', 'tokens'])],
  // "Emit a named theme as CSS custom properties", "Emit a system instruction that forces an AI agent to …": emitting
  // text (a theme, a report, an instruction) writes it out for the caller (emitting an event, a command or pulses on a
  // channel sets something going).
  ['emit', new Set(['theme', 'themes', 'report', 'reports', 'instruction', 'instructions', 'css', 'json', 'yaml', 'markdown', 'snippet', 'snippets'])],
  // "Rewrite a slow query into a cheaper, equivalent one … Returns the rewritten query": rewriting a query or a prompt
  // handed in hands the new text back (rewriting a post, a message or a document in place changes it).
  ['rewrite', new Set(['query', 'queries', 'sql', 'prompt', 'prompts', 'sentence', 'sentences', 'paragraph', 'paragraphs'])],
]);

/**
 * Whether the change verb at words[i] is used in a read sense by the object that follows it ("follow the citations"), or,
 * in a name, by the object right before it ("points_scroll").
 */
export function readSense(words: readonly string[], i: number): boolean {
  for (const [verb, objects] of READ_SENSES) {
    if (!verbAt(words[i], verb)) continue;
    if (objects.has(words[i - 1] ?? '')) return true;
    // "Merge two or more polygons": a count before the object is not counted in the reach.
    let k = i + 1;
    while (COUNT_WORDS.has(words[k] ?? '')) k++;
    if (objectWithin(words, k, objects)) return true;
  }
  return false;
}

/** Shapes and pages a rotation turns ("entity_rotate", "Rotate pages in a PDF", "Rotate an image by 90 degrees"). */
export const TURNED_OBJECTS: ReadonlySet<string> = new Set([
  'image', 'images', 'photo', 'photos', 'picture', 'pictures', 'page', 'pages', 'pdf', 'entity', 'entities', 'object',
  'objects', 'shape', 'shapes', 'layer', 'layers', 'selection', 'canvas', 'mesh', 'element', 'elements', 'camera', 'view',
  'video', 'geometry', 'part', 'parts',
]);

/**
 * Destructive verbs that only change what they act on for some objects. "reset_password", "Reset password for a
 * droplet", "send_password_reset" give the account a new password (or send the link to choose one), as
 * "change_password" does, and nothing else is lost (resetting DNS records, a sandbox or reward points stays a loss).
 * "entity_rotate", "Rotate pages in a PDF" turn a shape or a page, which turns back; rotating a key, a secret or a token
 * stays a loss, the old one stops working; clearing a selection deselects. Verb → the objects (within the next three
 * words, four after an article, or the word before it: "password_reset", "entity_rotate") that make it a write.
 */
const WRITE_SENSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['reset', new Set(['password', 'passwords', 'passcode'])],
  ['rotate', TURNED_OBJECTS],
  // "clear_selection: Deselect everything in the Archicad window": clearing a selection or a highlight deselects, and
  // loses nothing of what was selected (clearing a cache, a queue or a table stays a loss).
  ['clear', new Set(['selection', 'selections', 'highlight', 'highlights'])],
  // "remove_image_logo: Remove logos from images", "remove_background", "remove_watermark": taking a logo, a watermark
  // or the background out of a picture edits the picture (it writes the result) and deletes no record.
  ['remove', new Set(['logo', 'logos', 'watermark', 'watermarks', 'background', 'backgrounds'])],
]);

/** Whether the destructive verb at words[i] is used in a mere write sense by what it acts on ("reset_password"). */
export function writeSense(words: readonly string[], i: number): boolean {
  for (const [verb, objects] of WRITE_SENSES) {
    if (!verbAt(words[i], verb)) continue;
    if (objects.has(words[i - 1] ?? '')) return true;
    if (objectWithin(words, i + 1, objects)) return true;
  }
  return false;
}

/** Verbs that stop work under way. */
export const CANCEL_VERBS: ReadonlySet<string> = new Set(['cancel', 'abort', 'terminate', 'kill']);
/**
 * The description says the work a cancellation stops is kept: "Already-saved rows are kept and the job is resumable",
 * "Pages already sent finish and are saved … resume_batch can continue later", "Nothing was started, so nothing is
 * undone", "Cancel a queued or scheduled broadcast …, without removing it", "Cancel an active fast while preserving the
 * recurring schedule", "stops the run …; the pipeline then finalizes whatever already completed". Not "is not
 * resumable".
 */
const WORK_KEPT =
  /\b(?:(?<!not |non-)resumable|finali[sz]es (?:whatever|what|everything) (?:has |had )?already (?:completed|finished|done)\b|can (?:be )?resumed?\b|can continue later|nothing is undone|without (?:removing|deleting) it\b|while (?:preserving|keeping) the\b|(?:already[- ]\w+|completed?) [\w ]{0,30}\b(?:are|is|stay|stays|remain|remains) (?:kept|saved|preserved))/i;

/** Whether the destructive verb `verb` only stops work the description says is kept ("cancel_batch … are saved"). */
export function cancelKeepsWork(verb: string, description: string): boolean {
  return verbForm(verb, CANCEL_VERBS, true) !== undefined && WORK_KEPT.test(description);
}

/** Words that count an object ("two or more polygons", "several samples"). */
const COUNT_WORDS: ReadonlySet<string> = new Set(['two', 'three', 'several', 'multiple', 'many', 'or', 'more']);

/** "pull request", "merge requests": a thing, not a pull or a merge. */
export function requestCompound(word: string, next: string | undefined): boolean {
  return (word === 'pull' || word === 'merge') && (next === 'request' || next === 'requests');
}

/** Words that open an object, showing the word before them is a verb ("tag them", "updates the record"). */
export const OBJECT_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'it', 'them', 'its', 'their', 'your', 'this', 'these', 'each', 'every', 'all', 'one']);

/** Objects whose "creation" produces output for the caller and persists nothing (a completion, a chart, an embedding). */
export const EPHEMERAL_NOUNS: ReadonlySet<string> = new Set([
  'completion', 'completions', 'embedding', 'embeddings', 'chart', 'charts', 'diagram', 'diagrams', 'summary',
  'preview', 'visualization', 'graph', 'plot', 'suggestion', 'suggestions', 'recommendation', 'answer', 'response',
  'estimate', 'quote', 'diff', 'report',
]);

/**
 * What running reads: an audit, a check, a report, a query or a diagnostic hands back findings and changes nothing
 * ("run_audit", "Run a Lighthouse audit", "Run the standard post-analysis checks"), and so do quality tools, which
 * judge what they are pointed at ("Run multiple code quality tools and generate combined report"). Running code is
 * CODE_EXECUTION's.
 */
export const RUN_READ_OBJECTS: ReadonlySet<string> = new Set([
  'audit', 'audits', 'check', 'checks', 'report', 'reports', 'query', 'queries', 'analysis', 'analyses', 'diagnostic',
  'diagnostics', 'scan', 'scans', 'lint', 'search', 'searches', 'lookup', 'probe', 'inspection', 'validation', 'review',
  'traceroute', 'ping', 'benchmark', 'simulation', 'simulations', 'estimate', 'forecast', 'calculation', 'evaluation',
  'healthcheck', 'dryrun', 'select', 'gate', 'gates', 'gets', 'inference', 'prediction', 'predictions', 'qa', 'monitor',
  'quality',
  // "Run regression detection across ALL online databases … and return the worst regressions found": detecting finds.
  'detection',
]);
/** Objects that make running anything running a program. */
const RUN_COMMANDS: ReadonlySet<string> = new Set(['command', 'commands', 'script', 'scripts', 'code', 'program', 'shell']);
/** Words right after a run verb that say what runs only reads. */
export const READ_QUALIFIERS: ReadonlySet<string> = new Set(['read', 'readonly', 'show']);
/** Verbs that run what follows them. */
export const RUN_VERB_WORDS: ReadonlySet<string> = new Set(['run', 'runs', 'running', 'execute', 'executes', 'executing', 'perform', 'performs', 'performing']);

/** Words after a command that say it is run to produce a report ("to generate compliance and security reports"). */
function forReports(after: readonly string[]): boolean {
  return after[0] === 'to' && ['generate', 'produce'].includes(after[1] ?? '') && after.slice(2, 7).some((w) => w === 'report' || w === 'reports');
}

/** Whether the run verb at words[i] runs a read (an audit, a check, a report) named within the next seven words ("Run a fast KYB (Know Your Business) check"). */
export function runsARead(words: readonly string[], i: number): boolean {
  if (!RUN_VERB_WORDS.has(words[i] ?? '')) return false;
  // "execute_read_api_command", "run_show_command_batch": a command the name says only reads.
  if (READ_QUALIFIERS.has(words[i + 1] ?? '')) return true;
  // "Run a read-only SELECT", "Run one read-only archicad API command": what runs is said to read.
  if (words.slice(i + 1, i + 4).some((w, j, next) => w === 'read' && next[j + 1] === 'only')) return true;
  // "Run an allowlisted test, lint or build command": what runs is a command, whatever it is for. Not a command word
  // heading a read ("Run a code review").
  // Nor commands run for reports ("Runs Azure Quick Review CLI (azqr) commands to generate compliance and security
  // reports"): what they are run for is the read after them.
  if (words.slice(i + 1, i + 11).some((w, j, next) => RUN_COMMANDS.has(w) && !RUN_READ_OBJECTS.has(next[j + 1] ?? '') && !forReports(words.slice(i + j + 2))))
    return false;
  return words.slice(i + 1, i + 8).some((w) => RUN_READ_OBJECTS.has(w));
}

/** Words that, as the object of run/execute/exec/eval, mean arbitrary code or commands. */
export const CODE_OBJECTS: ReadonlySet<string> = new Set([
  'code', 'script', 'scripts', 'command', 'commands', 'cmd', 'shell', 'bash', 'sh', 'sql', 'query', 'queries',
  'javascript', 'js', 'python', 'py', 'powershell', 'terminal', 'program', 'snippet', 'expression', 'tool', 'tools',
  'lua', 'ruby', 'node', 'cypher', 'kql', 'graphql', 'statement', 'statements', 'migration', 'migrations', 'cell', 'cells',
]);

/** Words that make a change apply to everything at once (bulk), raising risk. */
export const BULK_WORDS: ReadonlySet<string> = new Set(['all', 'bulk', 'batch', 'everything', 'recursive', 'recursively', 'mass', 'many']);

/** Agent nouns that name an entity, not what the tool does ("sb_publisher" lists publishers). */
const ENTITY_AGENT_NOUNS: ReadonlySet<string> = new Set(['publisher', 'manager', 'handler', 'builder', 'recorder', 'reporter', 'owner', 'member', 'user', 'player']);

/** Whether a word is itself in a verb lexicon ("recall" is a read, not "re-call"). */
function isKnownVerb(word: string): boolean {
  return DESTRUCTIVE_VERBS.has(word) || WRITE_VERBS.has(word) || READ_VERBS.has(word);
}

/** Shortest glued word considered for a verb pair ("setorget" and longer). */
export const GLUED_PREFIX_MIN = 5;

/**
 * Looks a word up in a verb set, accepting inflected forms (creates, creating; descriptions only) and, when asked,
 * agent nouns (reader, updater; only the last word of a name, so "browser" is not "browse").
 */
export function verbForm(word: string, set: ReadonlySet<string>, inflected: boolean, agent = false): string | undefined {
  if (set.has(word)) return word;
  const candidates: string[] = [];
  // "resend", "resubmit", "reassign": doing a verb again is that verb.
  if (word.startsWith('re') && word.length > 5 && !isKnownVerb(word)) candidates.push(word.slice(2));
  // "unmark", "unclaim", "unclose": undoing a write is a write; so is undoing a destruction ("undelete", "uncancel"
  // restore). A read cannot be undone.
  if (word.startsWith('un') && word.length > 5 && !isKnownVerb(word) && set === WRITE_VERBS) {
    const undone = word.slice(2);
    if (verbForm(undone, DESTRUCTIVE_VERBS, inflected) !== undefined) return undone;
    candidates.push(undone);
  }
  if (agent && !ENTITY_AGENT_NOUNS.has(word) && (word.endsWith('er') || word.endsWith('or'))) candidates.push(word.slice(0, -2), word.slice(0, -1));
  if (inflected) {
    if (word.endsWith('ies')) candidates.push(word.slice(0, -3) + 'y');
    if (word.endsWith('es')) candidates.push(word.slice(0, -2));
    if (word.endsWith('s')) candidates.push(word.slice(0, -1));
    if (word.endsWith('ing')) candidates.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  }
  for (const c of candidates) if (c.length >= 2 && set.has(c)) return c;
  return undefined;
}

/** Whether a word is a verb of change (write or destructive) in the lexicon, inflected forms included. */
export function isChangeVerb(word: string): boolean {
  const c = verbClass(word, true);
  return c === 'write' || c === 'destructive';
}

/** The category a verb says (the most dangerous list it is in), or undefined when it is no verb the lexicon knows. */
export function verbClass(word: string, inflected: boolean, agent = false): Category | undefined {
  if (verbForm(word, DESTRUCTIVE_VERBS, inflected, agent) !== undefined) return 'destructive';
  if (verbForm(word, WRITE_VERBS, inflected, agent) !== undefined) return 'write';
  if (verbForm(word, READ_VERBS, inflected, agent) !== undefined) return 'read';
  return undefined;
}

/** Name words that say an output is put somewhere ("export_to_file", "export_to_drive"). */
const PLACES: ReadonlySet<string> = new Set(['file', 'files', 'disk', 'folder', 'directory', 'dir', 'path', 'drive', 'bucket', 's3', 'storage', 'workspace']);
/** The description's opening puts the output somewhere: "to a BCF file at the given path", "save it to local disk", "into a new directory", "as a .glb file". */
const DESTINATION = /\b(?:(?:to|into|in|on|under) (?:an? |the |your |its |local |new |given |target )*(?:[\w.-]+ ){0,2}(?:files?|disk|director(?:y|ies)|folders?|filesystem|file system|path)\b|as (?:an? )?(?:[\w.-]+ ){0,2}files?\b|on disk\b|file at\b|download link\b|sav(?:e|es|ed|ing) (?:it |them |(?:an?|the) [\w.-]+ )?(?:to|into|as|under)\b)/;
/** Text formats an export's name may end with. */
const TEXT_FORMATS: ReadonlySet<string> = new Set(['markdown', 'md', 'csv', 'json', 'ndjson', 'jsonl', 'text', 'txt', 'html', 'xml', 'yaml', 'opml', 'bibtex', 'summary']);
/** How much of the description's opening may name an export's destination (later text is usage advice). */
const DESTINATION_SPAN = 200;
/** How much of the description may say that the export is handed back. */
const RETURNED_SPAN = 400;
/**
 * The description says the export comes back in the response: "returns the rendered BibTeX", "as CSV text", "as a
 * JSON array", "as one MCP-local JSON envelope" (a hyphened word before the format too), "read-only". Not a docstring's
 * "Returns:" heading, which any call has, changes included.
 */
const RETURNED = /\breturn(?:s|ed|ing)?\b(?!\s*:)|\bas (?:an? )?(?:[a-z0-9-]+ ){0,2}(?:json|csv|text|markdown|string|array|list|document|ics|bibtex|yaml|xml)\b|\bin the response\b|\bread[- ]only\b/;
/** The description opens by taking the data out of where it lives and says no more of it: "Export account data from Firefly III". */
const EXPORTED_FROM = /^exports? (?:[\w.-]+ ){0,5}from\b/;
/** An export is a read only when its description says it is handed back (or only where it comes from) and neither it nor the name names a destination (NAME_VERB, DESCRIPTION_LEAD_VERB). */
export function exportHandedBack(description: string, nameWords: readonly string[]): boolean {
  if (nameWords.some((w) => PLACES.has(w))) return false;
  // A tool that says nothing but names a text format it exports to ("export_campaign_markdown"): with no place named,
  // the text comes back.
  const unsaid = description.trim() === '' && TEXT_FORMATS.has(nameWords.at(-1) ?? '');
  const back = unsaid || RETURNED.test(description.slice(0, RETURNED_SPAN)) || EXPORTED_FROM.test(description);
  return back && !DESTINATION.test(description.slice(0, DESTINATION_SPAN));
}
/**
 * The description opens by expanding something into what it stands for, or by expanding data ("Expand a shortened link
 * back into the full URL", "Expand styles data for a stored element"), not a tree node, a panel or a pool.
 */
const EXPANDS_DATA = /^expands? (?:[\w.-]+ ){0,6}(?:into|data)\b/;
/** Change verbs that hand back what they make when the description says so: an export handed back, an expansion. */
export const HANDING_VERBS: ReadonlySet<string> = new Set(['export', 'exports', 'expand', 'expands', 'open', 'opens']);
/**
 * "Open entities by exact name. Returns the named entities …", "Open a shortcut … by name or identifier and return its
 * metadata": things opened by their names or ids are looked up and handed back; not when the opened thing takes the
 * place of another ("Open a .blend in place of the open file", "Replaces the open model").
 */
const OPENED_BY_NAME = /\bopens? (?:[a-z0-9'-]+ ){0,6}?by (?:their |its |exact |the )?(?:names?|ids?|identifiers?)\b/;
const OPENED_IN_PLACE = /\bin place of\b|\breplaces? the open\b/;
/** Whether `verb` (one of HANDING_VERBS) hands back what it makes, by the description (NAME_VERB, DESCRIPTION_LEAD_VERB). */
export function handsBack(verb: string, description: string, nameWords: readonly string[]): boolean {
  if (verb === 'export' || verb === 'exports') return exportHandedBack(description, nameWords);
  if (verb === 'open' || verb === 'opens') return OPENED_BY_NAME.test(description) && !OPENED_IN_PLACE.test(description);
  return (verb === 'expand' || verb === 'expands') && EXPANDS_DATA.test(description);
}
