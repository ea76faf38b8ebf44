// biome-ignore-all format: its word lists and tables read best packed, several items a line
// DESCRIPTION_LEAD_VERB: the verb a description opens with ("Creates a…", "Use this tool to delete…", "Read or
// replace…") says what the call does.
import { AMBIGUOUS_NAME_WORDS, ARTICLES, OBJECT_OPENERS, cancelKeepsWork, changeSense, readSense, writeSense, isChangeVerb, requestCompound, verbClass, HANDING_VERBS, handsBack, runsARead, RUN_READ_OBJECTS, DESTRUCTIVE_VERBS, WRITE_VERBS } from '../lexicon.ts';
import { strongest } from '../combine.ts';
import { leadClause, oncePerTool, splitWords } from '../signals.ts';
import type { Hit, Rule } from '../types.ts';

/** Filler that precedes the real verb in descriptions ("This tool lets you …", "Use to …"). */
const PREAMBLE: ReadonlySet<string> = new Set([
  'this', 'tool', 'tools', 'use', 'used', 'to', 'allows', 'allow', 'you', 'lets', 'let', 'helps', 'help', 'a', 'an',
  'the', 'will', 'can', 'that', 'which', 'function', 'endpoint', 'api', 'mcp', 'server', 'please', 'it', 'simply',
  'quickly', 'easily', 'directly', 'programmatically', 'securely', 'we', 'i', 'here', 'is', 'for', 'and', 'or', 'also',
  'just', 'then', 'first', 'always', 'only', 'users', 'user', 'agent', 'agents', 'ai', 'model', 'assistant', 'llm',
  'call', 'calls', 'enables', 'enable', 'provides', 'gives', 'ability', 'command', 'operation', 'tries', 'try', 'attempts',
  'manually', 'automatically', 'optionally', 'safely', 'explicitly', 'instantly', 'immediately', 'permanently',
  'atomically', 'asynchronously', 'synchronously',
]);
/** Read words that open a description as nouns ("Docs for…", "Status of…", "Usage statistics…"), never as verbs. */
const NOUNS: ReadonlySet<string> = new Set([
  'docs', 'doc', 'info', 'details', 'stats', 'history', 'logs', 'usage', 'schema', 'metadata', 'definitions', 'overview',
  'documentation', 'instructions', 'guidance', 'rules', 'status',
]);
/** Record nouns that a noun-or-verb word can name the kind of ("build info", "change history", "order details"). */
export const RECORD_NOUNS: ReadonlySet<string> = new Set(['info', 'details', 'stats', 'history', 'logs', 'usage', 'overview', 'docs', 'doc', 'documentation', 'metadata', 'definitions']);
/**
 * A word hyphened to a particle ("sign-in") or to a participle, a compound adjective ("Forward-looking Monte Carlo
 * forecast", "Long-running jobs"), or followed by ", " and the next item of a list ("stars, guest").
 */
