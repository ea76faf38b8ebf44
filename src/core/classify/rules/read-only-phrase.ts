// READ_ONLY_PHRASE: descriptions that state the tool changes nothing ("read-only", "does not modify", "no side
// effects").
import type { Rule } from '../types.ts';

/** Exported so CODE_EXECUTION can tell a declared read-only query tool from one that runs anything. */
export const READ_ONLY_PHRASE =
  /(not |non-?|no longer )?\b(read-?only|read only|does not (?:modify|change|write|alter)|doesn't (?:modify|change|write|alter)|without (?:modifying|changing|making (?:any )?changes)|no side[- ]effects|nothing (?:is|gets|will be) (?:written|changed|modified|saved|stored)|(?:writes|changes|modifies|saves|stores) nothing|never (?:writes|modifies|changes) (?:anything|any|the|your)|without (?:storing|saving|writing|changing) anything|safe to call|(?:works|runs) offline|without (?:making )?(?:any )?(?:api|network) calls)\b/g;

/**
 * The same said in Chinese: "只读" standing as a label of its own ("只读。", "（只读）", "只读，不修改数据", "只读操作"; not
 * "只读模式下不可用", unavailable in read-only mode, nor "只读本地记录", reads only the local record), "不做任何修改"
 * ("makes no change"), "不产生任何变更", "不修改数据", "无副作用". Not "不产生任何权限" (grants no permission) nor "不修改 SQL".
 */
const CHINESE_NO_CHANGE =
  /(?:^|[。，,；;：:(（、！\s])(?:只读|唯讀)(?:操作|入口|调用|工具)?(?=[。，,；;：:)）、！]|$)|不(?:会|做|进行|会做|会进行|产生|会产生)?任何(?:修改|变更|更改|改动|写入|写操作|副作用)|不(?:会)?修改(?:任何)?(?:数据|文件|状态)|无副作用/;
/**
 * The description says of the call itself that it changes nothing: "Read-only.", "behavior: read-only", "a read-only
 * lookup", "nothing is written", "does not modify…", "render one email without saving it", in Chinese 不产生任何变更 ("makes
 * no change at all") or 不真正保存 ("does not really save"); a retired call that "always returns an error without calling
 * Odoo" does nothing at all; a sentence that counts the call's read-only acts ("Three read-only checks against the
 * stored repo record", "This is a read-only operation"), but not "It is not a read-only lookup"; "nothing is persisted"
 * ending a sentence ("Recommend an action … Synchronous deterministic compute; nothing is persisted.") or "Persists
 * nothing." opening one, but not "nothing is persisted in the preview form" nor "Stateless requests: persists nothing",
 * which speak of one mode; a sentence that opens with a read-only estimate, report, summary, audit, diagnostic or
 * inspection ("Project the cumulative GPA … Read-only estimate, not an official result."), but not one action among
 * many ("'capabilities': read-only summary of tools"); a sentence that says the call is or remains a read-only step
 * ("This remains a read-only planning step. It does not … write a file"). Not "read-only mode", "a read-only field" or
 * "not marked read-only", which speak of something else. Stricter than READ_ONLY_PHRASE: LEARNED_RAISE yields to it.
 */
const STATES_NO_CHANGE_IN_ENGLISH =
  /(?:^|[.:;(—-] |\b(?:this|the) (?:tool|call|operation) is )read[- ]?only\b(?=[.;:)—]|,? (?:and|lookup|call|check|checks|operation|tool|query|select)\b|$)|\(read[- ]?only\)|(?:^|[.:;] )reads only[.:;]|\bnothing (?:is|gets|will be) (?:(?:written|changed|modified|saved|stored)\b|persisted(?=[.;]|$))|\b(?:writes|changes|modifies|saves|stores) nothing\b|(?:^|[.!] )persists nothing\b|\b(?:does not|doesn't|never) (?:modify|modifies|change|changes|write|writes|alter|alters) (?:anything|any state|state)\b|\b(?:does not|doesn't|never) writes? (?:to (?:the )?(?:disk|file ?system|files?|repository|database)|(?:any |a )?files?|any changes)\b|\bwithout (?:storing|saving|writing|changing|modifying) anything\b|\bwithout (?:saving|storing|persisting|writing|creating) (?:it|them)\b|\bno side[- ]effects\b|\balways (?:returns|fails with|raises) an error(?= without\b|[.;]|$)|(?:^|[.:;] )(?:this is )?(?:a|an|one|two|three|four|five) read[- ]?only (?:checks?|lookups?|quer(?:y|ies)|calls?|operations?|snapshot)\b|(?:^|[.;!] )(?:pure )?read[- ]?only (?:estimate|report|summary|audit|diagnostic|inspection)s?\b|\b(?:this|it) (?:is|remains) (?:a|an) read[- ]?only (?:\w+ )?(?:step|stage|operation|lookup|query|call)\b/;
/**
 * A read-only label in another language standing as a sentence of its own ("… Modifiable via
 * `boond_resources_technical_data_update`. Lecture seule.", "Lecture seule, idempotent, sans effet de bord", "Somente
 * leitura.", "Solo lectura.", "Sola lettura.", "Nur lesend.", "Только чтение.", "読み取り専用。", "읽기 전용."), not one
 * inside a sentence ("en mode lecture seule", in read-only mode).
 */
const OTHER_LANGUAGE_READ_LABEL =
  /(?:^|[.!?。]\s*|\n\s*)(?:[Ll]ecture seule|[Ss]omente leitura|[Aa]penas leitura|[Ss][oó]lo lectura|[Ss]ola lettura|[Nn]ur lesend|[Тт]олько чтение|読み取り専用|읽기 전용)(?=[.,;:!)。]|\s*$)/;