const HYPHENED_OR_LISTED = /\b([a-z0-9]+)(?=(-(?:in|up|out|off|on|[a-z]{2,}(?:ing|ed))\b)|, ([a-z]+))/g;
/** Words that open the object of a leading "leave" ("Leave a room"; "Leave it empty" is advice, not an action). */
const LEFT_OBJECT_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'your', 'my', 'our']);
/** Preamble verbs that, when no verb follows, mean the tool hands something back. */
const OFFERS: ReadonlySet<string> = new Set(['provides', 'gives']);
const JOINERS: ReadonlySet<string> = new Set(['or', 'and', 'and/or', 'then']);
/** Verbs that put text together, and the text they hand back ("Build a deep link", "Compose a proxy string"). */
export const BUILD_VERBS: ReadonlySet<string> = new Set(['build', 'builds', 'compose', 'composes', 'construct', 'constructs', 'assemble', 'assembles']);
export const BUILT_TEXT: ReadonlySet<string> = new Set(['url', 'urls', 'uri', 'link', 'links', 'deeplink', 'deeplinks', 'string', 'strings', 'template', 'templates', 'command', 'commands', 'snippet', 'query', 'filter', 'expression', 'regex', 'payload', 'block', 'letter', 'password', 'signature', 'report', 'summary', 'preview', 'diff']);
/** Words that follow a noun, not a verb: "Books by…", "Reviews of…", "Posts from…". */
const NOUN_FOLLOWERS: ReadonlySet<string> = new Set(['by', 'of', 'from', 'for', 'in', 'on', 'with', 'per', 'and', 'or', 'that', 'which', 'since', 'about']);
/** Adverbs between "and" and its verb ("and optionally apply", "and then save"). */
const ADVERBS: ReadonlySet<string> = new Set(['optionally', 'also', 'then', 'automatically', 'immediately', 'finally', 'permanently']);
/** Words after which the opening clause speaks of what someone else can or should do ("so an agent can …"). */
const MODALS: ReadonlySet<string> = new Set(['can', 'could', 'may', 'might', 'should', 'must']);
/** Verbs of reaching something, which a joined read can be the whole point of ("Connect to … and return …"). */
const CONNECT_VERBS: ReadonlySet<string> = new Set(['connect', 'connects']);
/** An opening noun phrase led by a determiner and ended by a colon, of a length leadClause strips as a label. */
const DETERMINED_LABEL = /^(?:everything|every|all|each|one|the|a|an)\b[^:.!?\n]{0,36}:\s/;
/** A verb and the object its article opens, ended by a colon of a length leadClause strips as a label. */
const VERB_LABEL = /^\s*([A-Za-z]+) (?:the|a|an|your|all|every|this)\b[^:.!?\n]{0,30}:\s/;
/** Measures of judgement: applying them to something judges it. */
const CRITERIA: ReadonlySet<string> = new Set(['threshold', 'thresholds', 'criteria', 'criterion', 'rubric', 'rubrics', 'heuristics', 'lens']);
/** Words before a verb that make it the purpose or a further step of the call ("to add", "and save"). */
const PURPOSE: ReadonlySet<string> = new Set(['to', 'and', 'then']);

/** Chinese, Japanese and Korean script: no opening words of English are read after it. */
const CJK_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
/** Japanese kana: a clause with them is no Chinese one (Japanese puts its verb last: "ファイルを削除します"). */
const KANA = /[\u3040-\u30ff]/;
/**
 * Chinese verbs that open a description, simplified and traditional, and the English verb whose class they take
 * ("查询销售订单" queries, "删除指定单据" deletes). "查" opens every lookup (查询, 查看, 查找, 查单只股票).
 */
const CHINESE_OPENING_VERBS: ReadonlyArray<readonly [string, string]> = [
  ['查', 'query'], ['获取', 'get'], ['獲取', 'get'], ['获得', 'get'], ['取得', 'get'], ['列出', 'list'], ['列举', 'list'], ['列舉', 'list'], ['枚举', 'list'],
  ['搜索', 'search'], ['搜尋', 'search'], ['检索', 'search'], ['檢索', 'search'], ['读取', 'read'], ['讀取', 'read'], ['浏览', 'browse'], ['瀏覽', 'browse'],
  ['返回', 'return'], ['发现', 'discover'], ['对比', 'compare'], ['比较', 'compare'], ['比較', 'compare'], ['分析', 'analyze'], ['检查', 'check'], ['檢查', 'check'], ['测量', 'measure'], ['预览', 'preview'],
  ['计算', 'calculate'], ['诊断', 'diagnose'], ['评估', 'evaluate'], ['校验', 'validate'], ['验证', 'validate'], ['识别', 'identify'], ['解释', 'explain'],
  ['创建', 'create'], ['建立', 'create'], ['新建', 'create'], ['新增', 'add'], ['添加', 'add'], ['增加', 'add'], ['修改', 'modify'], ['更新', 'update'],
  ['编辑', 'edit'], ['设置', 'set'], ['设定', 'set'], ['配置', 'configure'], ['保存', 'save'], ['写入', 'write'], ['发送', 'send'], ['提交', 'submit'],
  ['上传', 'upload'], ['发布', 'publish'], ['绑定', 'bind'], ['启动', 'start'], ['启用', 'enable'], ['禁用', 'disable'], ['停用', 'disable'], ['部署', 'deploy'],
  ['安装', 'install'], ['导入', 'import'], ['审批', 'approve'], ['审核', 'approve'], ['填写', 'fill'], ['修复', 'fix'], ['注册', 'register'], ['回复', 'reply'],
  ['重命名', 'rename'], ['删除', 'delete'], ['刪除', 'delete'], ['清空', 'purge'], ['清除', 'clear'], ['移除', 'remove'], ['撤销', 'revoke'], ['撤銷', 'revoke'],
  ['撤回', 'revoke'], ['取消', 'cancel'], ['登录', 'login'], ['登錄', 'login'], ['退出登录', 'logout'], ['销毁', 'destroy'], ['卸载', 'uninstall'], ['重置', 'reset'],
  // "停止 HTTP 抓包代理" stops a proxy; "解除队列与指定交换机之间的路由绑定" unbinds a queue.
  ['停止', 'stop'], ['解除', 'unbind'],
  // "抓取网页并返回紧凑正文" fetches a page, "抽取指定函数的控制流图" extracts a graph; "移动文件到…" moves, "导出…至磁盘文件"
  // exports, "下载…" downloads (a read, as in English).
  ['抓取', 'fetch'], ['爬取', 'scrape'], ['拉取', 'fetch'], ['取回', 'retrieve'], ['解析', 'parse'], ['提取', 'extract'], ['抽取', 'extract'], ['扫描', 'scan'], ['掃描', 'scan'], ['转换', 'convert'], ['轉換', 'convert'],
  ['下载', 'download'], ['移动', 'move'], ['复制', 'copy'], ['合并', 'merge'], ['替换', 'replace'], ['插入', 'insert'], ['推送', 'push'], ['导出', 'export'],
  ['恢复', 'restore'], ['暂停', 'pause'], ['重启', 'restart'], ['关闭', 'close'],
];
/**
 * A Chinese heading that names a ranking, an alert list, a breakdown, a list or a detail view ("良率排行，回答…",
 * "**过期物料预警**：哪些在库物料已过期"): a noun phrase naming what a lookup hands back.
 */
const CHINESE_LOOKUP_HEADING = /^\**[\u4e00-\u9fff]{1,12}(?:排行|排名|预警|明细|列表|详情)\**[，：:。]/;
/** Words before a Chinese opening verb that leave it the call's act ("批量删除", "一键部署", "并发抓取一批 URL", "自动下载"). */
const CHINESE_PREFIX = /^(?:请|可|可以|用于|批量|一键|直接|并发|並發|自动|自動)?/;

/** Hangul: Korean puts its verb last ("파일 목록을 조회합니다", "… 변환합니다"). */
const HANGUL = /[\uac00-\ud7af]/;
/**
 * Korean verbs of the "noun + 하다" kind and the English verb whose class they take ("조회합니다" queries, "삭제합니다"
 * deletes), and the native verbs read, return, find and make.
 */
const KOREAN_VERBS: ReadonlyMap<string, string> = new Map([
  ['조회', 'query'], ['검색', 'search'], ['반환', 'return'], ['변환', 'convert'], ['분석', 'analyze'], ['확인', 'check'], ['계산', 'calculate'],
  ['추출', 'extract'], ['비교', 'compare'], ['검증', 'validate'], ['생성', 'create'], ['추가', 'add'], ['삽입', 'insert'], ['삭제', 'delete'],
  ['제거', 'remove'], ['수정', 'modify'], ['변경', 'change'], ['치환', 'replace'], ['저장', 'save'], ['설정', 'set'], ['전송', 'send'],
  ['등록', 'register'], ['실행', 'run'], ['로그인', 'login'], ['로그아웃', 'logout'], ['업로드', 'upload'], ['업데이트', 'update'],
  // "표 구조 연산을 원자 적용합니다" applies edits to a document.
  ['적용', 'apply'], ['읽', 'read'], ['돌려주', 'return'], ['돌려줍', 'return'], ['돌려준', 'return'], ['찾', 'find'],
  ['만들', 'create'], ['만듭', 'create'], ['만든', 'create'],
  // "셀을 채웁니다" fills, "인증 코드를 보냅니다" sends, "목록을 가져옵니다" fetches, "… 보여줍니다" shows (native verbs in their
  // polite forms); "문서를 복사합니다" copies, "셀을 병합합니다" merges, "양식 잔여물을 검사합니다" inspects, "대기 job을
  // 취소하거나 … 기록합니다" cancels or records.
  ['채우', 'fill'], ['채웁', 'fill'], ['보내', 'send'], ['보냅', 'send'], ['가져오', 'get'], ['가져옵', 'get'], ['보여주', 'show'], ['보여줍', 'show'],
  ['복사', 'copy'], ['병합', 'merge'], ['이동', 'move'], ['승인', 'approve'], ['거절', 'reject'], ['시작', 'start'], ['다운로드', 'download'],
  ['검사', 'inspect'], ['점검', 'check'], ['취소', 'cancel'], ['기록', 'record'],
]);
/** A Korean predicate: a "noun + 하다" verb, or a native verb, ending a clause or joined to the next ("조회하고 …"). */
const KOREAN_PREDICATE = /([가-힣]+?)(?:합니다|한다|하고|하여|해서|하며|습니다|는다|니다|다)(?=[\s.,;:)]|$)/g;