/**
 * Other statements that the call changes nothing: "sans effet de bord", "sin efectos secundarios", "sem efeitos
 * colaterais", "senza effetti collaterali" (no side effects), and a Korean sentence that opens by saying the file or
 * the original is not written or changed ("… 초안으로 변환합니다. 파일은 쓰지 않습니다.", "원본은 수정하지 않습니다."); not one with a
 * condition before it ("dry_run=True이면 원본을 저장하지 않습니다": with dry_run set, the original is not saved).
 */
const OTHER_LANGUAGE_NO_CHANGE =
  /\b(?:sans effets? de bord|sin efectos secundarios|sem efeitos colaterais|senza effetti collaterali)\b|(?:^|[.!?]\s+)(?:파일|원본|문서)(?:은|는|을|를)? (?:쓰지|수정하지|변경하지|저장하지) 않습니다/;
/** "Does not really save" in Chinese: 不真正保存, 不会真正执行. */
const CHINESE_NOT_REALLY = /不(?:会)?真正(?:保存|写入|提交|执行)/;
export const STATES_NO_CHANGE = new RegExp(
  `${STATES_NO_CHANGE_IN_ENGLISH.source}|${CHINESE_NO_CHANGE.source}|${CHINESE_NOT_REALLY.source}|${OTHER_LANGUAGE_READ_LABEL.source}|${OTHER_LANGUAGE_NO_CHANGE.source}`,
);
/** The call spends something, whatever it says of its writes ("costs one credit", "paying any challenge"). */
export const SPENDS =
  /\b(?:costs?|consumes?|uses) (?:one |a |\d+ )?credits?\b|\bpay(?:s|ing)\b|\bcharges?\b|\bbilled\b|\bcosts money\b/;

/**
 * Name words for working out a change without making it. Verbs (and "plan", its own noun), not nouns a change acts on:
 * "commit_proposal", "send_draft" make what they name.
 */
const PLANNING_WORDS: ReadonlySet<string> = new Set([
  'plan',
  'preview',
  'simulate',
  'dry',
  'dryrun',
  'propose',
  'estimate',
]);
/**
 * The change a plan describes is not carried out: "without executing it", "never deploy", "dry-run by Google", a
 * preview of a rank "before you actually promote it", in
 * Chinese 不产生任何变更 ("makes no change at all", deployPlan).
 */
const NOT_CARRIED_OUT = new RegExp(
  String.raw`\bwithout (?:executing|running|applying|uploading|upload|deploying|sending|saving|submitting|committing|publishing|writing|making (?:any )?changes)\b|\bnever (?:deploys?|applies|apply|executes?|runs?|uploads?|sends?|saves?|submits?|commits?|writes?)\b|\bnon-writing\b|\bbefore (?:you |anyone )?actually\b|\bdry-?run by\b|\bvalidateonly\b|不产生任何(?:变更|修改)|${CHINESE_NOT_REALLY.source}`,
);
/** Above a name verb (3): the name's change word is what is planned. */
const PLANNED_WEIGHT = 4;
/**
 * Where a label about the call stands, besides the description's very start: a sentence of its own or a behaviour field
 * ("… Read-only.", "BEHAVIOR: DESTRUCTIVE."). DESTRUCTIVE_PHRASE's label stands in the same places.
 */