const KOREAN_STEMS = [...KOREAN_VERBS.keys()];

/**
 * The classes of the predicates a clause-final pattern finds in a description's opening clause (one hit a class), each
 * through the English verb its stem maps to, or none.
 */
function predicateHits(text: string, predicate: RegExp, englishOf: (stem: string) => string | undefined): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(predicate)) {
    const english = englishOf(m[1]!);
    const cls = english === undefined ? undefined : verbClass(english, true);
    if (cls !== undefined && !hits.some((h) => h.effect === cls)) hits.push({ effect: cls, matched: [m[0]], source: 'description', weight: 2 });
  }
  return hits;
}

/** The classes of the Korean predicates of a description's opening clause, or none. */
function koreanOpening(text: string): Hit[] {
  return predicateHits(text, KOREAN_PREDICATE, (word) => {
    const stem = KOREAN_STEMS.find((k) => word.endsWith(k));
    return stem === undefined ? undefined : KOREAN_VERBS.get(stem);
  });
}

/**
 * Japanese verbs of the "noun + する" kind ending a clause, and the English verb whose class they take
 * ("チャットのメッセージを取得します" gets, "… を削除します" deletes).
 */
const JAPANESE_VERBS: ReadonlyMap<string, string> = new Map([
  ['取得', 'get'], ['検索', 'search'], ['表示', 'show'], ['確認', 'check'], ['作成', 'create'], ['追加', 'add'], ['投稿', 'post'], ['登録', 'register'],
  ['変更', 'change'], ['更新', 'update'], ['編集', 'edit'], ['設定', 'set'], ['保存', 'save'], ['送信', 'send'], ['承認', 'approve'], ['拒否', 'reject'],
  ['削除', 'delete'],
  // "メッセージを既読にします" marks messages read: "…にします" makes a thing into a state.
  ['に', 'mark'],
]);
const JAPANESE_PREDICATE = new RegExp(`(${[...JAPANESE_VERBS.keys()].join('|')})(?:します|する|し、)`, 'g');

/** The classes of the Japanese predicates of a description's opening clause, or none. */
function japaneseOpening(text: string): Hit[] {
  return predicateHits(text, JAPANESE_PREDICATE, (stem) => JAPANESE_VERBS.get(stem));
}

/** The class of the Chinese verb a description opens with (or of the Korean verbs its opening clause ends with), or none. */
function chineseOpening(text: string): Hit[] {
  if (HANGUL.test(text)) return koreanOpening(text);
  if (KANA.test(text)) return japaneseOpening(text.split('。')[0]!);
  const rest = text.slice(CHINESE_PREFIX.exec(text)![0].length);
  // "保存前校验单据模型（不真正保存）": a verb before 前, 后 or 时 (before, after, when) names when, not what, the call does.
  const found = CHINESE_OPENING_VERBS.find(([zh]) => rest.startsWith(zh) && !/^[前后後时時]/.test(rest.slice(zh.length)));
  const cls = found === undefined ? undefined : verbClass(found[1], true);
  return cls === undefined ? [] : [{ effect: cls, matched: [found![0]], source: 'description', weight: 2 }];
}

/** A letter with an accent (Latin-1 and Latin Extended-A): "Récupère", "Crée", "Löscht", "Ajouté". */
const ACCENTED = /[\u00c0-\u017f]/;
/** "Met à jour la fiche": the French for "updates" is three words, "met" alone being no verb. */
const MET_A_JOUR = /^met a jour\b/;

/**
 * The opening words of a description in a Latin script read without their accents: "Récupère la fiche complète" opens
 * with "recupere", "Crée une caméra" with "cree", "Löscht den Eintrag" with "loscht" (split as they are, the accented
 * letters cut the verb apart: "r", "cup", "re"), and "Met à jour …" with "update".
 */
function latinLeadWords(clause: string, leadWords: string[]): string[] {
  if (!ACCENTED.test(clause)) return leadWords;
  const plain = clause.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u00df]/g, 'ss');
  return splitWords(MET_A_JOUR.test(plain.trimStart().toLowerCase()) ? plain.trimStart().replace(/^met a jour/i, 'update') : plain);
}

export const descriptionLeadVerb: Rule = {
  code: 'DESCRIPTION_LEAD_VERB',
  role: 'verb',
  summary:
    'The verb the description opens with ("Creates…", "Deletes…", "Lists…"), after filler such as "Use this tool to"; joined verbs ("Read or replace…", "Create and send…") count too. A Chinese, Korean or Japanese description gives its own opening verb (查询, 삭제합니다, 取得します), not English words it mentions later.',
  // Once per tool: other rules ask for the same hits.
  apply: oncePerTool((s) => {
    // "评估销售订单能否按时交货：… 至少提供 order_number": English words after a Chinese, Japanese or Korean opening are
    // names it mentions, not its verb; a Chinese opening verb is read instead.
    const clause = leadClause(s.description, true);
    const scriptAt = clause.search(CJK_SCRIPT);
    // "Read the edit buffer from the device: current preset, chain order, …", "Get a period summary for an account:
    // opening balance, total debits/credits …": a read verb and its object before a colon is the opening clause itself,
    // not a label, when what follows opens with no change ("Audit the drawing: repair every fixable problem"
    // changes, "Run a scripted walk: …" and "Follow a task: …" are no reads).
    const verbLabel = VERB_LABEL.exec(s.description);
    const labelled =
      verbLabel !== null &&
      verbClass(verbLabel[1]!.toLowerCase(), true) === 'read' &&
      !isChangeVerb(s.leadWords[0] ?? '');
    const words = labelled ? splitWords(verbLabel[0]) : scriptAt < 0 ? latinLeadWords(clause, s.leadWords) : splitWords(clause.slice(0, scriptAt));
    if (scriptAt >= 0 && words.every((w) => verbClass(w, true) === undefined)) {
      const opening = chineseOpening(clause.slice(scriptAt));
      // The heading is read from the description itself: leadClause drops a bold label ending in a colon.
      const heading = opening.length === 0 ? CHINESE_LOOKUP_HEADING.exec(s.description.trimStart()) : null;
      return heading ? [{ effect: 'read', matched: [heading[0]], source: 'description', weight: 2 }] : opening;
    }
    // "Which archives now hold the records…": a question names what comes back (NOUN_PHRASE_LEAD's), not a verb.
    if (words[0] === 'which') return [];
    // "Everything about one deputy: register by legislature, …", "One course in full: its settings, assignments …": an
    // opening before a colon that starts with a determiner is no label but the thing handed back, and what follows the
    // colon lists its parts (nouns, however many are verbs as well).
    if (DETERMINED_LABEL.test(s.description)) return [];
    let i = 0;
    while (i < words.length && i < 8 && PREAMBLE.has(words[i]!)) i++;
    const first = words[i];
    if (first === undefined || NOUNS.has(first)) return [];
    // "The links it recorded…", "A register of…": a word after an article is a noun.
    if (ARTICLES.has(words[i - 1] ?? '')) return [];
    // "Clicks/impressions/CTR per day": a word slashed to a word that is no verb heads a list of nouns ("Order/choose a
    // meal" takes an object: verbs).
    const slashed = s.description.includes(`${first}/`)
      ? new RegExp(String.raw`\b${first}/([a-z]+)(?:/[a-z]+)*\s+([a-z]+)`).exec(s.description)
      : null;
    if (slashed && verbClass(slashed[1]!, true) === undefined && !OBJECT_OPENERS.has(slashed[2]!)) return [];
    // "Share of clicks", "Schedule and retention of the policies", "Sign-in state (…)", "One hotel: stars, guest rating,
    // reviews": a noun-or-verb word before "of" (alone or joined by "and" to a word that is no verb), joined by a hyphen
    // to a particle, or heading a list of nouns, is a noun.
    const joinedNoun = words[i + 1] === 'and' && words[i + 3] === 'of' && verbClass(words[i + 2] ?? '', true) === undefined;
    // "Refund and change rules, confirmed baggage …": two noun-or-verb words joined before a record noun name its kind.
    const joinedKinds = JOINERS.has(words[i + 1] ?? '') && AMBIGUOUS_NAME_WORDS.has(words[i + 2] ?? '') && NOUNS.has(words[i + 3] ?? '');
    if (AMBIGUOUS_NAME_WORDS.has(first) && (words[i + 1] === 'of' || joinedNoun || joinedKinds)) return [];
    // "Pull requests of the repository, newest first".
    if (requestCompound(first, words[i + 1])) return [];
    // "Open interest in contracts and USD": a market's open interest (the contracts outstanding) is a noun.
    if (first === 'open' && words[i + 1] === 'interest') return [];
    // "Server build info", "Change history": a noun-or-verb word before a record noun names the record.
    if (AMBIGUOUS_NAME_WORDS.has(first) && !first.startsWith('update') && RECORD_NOUNS.has(words[i + 1] ?? '')) return [];
    // "Complete station snapshot — connection, contest": "complete" with no object after it is an adjective.
    if (first === 'complete' && !OBJECT_OPENERS.has(words[i + 1] ?? '')) return [];
    // "Start here.", "start with action index": advice on where to begin, not what the call does.
    if ((first === 'start' || first === 'begin') && ['here', 'with'].includes(words[i + 1] ?? '')) return [];
    // "Confirm the configured instance is reachable", "Confirm that the file exists": checking that something holds.
    if ((first === 'confirm' || first === 'confirms') && (['that', 'whether', 'if'].includes(words[i + 1] ?? '') || words.slice(i + 2, i + 8).some((w) => w === 'is' || w === 'are')))
      return [{ effect: 'read', matched: [first], source: 'description', weight: 2 }];
    let at: RegExpMatchArray | undefined;
    for (const m of s.description.matchAll(HYPHENED_OR_LISTED)) if (m[1] === first) { at = m; break; }
    if (at?.[2] !== undefined) return [];
    if (at?.[3] !== undefined && s.description.slice(0, at.index).includes(':') && verbClass(at[3], true) === undefined) return [];
    // "Books by one author", "Stars 1-5, text, date": the plural of a noun-or-verb word followed by a preposition or a
    // number is a noun ("Generates TypeScript types", "Posts the message" are verbs).
    const after = words[i + 1] ?? '';
    if (first.endsWith('s') && AMBIGUOUS_NAME_WORDS.has(first.slice(0, -1)) && (NOUN_FOLLOWERS.has(after) || /^\d/.test(after))) return [];
    // "Resolve a comment" changes; "Run a Lighthouse audit" reads.
    // "Run new searches to add more papers": a change named after the read it runs is still what the call is for.
    const changeAfter = words.some((w, j) => j > i + 1 && PURPOSE.has(words[j - 1]!) && isChangeVerb(w));
    const runRead = runsARead(words, i) && !changeAfter;
    // "Export records as CSV text (read-only)", "Expand styles data for an element": what is handed back is a read.
    const handedBack = HANDING_VERBS.has(first) && handsBack(first, s.description, s.nameWords);
    // "Build a PMM URL to show the user", "Build a proxy string": text built for the caller, not a thing made somewhere.
    const builtText = BUILD_VERBS.has(first) && words.slice(i + 1, i + 6).some((w) => BUILT_TEXT.has(w));
    // "Connect to the Protect event WebSocket and collect messages", "Connect to WE Multitool and return its URL":
    // connecting is the means of the read it is joined to, when no change follows.
    const connectsToRead =
      CONNECT_VERBS.has(first) &&
      !changeAfter &&
      words.slice(i + 2, i + 12).some((w, j, next) => j > 0 && next[j - 1] === 'and' && verbClass(w, true) === 'read');
    // "Leave a room.", "Leave the raid: cancel the background driver", "Leave a sticky note in a network": leaving a
    // thing (or leaving one behind) changes who belongs or what is there; "leave" is no lexicon verb because in names it
    // is as often the HR noun ("list_leave_types", "erpnext_leave_balance").
    const leaves = (first === 'leave' || first === 'leaves') && LEFT_OBJECT_OPENERS.has(words[i + 1] ?? '');
    const said = verbClass(first, true) ?? (leaves ? 'write' : undefined);
    // "Follow the citations of ONE paper": a change verb whose object is a trail to trace reads.
    const traced = said === 'write' && readSense(words, i);
    // "Create a read-only release report", "Apply read-only quality checks to CSV data": a change verb whose object is
    // a report or a check said to be read-only makes findings and changes nothing ("Create a read-only user" or "Grant
    // read-only access to the report" stays a change: a user or access is no finding).
    const readOnlyAt = words.findIndex((w, j) => j > i && j < i + 4 && w === 'read' && words[j + 1] === 'only');
    const readOnlyFinding = said === 'write' && readOnlyAt > 0 && words.slice(readOnlyAt + 2, readOnlyAt + 4).some((w) => RUN_READ_OBJECTS.has(w));
    // "Apply release-gate style SLO thresholds to an evaluation report": applying measures of judgement to something
    // judges it ("Apply a policy to the bucket", "Apply a template" stay changes).
    const judged = (first === 'apply' || first === 'applies') && words.slice(i + 1, i + 6).some((w) => CRITERIA.has(w)) && !changeAfter;
    const cls =
      (said === 'read' && changeSense(words, i)) ||
      (said === 'destructive' && (writeSense(words, i) || cancelKeepsWork(first, s.description)))
        ? 'write'
        : runRead || handedBack || builtText || connectsToRead || traced || readOnlyFinding || judged
          ? 'read'
          : said;
    if (cls === undefined) {
      // "Provides current weather for a city": a tool that provides or gives something, naming no verb, hands back data
      // (weakly).
      const offers = words.slice(0, i).find((w) => OFFERS.has(w));
      const changeLater = words.slice(i).some(isChangeVerb);
      return offers === undefined || changeLater ? [] : [{ effect: 'read', matched: [offers], source: 'description', weight: 1 }];
    }
    const hits: Hit[] = [{ effect: cls, matched: [first], source: 'description', weight: 2 }];
    // "Resolve (delete) an incident", "Show (unhide) a column": a more dangerous verb glossed in brackets says what the
    // first one, and the name's same verb, does here, as strongly as a name verb ("Delete (archive)" is not softened).
    const gloss = new RegExp(String.raw`\b${first} \(([a-z]+)\)`).exec(s.description)?.[1];
    const glossed = gloss === undefined ? undefined : verbClass(gloss, true);
    if (gloss !== undefined && glossed !== undefined && glossed !== cls && strongest([{ effect: cls }, { effect: glossed }] as Hit[]) === glossed)
      hits.push({ effect: glossed, matched: [gloss], source: 'description', weight: 3 });
    // "Read or replace the clipboard": a verb joined to the first one is part of what the tool does.
    for (let j = i + 1; j + 1 < words.length && j <= i + 4; j += 2) {
      if (!JOINERS.has(words[j]!)) break;
      const next = words[j + 1]!;
      const c = verbClass(next, true);
      if (c === undefined) break;
      // "Show or hide the application window" (show_window), "Display or change the source path": a tool offered as a
      // read or its opposite change does both, whatever read its name says; the change is as strong as the name's verb.
      // Not when the description calls the call read-only anywhere ("Read or restore a priority comparison scope …
      // get_priority_comparison_scope is read-only": a saved selection recalled).
      const either =
        (words[j] === 'or' || words[j] === 'and/or') && cls === 'read' && c !== 'read' && !AMBIGUOUS_NAME_WORDS.has(next) && !/\bread[- ]?only\b/.test(s.description);
      hits.push({ effect: c, matched: [next], source: 'description', weight: either ? 3 : 2 });
    }
    // "Download a paper and add it to the library", "Identify spam calls and (optionally) tag them", "Get loop info or
    // manage function definitions": a change joined later in the opening clause is part of what the call does. A word
    // that is as often a noun must take an object.
    for (let j = i + 2; j + 1 < words.length; j++) {
      // "… so an agent can detect and recover from…": what follows is someone else's act.
      if (MODALS.has(words[j]!)) break;
      // "Generate DAX for an SVG image measure — optionally add it": a change offered as an option after the opening is
      // one the call can make.
      if (!(PURPOSE.has(words[j]!) || words[j] === 'or' || words[j] === 'optionally') || words[j] === 'to') continue;
      let k = j + 1;
      while (k < words.length && ADVERBS.has(words[k]!)) k++;
      const next = words[k];
      // "Read the USB network setting, or turn the adapter off": turning or switching something on or off sets it.
      const state = next === 'turn' || next === 'switch' ? words.slice(k + 1, k + 5).find((w) => w === 'on' || w === 'off') : undefined;
      if (state !== undefined) {
        hits.push({ effect: 'write', matched: [`${next} ${state}`], source: 'description', weight: 2 });
        break;
      }
      if (next === undefined || !(WRITE_VERBS.has(next) || DESTRUCTIVE_VERBS.has(next))) continue;
      if (AMBIGUOUS_NAME_WORDS.has(next) && !OBJECT_OPENERS.has(words[k + 1] ?? '')) continue;
      // An alternative ("… or manage function definitions") must be a plain change verb, not a word as often a noun or a
      // request for data ("or request a snapshot"), nor the end of an aside ("(open or close)").
      if (words[j] === 'or' && (AMBIGUOUS_NAME_WORDS.has(next) || next === 'request' || s.description.includes(`or ${next})`))) continue;
      if (hits.some((h) => h.matched.includes(next))) continue;
      // "Download a paper and add it to the library": a change done to what the call just fetched ("it", "them") is as
      // strong as the name's verb.
      const toWhatItGot = ['it', 'them'].includes(words[k + 1] ?? '');
      hits.push({ effect: DESTRUCTIVE_VERBS.has(next) ? 'destructive' : 'write', matched: [next], source: 'description', weight: toWhatItGot ? 3 : 2 });
      break;
    }
    return hits;
  }),
};