export const LABEL_STANDS = String.raw`[.!?]\s+|\bbehaviou?r:\s*`;
/**
 * The description labels the call read-only ("Read-only. The order to enable a catalog's taps in…", "… Read-only."),
 * also with a gloss in brackets after the label ("… Read-only (AuditLog.Read.All application permission …)", "Read-only
 * (sandbox-only mutations)."), but not one that makes an exception ("Read-only (unless apply=true)").
 */
const READ_LABEL = new RegExp(
  String.raw`(?:^\s*[[(]?|${LABEL_STANDS})read[- ]?only(?:[.:)\]]|$|\s\((?!(?:except|unless|but|when|if|apart|other than|save)\b))`,
);

/**
 * A tool named for planning whose description says the change is not carried out: the planning word and the words
 * that say so, or undefined. Exported so LEARNED_RAISE yields to it.
 */
export function plannedNotDone(s: Parameters<Rule['apply']>[0]): [string, string] | undefined {
  const planned = s.nameWords.find((w) => PLANNING_WORDS.has(w));
  if (planned === undefined || SPENDS.test(s.description)) return undefined;
  const notDone = NOT_CARRIED_OUT.exec(s.description);
  return notDone ? [planned, notDone[0]] : undefined;
}

export const readOnlyPhrase: Rule = {
  code: 'READ_ONLY_PHRASE',
  role: 'verb',
  summary:
    'Description phrases that state the call changes nothing: "read-only", "does not modify", "no side effects"; in a tool named for planning, previewing or simulating a change ("plan_budget_change: Plan (nothing is written)", "plan_create_campaign: … dry-run by Google", "never deploy"), or as a label of its own ("Read-only. …", "BEHAVIOR: READ-ONLY"), they outweigh the change its name names. Chinese statements (只读, 不做任何修改) count too.',
  apply: (s) => {
    const matched: string[] = [];
    // "plan_create_campaign: … dry-run by Google", "preview_node_tag_edit: … without upload", "hcl_plan_topology: …
    // never deploy": a tool named for planning whose description says the change is not carried out hands the plan
    // back.
    const notDone = plannedNotDone(s);
    if (notDone) return [{ effect: 'read', matched: notDone, source: 'combined', weight: PLANNED_WEIGHT }];
    for (const m of s.description.matchAll(READ_ONLY_PHRASE)) {
      if (m[1] !== undefined) return [];
      if (!matched.includes(m[2]!)) matched.push(m[2]!);
      if (matched.length >= 3) break;
    }
    const chinese = CHINESE_NO_CHANGE.exec(s.description)?.[0];
    if (chinese !== undefined) matched.push(chinese.replace(/^[^只唯不无]+/, ''));
    const foreignLabel = OTHER_LANGUAGE_READ_LABEL.exec(s.description)?.[0];
    const foreign = OTHER_LANGUAGE_NO_CHANGE.exec(s.description)?.[0];
    if (foreign !== undefined) matched.push(foreign.replace(/^[.!?\s]+/, ''));
    if (matched.length === 0 && foreignLabel === undefined) return [];
    // "ga4_plan_key_event_create: Plan (nothing is written): mark an event as a key event": a tool named for planning,
    // previewing or simulating a change that says the call itself changes nothing hands the plan back; the change it
    // names is another call's. As strong as a verb that outweighs the name's change word.
    const plan = s.nameWords.find((w) => PLANNING_WORDS.has(w));
    if (plan !== undefined && STATES_NO_CHANGE.test(s.description) && !SPENDS.test(s.description))
      return [{ effect: 'read', matched: [plan, ...matched], source: 'combined', weight: PLANNED_WEIGHT }];
    // "… Lecture seule.": a read-only label in another language is as strong as the English one.
    if (foreignLabel !== undefined && !SPENDS.test(s.description))
      return [
        {
          effect: 'read',
          matched: [foreignLabel.replace(/^[.!?。\s]+/, ''), ...matched],
          source: 'description',
          weight: PLANNED_WEIGHT,
        },
      ];
    // The description labels the call read-only: as strong as a planning name, it outweighs a name word that sounds like
    // a change ("catalog_enable_order": the order to enable taps in).
    if (READ_LABEL.test(s.description) && !SPENDS.test(s.description))
      return [
        {
          effect: 'read',
          matched: ['read-only (its opening label)', ...matched],
          source: 'description',
          weight: PLANNED_WEIGHT,
        },
      ];
    return [{ effect: 'read', matched, source: 'description', weight: 1 }];
  },
};