/** The opening's hits that say a category (read, write or destructive). */
export function openingVerbs(s: Parameters<Rule['apply']>[0]): Hit[] {
  return descriptionLeadVerb.apply(s).filter((h) => h.effect === 'read' || h.effect === 'write' || h.effect === 'destructive');
}

/**
 * Chinese, Korean and Japanese opening verbs that only look something up or analyse: 查 (查询, 查看), 获取, 取得, 列出, 搜索,
 * 检索, 读取, 浏览, 发现, 分析, 抓取, 拉取, 取回, 提取, 抽取; 조회, 검색, 분석, 추출, 읽, 찾; 取得, 検索, 表示 (the English query,
 * get, list, search, read, browse, discover, analyze, fetch, retrieve, extract, find, show). "发现金蝶数据库中与指定 form_id
 * 对应的表" finds tables and hands them back; "抽取指定函数的控制流图 (CFG)" extracts a graph from a binary.
 */
const CJK_LOOKUP =
  /^(?:查|获取|獲取|获得|取得|列出|列举|列舉|枚举|搜索|搜尋|检索|檢索|读取|讀取|浏览|瀏覽|发现|分析|抓取|爬取|拉取|取回|提取|抽取)|(?:조회|검색|분석|추출)(?:합니다|한다|하고|하여|해서|하며|다)$|^(?:읽|찾)|^(?:取得|検索|表示)/;
/** Chinese change verbs after the opening one in the same sentence ("获取令牌并保存到本地"): the call does more. */
const CHINESE_CHANGE_LATER = new RegExp(
  `^[^。！？\\n]*?(?:并|並|然后|然後|后|後|，|、)[^。！？\\n]*?(?:${CHINESE_OPENING_VERBS.filter(([, en]) => verbClass(en, true) !== 'read').map(([zh]) => zh).join('|')})`,
);

/**
 * Whether a Chinese, Korean or Japanese description opens by only looking something up ("获取 Kafka 集群整体元数据与 Broker
 * 节点列表", "양식 문서에서 라벨 기준 인접 셀 후보를 조회합니다"), with no change verb later in its first sentence.
 */
export function cjkOpeningLooksUp(s: Parameters<Rule['apply']>[0]): boolean {
  const clause = leadClause(s.description, true);
  const scriptAt = clause.search(CJK_SCRIPT);
  if (scriptAt < 0) return false;
  const hits = openingVerbs(s);
  if (hits.length === 0 || !hits.every((h) => h.effect === 'read' && CJK_LOOKUP.test(h.matched[0] ?? ''))) return false;
  return !CHINESE_CHANGE_LATER.test(s.description.slice(s.description.search(CJK_SCRIPT)));
}

/** Whether the description's opening names a verb and every verb it names reads. */
export function openingOnlyReads(s: Parameters<Rule['apply']>[0]): boolean {
  const lead = openingVerbs(s);
  return lead.length > 0 && lead.every((h) => h.effect === 'read');
}
