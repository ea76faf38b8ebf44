// Unit tests per rule: each rule fires on the signal it is about and stays silent otherwise.
import { describe, expect, it } from 'vitest';
import { actionEnum } from '../../src/core/classify/rules/action-enum.ts';
import { bulkScope } from '../../src/core/classify/rules/bulk-scope.ts';
import { changeOnlyParam } from '../../src/core/classify/rules/change-only-param.ts';
import { codeExecution } from '../../src/core/classify/rules/code-execution.ts';
import { containerImage } from '../../src/core/classify/rules/container-image.ts';
import { descriptionLeadVerb } from '../../src/core/classify/rules/description-lead-verb.ts';
import { destructivePhrase } from '../../src/core/classify/rules/destructive-phrase.ts';
import { dispatcher } from '../../src/core/classify/rules/dispatcher.ts';
import { forceFlag } from '../../src/core/classify/rules/force-flag.ts';
import { httpMethod } from '../../src/core/classify/rules/http-method.ts';
import { nameVerb } from '../../src/core/classify/rules/name-verb.ts';
import { noActionDescribed } from '../../src/core/classify/rules/no-action-described.ts';
import { nounPhraseLead } from '../../src/core/classify/rules/noun-phrase-lead.ts';
import { changeSentence } from '../../src/core/classify/rules/change-sentence.ts';
import { outputPathParam } from '../../src/core/classify/rules/output-path-param.ts';
import { readOnlyPhrase, STATES_NO_CHANGE } from '../../src/core/classify/rules/read-only-phrase.ts';
import { sessionState } from '../../src/core/classify/rules/session-state.ts';
import { sideEffectPhrase } from '../../src/core/classify/rules/side-effect-phrase.ts';
import { capBrowser } from '../../src/core/classify/capabilities/browser.ts';
import { capCodeExecution } from '../../src/core/classify/capabilities/code-execution.ts';
import { capCredentials } from '../../src/core/classify/capabilities/credentials.ts';
import { capDatabase } from '../../src/core/classify/capabilities/database.ts';
import { capFilesystem } from '../../src/core/classify/capabilities/filesystem.ts';
import { capFinancial } from '../../src/core/classify/capabilities/financial.ts';
import { capInfrastructure } from '../../src/core/classify/capabilities/infrastructure.ts';
import { capMessaging } from '../../src/core/classify/capabilities/messaging.ts';
import { moneyBookkeeping, moneyRecords } from '../../src/core/classify/capabilities/money-records.ts';
import {
  changesAccess,
  publishes,
  sendsToPeople,
  sharesAccess,
} from '../../src/core/classify/capabilities/sends-to-people.ts';
import { capNetworkEgress } from '../../src/core/classify/capabilities/network-egress.ts';
import { capPersonalData } from '../../src/core/classify/capabilities/personal-data.ts';
import { classify, RULES } from '../../src/core/classify/index.ts';
import { learnedRaise } from '../../src/core/classify/learned.ts';
import { extractSignals, splitWords } from '../../src/core/classify/signals.ts';
import type { Rule } from '../../src/core/classify/types.ts';

const props = (p: Record<string, unknown>) => ({ type: 'object', properties: p });
const run = (rule: Rule, tool: { name: string; description?: string; inputSchema?: unknown; title?: string }) =>
  rule.apply(extractSignals(tool));
const effects = (rule: Rule, tool: Parameters<typeof run>[1]) => run(rule, tool).map((h) => h.effect);

describe('splitWords', () => {
  it.each([
    ['delete_branch', ['delete', 'branch']],
    ['deleteBranch', ['delete', 'branch']],
    ['DeleteBranch', ['delete', 'branch']],
    ['delete-branch', ['delete', 'branch']],
    ['repo.delete.branch', ['repo', 'delete', 'branch']],
    ['Delete Branch', ['delete', 'branch']],
    ['HTTPRequestSend', ['http', 'request', 'send']],
    ['get_v2Items', ['get', 'v', '2', 'items']],
  ])('%s', (name, words) => expect(splitWords(name)).toEqual(words));
});

describe('NAME_VERB', () => {
  it('"produce" in a name publishes to a stream; in a description it can make an answer', () => {
    expect(effects(nameVerb, { name: 'kafka_native_produce', description: 'Produce (kafka_native).' })).toEqual([
      'write',
    ]);
    expect(effects(nameVerb, { name: 'kafka_produce_message' })).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Produce a capital-gains report for a tax year.' }),
    ).not.toContain('write');
  });
  it('a cancellation that keeps the work done (resumable, nothing undone) is a change, not a loss', () => {
    const kept = 'Cancel a running annotation job. Already-saved rows are kept and the job is resumable.';
    expect(effects(nameVerb, { name: 'cancel_annotation_job', description: kept })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: kept })).toEqual(['write']);
    const gone = 'Cancel a running job. The job is not resumable.';
    expect(effects(nameVerb, { name: 'cancel_job', description: gone })).toEqual(['destructive']);
    const deleted = 'Delete a label (aliases are kept, just unlabelled). The label is resumable.';
    expect(effects(nameVerb, { name: 'delete_alias', description: deleted })).toEqual(['destructive']);
    const finalized =
      'Cancel an in-flight research run. It stops the run; the pipeline then finalizes whatever already completed.';
    expect(effects(nameVerb, { name: 'cancel_run', description: finalized })).not.toContain('destructive');
  });
  it('resetting a password, or turning a shape or a page, is a change, not a loss ("reset_password", "entity_rotate")', () => {
    expect(effects(nameVerb, { name: 'mealie_reset_password' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'send_password_reset' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'entity_rotate' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'reset_sandbox' })).toEqual(['destructive']);
    expect(effects(nameVerb, { name: 'rotate_webhook_secret' })).toEqual(['destructive']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Reset password for a droplet' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Rotate pages in a PDF.' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Rotate the envelope key for a version.' })).toEqual([
      'destructive',
    ]);
  });
  it('a change word after "no" or "without" is what is missing, not what the call does ("insight_expense_no_tag")', () => {
    expect(effects(nameVerb, { name: 'firefly_insight_expense_no_tag' })).toEqual([]);
    expect(effects(nameVerb, { name: 'list_orders_without_refund' })).toEqual(['read']);
    expect(effects(nameVerb, { name: 'tag_expense' })).toEqual(['write']);
  });
  it('"read" after a word that sets a state is the state set, not a read ("update_threads_read_for_user")', () => {
    expect(effects(nameVerb, { name: 'mattermost_update_threads_read_for_user' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'mark_thread_read' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'read_thread' })).toEqual(['read']);
  });
  it('"read" in a name whose description opens by marking things read is the state set ("civitae_inbox_read")', () => {
    expect(effects(nameVerb, { name: 'inbox_read', description: 'Mark inbox messages as read.' })).toEqual([]);
    expect(
      effects(nameVerb, { name: 'read_room_messages', description: 'チャットのメッセージを既読にします。' }),
    ).toEqual([]);
    // Not a marking the opening denies, nor a side effect told later.
    expect(
      effects(nameVerb, { name: 'read_messages', description: 'Read messages without marking them as read.' }),
    ).toEqual(['read']);
    expect(
      effects(nameVerb, { name: 'read_entry', description: 'Get full content of an entry (auto-marks as read).' }),
    ).toEqual(['read']);
  });
  it.each([
    ['delete_branch', 'destructive'],
    ['dropDatabase', 'destructive'],
    ['Users.Remove', 'destructive'],
    ['create-issue', 'write'],
    ['SendEmail', 'write'],
    ['list_files', 'read'],
    ['getUser', 'read'],
    // Verbs an unannotated sample showed the lexicon did not know (2026-12-04).
    ['skip_delivery', 'write'],
    ['redeliver_webhook_delivery', 'write'],
    ['initiate_transfer', 'write'],
    ['advance_cursor', 'write'],
    ['bootstrap_project', 'write'],
    ['walk_tree', 'read'],
    ['grade_essay', 'read'],
    ['disassemble_table', 'read'],
  ])('%s → %s', (name, effect) => expect(effects(nameVerb, { name })).toContain(effect));

  it('reads glued verb pairs such as createorupdate', () => {
    expect(run(nameVerb, { name: 'webtests_createorupdate' })[0]).toMatchObject({ effect: 'write', weight: 3 });
  });

  it('treats "create" of an ephemeral output as a read', () => {
    expect(effects(nameVerb, { name: 'chat_completions_create' })).toEqual(['read']);
  });

  it('gives noun-or-verb words ("label", "run") only a weak vote', () => {
    const hits = run(nameVerb, { name: 'get_pacticipant_label' });
    expect(hits.find((h) => h.effect === 'read')?.weight).toBe(3);
    expect(hits.find((h) => h.effect === 'write')?.weight).toBe(1);
  });

  it('is silent on names without verbs', () => {
    expect(run(nameVerb, { name: 'sequentialthinking' })).toEqual([]);
  });

  it('after a namespace prefix, an opening read verb outweighs later change words (its object), in the name and the title', () => {
    for (const tool of [
      { name: 'hosting_listWordPressPluginsV1' },
      { name: 'domains_getIncomingDomainMoveV1' },
      { name: 'x', title: 'Check grant expression' },
    ]) {
      const hits = run(nameVerb, tool);
      const top = Math.max(...hits.map((h) => h.weight));
      expect(hits.filter((h) => h.weight === top).map((h) => h.effect)).toEqual(['read']);
    }
  });

  it('reads "resolve" as a change when it acts on a tracked item (an issue, a comment), as a look-up otherwise', () => {
    expect(effects(nameVerb, { name: 'resolveIssue' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'resolve_pull_request_comment' })).toContain('write');
    expect(effects(nameVerb, { name: 'resolve_library_id' })).toEqual(['read']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Resolve a SonarQube issue' })).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Resolve a package name to its library id.' }),
    ).toEqual(['read']);
  });

  it('reads "follow" as a read when what follows is a trail to trace (citations, code), as a change otherwise', () => {
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Follow the citations of ONE paper, and check it.' }),
    ).toEqual(['read']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Follow the code across boundaries.' })).toEqual([
      'read',
    ]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Follow an X/Twitter user by username.' })).toEqual([
      'write',
    ]);
    expect(effects(nameVerb, { name: 'follow_citations' })).toEqual(['read']);
    expect(effects(nameVerb, { name: 'follow_user' })).toEqual(['write']);
  });

  it('merging shapes handed in, or picking a sample, reads; merging records or selecting an option changes', () => {
    for (const description of [
      'Merge two or more polygons into a single unified geometry.',
      'Selects a small random sample of local files from a directory.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['read']);
    for (const description of [
      'Merge two companies into one record.',
      'Merge a JSON patch into the user settings.',
      'Merge multiple PDF files into a single PDF file.',
      'Select an option from a dropdown.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['write']);
  });

  it('scrolling stored data (points, records, hits) pages through it; scrolling a page or a view moves it', () => {
    expect(effects(nameVerb, { name: 'qdrant_points_scroll' })).toEqual(['read']);
    expect(effects(nameVerb, { name: 'scroll_records' })).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Scroll through all points in a collection.' }),
    ).toEqual(['read']);
    expect(effects(nameVerb, { name: 'browser_scroll' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'scroll_page' })).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Scroll the page or an element into view.' }),
    ).toEqual(['write']);
  });

  it('distributing shapes on a canvas moves them; a distribution is a noun', () => {
    expect(effects(nameVerb, { name: 'distribute_elements' })).toEqual(['write']);
    expect(classify({ name: 'distribute_elements', description: 'Distribute elements evenly' }).category).toBe('write');
    expect(effects(nameVerb, { name: 'list_distributions' })).toEqual(['read']);
  });

  it('a name that maximizes or minimizes a window sets its size; minimizing a cost names no change', () => {
    expect(effects(nameVerb, { name: 'ui_maximize_window' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'computer_minimize_window' })).toEqual(['write']);
    expect(
      effects(noActionDescribed, {
        name: 'lqr_controller_design',
        description: 'Design an LQR controller. Computes the gain K that minimizes the cost function.',
      }),
    ).toEqual(['read']);
  });

  it('emitting text or rewriting a query hands the text back; emitting an event or rewriting a post acts', () => {
    for (const description of [
      'Emit a named theme as CSS custom properties (or full JSON).',
      'Emit a system instruction that forces an AI agent to write only in one pidgin.',
      'Rewrite a slow query into a cheaper, equivalent one. Returns the rewritten query.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['read']);
    for (const description of [
      'Emit a Tauri event to test event handlers.',
      'Emit step pulses on an LA channel.',
      'Rewrite a published post to improve its score.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['write']);
  });

  it('aligning shapes on a canvas moves them; aligning sequences or a paper to its versions computes a match', () => {
    expect(effects(nameVerb, { name: 'align_elements' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Align elements to a specific position.' })).toEqual([
      'write',
    ]);
    expect(classify({ name: 'align_layer', description: 'Align to the canvas: h left/center/right.' }).category).toBe(
      'write',
    );
    expect(effects(nameVerb, { name: 'align_sequences' })).toEqual(['read']);
    // The name leaves "align" bare: the description's opening gives it its object.
    const enrich = {
      name: 'align_and_enrich',
      description: 'Align preprint to published version and enrich metadata.',
    };
    expect(effects(descriptionLeadVerb, enrich)).toEqual(['read']);
    expect(effects(nameVerb, enrich)).toEqual(['read']);
    expect(classify(enrich).category).toBe('read');
  });

  it('a noun with its complement ("Insight into transfers") names what comes back; "Step into" still moves a debugger', () => {
    const insight = { name: 'insight_transfer_tag', description: 'Insight into transfers, grouped by tag.' };
    expect(effects(nameVerb, insight)).toEqual([]);
    expect(effects(nounPhraseLead, insight)).toEqual(['read']);
    expect(classify(insight).category).toBe('read');
    // The word used bare keeps its change.
    expect(
      effects(nameVerb, {
        name: 'insight_transfer',
        description: 'Insight into transfers. Transfer funds between accounts.',
      }),
    ).toContain('write');
    expect(
      classify({ name: 'step_into', description: 'Step into the next function call. Blocks until the step completes.' })
        .category,
    ).toBe('write');
  });

  it('verifying a domain has the provider record it as verified; verifying a signature checks it', () => {
    expect(effects(nameVerb, { name: 'verifyProjectDomain' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'verify_status_page_domain' })).toContain('write');
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Verify ownership of a single domain.' })).toEqual([
      'write',
    ]);
    expect(classify({ name: 'verifyProjectDomain', description: 'Verifies a project domain' }).category).toBe('write');
    expect(effects(nameVerb, { name: 'verify_signature' })).toEqual(['read']);
  });

  it('a change verb whose object is a read-only report or check makes findings ("Apply read-only quality checks")', () => {
    for (const description of [
      'Create a read-only release report for Git cleanliness and version metadata.',
      'Apply read-only quality checks to CSV, JSON, JSONL, or SQLite data.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['read']);
    // A read-only thing that is no finding is still made.
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Create a read-only database user for reporting.' }),
    ).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Grant read-only access to the quarterly report.' }),
    ).toEqual(['write']);
  });

  it('two noun-or-verb words joined before a record noun name its kind ("Refund and change rules, …")', () => {
    expect(
      effects(descriptionLeadVerb, {
        name: 'x',
        description: 'Refund and change rules, confirmed baggage per segment and entry notes of one fare.',
      }),
    ).toEqual([]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Create and update rules for a project.' })).toEqual([
      'write',
      'write',
    ]);
  });

  it('commands run to generate reports run a read; other commands run programs', () => {
    expect(
      effects(descriptionLeadVerb, {
        name: 'x',
        description:
          'Runs Azure Quick Review CLI (azqr) commands to generate compliance and security reports for Azure resources.',
      }),
    ).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Run an allowlisted test, lint or build command.' }),
    ).toEqual(['write']);
  });

  it('an opening that offers advice makes the name\'s change what the advice is about ("Provide installation instructions")', () => {
    const top = (tool: Parameters<typeof run>[1]) => {
      const hits = run(nameVerb, tool);
      const max = Math.max(...hits.map((h) => h.weight));
      return hits.filter((h) => h.weight === max).map((h) => h.effect);
    };
    expect(
      top({ name: 'extension_cli_install', description: 'Provide installation instructions for Azure CLI (az).' }),
    ).toEqual(['read']);
    expect(top({ name: 'extension_cli_install', description: 'Install the Azure CLI extension.' })).toEqual(['write']);
  });

  it('reads "detokenize" as a read: it hands back the values behind tokens', () => {
    expect(effects(nameVerb, { name: 'critical_partial_detokenize' })).toEqual(['read']);
  });

  it('reads "backtest" as a read: a strategy replayed over past data, as benchmark and forecast are', () => {
    const backtest = 'Backtest a simulation output against realised actuals. Reports the coverage and bias.';
    expect(effects(descriptionLeadVerb, { name: 'x', description: backtest })).toEqual(['read']);
  });

  it('reads "decompose" as a read: it splits what it is given into parts and hands them back', () => {
    expect(effects(nameVerb, { name: 'ladder_decompose' })).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, {
        name: 'x',
        description: 'Decompose [start, end) into month/day/hour/minute ladder segments.',
      }),
    ).toEqual(['read']);
  });

  it('a planning word right before a change verb makes a plan of it, a read ("gads_plan_create_campaign")', () => {
    for (const name of ['gads_plan_create_campaign', 'meta_plan_pause']) {
      const hits = run(nameVerb, { name });
      const top = Math.max(...hits.map((h) => h.weight));
      expect(hits.filter((h) => h.weight === top).map((h) => h.effect)).toEqual(['read']);
    }
    expect(effects(nameVerb, { name: 'create_plan' })).toEqual(['write', 'read']);
  });

  it('does not let a prefix word that is as often a noun open the name ("client_query_submit" submits)', () => {
    const hits = run(nameVerb, { name: 'client_query_submit' });
    expect(hits.find((h) => h.effect === 'write')?.weight).toBe(3);
    expect(
      run(nameVerb, { name: 'client_query_submit', description: 'Submit a query.' }).find((h) => h.effect === 'write')
        ?.weight,
    ).toBe(3);
  });

  it('lets "query" open a name after a prefix when the description opens with reading too', () => {
    const description = '查询调拨申请单（STK_TransferApply）列表。';
    const hits = run(nameVerb, { name: 'kingdee_query_transfer_apply', description });
    expect(hits.find((h) => h.effect === 'read')?.weight).toBe(3);
    expect(hits.some((h) => h.effect === 'write')).toBe(true);
    expect(hits.filter((h) => h.effect === 'write').every((h) => h.weight < 3)).toBe(true);
    expect(classify({ name: 'kingdee_query_transfer_apply', description }, { ignoreAnnotations: true }).category).toBe(
      'read',
    );
  });

  it('a destructive word after an opening read is its object when the description only reads', () => {
    const description = '자기주식취득 신탁계약 해지 결정 주요 정보를 조회합니다.';
    const hits = run(nameVerb, { name: 'get_treasury_stock_trust_terminate', description });
    expect(hits.find((h) => h.effect === 'destructive')?.weight).toBe(2);
    // Without a reading opening the destructive word keeps its full weight.
    const bare = run(nameVerb, { name: 'get_treasury_stock_trust_terminate' });
    expect(bare.find((h) => h.effect === 'destructive')?.weight).toBe(3);
  });
});

describe('NAME_VERB, an umbrella word', () => {
  it('"manage" names no operation: the operations the opening names decide, and a name word after it is its object', () => {
    const cat = (name: string, description: string) =>
      classify({ name, description }, { ignoreAnnotations: true }).category;
    expect(cat('manage_script_project', 'Create or delete an Apps Script project.')).toBe('destructive');
    expect(cat('manage_event', 'Create, read, update or delete Gramps Event records.')).toBe('destructive');
    expect(cat('manage_aws_glue_connection_types', 'Discover and describe AWS Glue connection types.')).toBe('read');
    // An opening that only repeats the umbrella word says nothing more: the name still calls it a change.
    expect(cat('manage-list-entry', 'Manage list entries with flexible action modes.')).toBe('write');
  });
});

describe('NAME_VERB, verbs joined by and', () => {
  it('a change joined to a read after a namespace prefix keeps its full weight', () => {
    expect(classify({ name: 'camunda7_fetch_and_lock', description: 'Fetch and lock external tasks.' }).category).toBe(
      'write',
    );
    const hits = run(nameVerb, { name: 'camunda7_fetch_and_lock' });
    expect(hits.find((h) => h.effect === 'write')?.weight).toBe(3);
  });
  it('"and" between nouns promotes nothing', () => {
    const hits = run(nameVerb, { name: 'kh_store_info', title: 'Shipping, returns and store rules' });
    expect(hits.filter((h) => h.effect === 'write').every((h) => h.weight === 1)).toBe(true);
  });
  it('a noun-or-verb word opening a title before a record noun is no verb, even with "and" later', () => {
    const hits = run(nameVerb, { name: 'ok_store', title: 'Store details and delivery slots' });
    expect(hits.some((h) => h.effect === 'write')).toBe(true);
    expect(hits.filter((h) => h.effect === 'write').every((h) => h.weight === 1)).toBe(true);
    const fetch = run(nameVerb, { name: 'trigger_dag_and_wait' });
    expect(fetch.find((h) => h.effect === 'write')?.weight).toBe(3);
  });
});

describe('NO_ACTION_DESCRIBED', () => {
  it('takes plurals of noun-or-verb words ("books", "posts", "orders") as things named, not changes', () => {
    expect(
      effects(noActionDescribed, {
        name: 'sb_author',
        description: 'Books and posts by one author, newest first, with their orders.',
      }),
    ).toEqual(['read']);
  });
  it('is silent when a change is named in any form', () => {
    expect(
      run(noActionDescribed, { name: 'dv_item', description: 'Ads by category, booking a slot when asked.' }),
    ).toEqual([]);
    expect(run(noActionDescribed, { name: 'get_item', description: 'Ads by category.' })).toEqual([]);
  });
  it('is silent when the tool takes a free-form body to send, not when the body declares its fields', () => {
    const free = props({ data: { type: 'object', additionalProperties: true }, accept_language: { type: 'string' } });
    expect(run(noActionDescribed, { name: 'debug_openai', description: 'Debug Openai', inputSchema: free })).toEqual(
      [],
    );
    expect(effects(noActionDescribed, { name: 'debug_openai', description: 'Debug Openai' })).toEqual(['read']);
    const list = props({ data: { type: 'array', items: props({ html: { type: 'string' } }) } });
    expect(
      effects(noActionDescribed, {
        name: 'html_markdown',
        description: 'HTML to markdown or text.',
        inputSchema: list,
      }),
    ).toEqual(['read']);
  });
});

describe('NOUN_PHRASE_LEAD', () => {
  it('a short verbless first sentence ending with a word for data names what comes back, under a name with no verb', () => {
    const lead = (name: string, description: string) => effects(nounPhraseLead, { name, description });
    expect(lead('job_metrics', 'Job-level metrics. Give `names` to read values.')).toEqual(['read']);
    expect(lead('coin_futures_data', 'Futures depth & trade data. • historical_depth — order book history.')).toEqual([
      'read',
    ]);
    expect(lead('racing_results', 'Settled AU/NZ race results. COST: 2 credits.')).toEqual(['read']);
    // What it makes is no data; a change verb that opens it, or a verb in the name, decides otherwise.
    expect(lead('particles', 'Rain, snow, sparks or ash particles.')).toEqual([]);
    expect(lead('x', 'Delete stale run results.')).toEqual([]);
    expect(lead('upload_metrics', 'Job-level metrics.')).toEqual([]);
  });
  it('reads an opening before a colon that a determiner leads as the noun phrase', () => {
    const lead = (description: string) => effects(nounPhraseLead, { name: 'racing_markets', description });
    expect(lead('Every market on ONE race: win, place, Same Race Multi Top 2/3/4.')).toEqual(['read']);
    expect(lead('Every market on ONE race is deleted: win, place.')).toEqual([]);
  });
  it("the verb of an opening question's own clause is no change the call makes", () => {
    const lead = (description: string) => effects(nounPhraseLead, { name: 'x', description });
    expect(lead('What may be started RIGHT NOW, and for everything that may not, the reason.')).toEqual(['read']);
    expect(lead('Which core/module templates a theme overrides, and which it invented.')).toEqual(['read']);
    expect(lead('What is started when the gateway boots.')).toEqual([]);
  });
  it('a yes-or-no question asks about the change it names', () => {
    const asked =
      'Does `refined` refine `abstract` (can it replace it)? Checks that the assumptions imply those of refined.';
    expect(effects(nounPhraseLead, { name: 'refines', description: asked })).toEqual(['read']);
    expect(effects(nounPhraseLead, { name: 'x', description: 'Does replace the record. Returns it.' })).toEqual([]);
  });
  it('a word that is no verb before "into" is a noun with its complement ("Insight into expenses")', () => {
    expect(effects(nounPhraseLead, { name: 'x', description: 'Insight into expenses, without tag.' })).toEqual([
      'read',
    ]);
    expect(effects(nounPhraseLead, { name: 'x', description: 'Log into the account with a password.' })).toEqual([]);
  });
  it('an opening with no verb, followed by a sentence saying what comes back, is weakly a read', () => {
    const lead = (description: string) => effects(nounPhraseLead, { name: 'x', description });
    expect(lead('Loops on one cross-section plane of a mesh, largest first. Returns JSON with the loops.')).toEqual([
      'read',
    ]);
    expect(lead('Sales revenue trend over time. Returns a line chart.')).toEqual(['read']);
    expect(lead('Archive the project. Returns its new state.')).toEqual([]);
  });
  it('a noun-or-verb word in the noun phrase, or a change in a condition on the arguments, names no change', () => {
    const lead = (description: string) => effects(nounPhraseLead, { name: 'x', description });
    expect(lead('Who wrote a paper, with their affiliation and identity link.')).toEqual(['read']);
    expect(lead('When does a band open between two grid squares?')).toEqual(['read']);
    expect(lead('Status of all venues, or one venue if venue is set.')).toEqual(['read']);
    // A change after an auxiliary, or before the condition, still names one.
    expect(lead('The link is opened in a new tab.')).toEqual([]);
    expect(lead('A new session is created if none exists.')).toEqual([]);
  });
  it('takes a description that opens with a noun phrase or a question as weakly a read', () => {
    for (const description of [
      'The chapters and lessons of a course, with their durations.',
      'Which series have files in one dataset.',
      'Timing of one channel of the last capture.',
      'Most-followed accounts, gainers and losers.',
    ]) {
      expect(run(nounPhraseLead, { name: 'x', description })).toEqual([
        expect.objectContaining({ effect: 'read', weight: 1 }),
      ]);
    }
  });
  it('is silent on an imperative opening or when the opening clause names a change', () => {
    expect(run(nounPhraseLead, { name: 'x', description: 'Bake a mesh into a texture.' })).toEqual([]);
    expect(run(nounPhraseLead, { name: 'x', description: 'A new session is created for the agent.' })).toEqual([]);
    expect(run(nounPhraseLead, { name: 'x', description: 'The tool updates the record.' })).toEqual([]);
  });
  it('takes an unknown first word tied by a preposition to what it is about as a noun phrase, not an imperative', () => {
    const lead = (description: string, name = 'competitor_pages') => effects(nounPhraseLead, { name, description });
    expect(lead('Distinct tracked pages for one competitor, newest first.')).toEqual(['read']);
    expect(lead('Old Russian terms from records, explained.', 'glossary')).toEqual(['read']);
    expect(lead('Instagram user id to username. The current handle for a numeric user id.')).toEqual(['read']);
    // An article right after the first word makes it a verb; an adverb opens an imperative; no preposition, no tie.
    expect(lead('Hold a current on the output, in amps.')).toEqual([]);
    expect(lead('Explicitly synchronize gateway targets with their upstream catalog.')).toEqual([]);
    expect(lead('Local authenticated control tower incidents.')).toEqual([]);
    // A verb in the name; a next sentence or a later one that says the change; an admitted loss.
    expect(lead('Distinct tracked pages for one competitor.', 'delete_pages')).toEqual([]);
    expect(lead('Hardware-anchored identity for agents. Manage identity and devices.')).toEqual([]);
    expect(lead('OAuth for MCP servers. Actions: login (start flow), logout (drop token).')).toEqual([]);
    expect(lead('Compact handoffs for a completed story. Keeps summaries. Removes full details.')).toEqual([]);
    expect(lead('Derive structured insight from archived chats. Rebuilding overwrites the index.')).toEqual([]);
  });
  it('takes no unknown first word for a noun phrase when the tool takes a free-form body to send', () => {
    const description = 'Escape hatch for firmware commands no tool covers. Prefer the dedicated tools.';
    const request = props({ request: { type: 'object', additionalProperties: true, description: 'A JSON command.' } });
    expect(effects(nounPhraseLead, { name: 'command', description, inputSchema: request })).toEqual([]);
    expect(effects(nounPhraseLead, { name: 'command', description })).toEqual(['read']);
  });
});

describe('running a read', () => {
  it("takes running an audit, a check or a report as a read, in a name or a description's opening", () => {
    const top = (name: string) => {
      const hits = run(nameVerb, { name });
      const w = Math.max(...hits.map((h) => h.weight));
      return hits.filter((h) => h.weight === w).map((h) => h.effect);
    };
    expect(top('runAccessibilityAudit')).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Run a Lighthouse audit of the current page.' }),
    ).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Run the standard post-analysis checks in one call.' }),
    ).toEqual(['read']);
    // A quality gate, HTTP GETs, inference, QA rules, a one-shot monitor; a code word heading a review is not a command.
    for (const description of [
      'Run the full project quality gate across schematic and board checks.',
      'Run up to 16 GETs in parallel.',
      'Run inference on a hosted model.',
      'Run a code review against the current repository.',
      'Run one QA rule by id. Returns a verdict.',
      'Run a one-shot Wi-Fi monitor for an interface.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description })).toEqual(['read']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Run a code formatter over the project.' })).toEqual([
      'write',
    ]);
  });
  it('still takes running anything else, or running a read in order to change something, as a change', () => {
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Run the nightly job.' })).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Run new searches to add more papers to the session.' }),
    ).toEqual(['write']);
  });
});

describe('HTTP_METHOD', () => {
  it('reads the method of the request a description opens with', () => {
    expect(effects(httpMethod, { name: 'x_post_verify', description: 'POST /trees/{tree_id}/verify' })).toEqual([
      'write',
    ]);
    expect(effects(httpMethod, { name: 'x', description: 'DELETE /users/{id}' })).toEqual(['destructive']);
    expect(effects(httpMethod, { name: 'x', description: 'GET /users/{id}' })).toEqual(['read']);
    expect(run(httpMethod, { name: 'x', description: 'Post a message to /general.' })).toEqual([]);
  });
  it('a method parameter of an API the call creates or updates is a field it saves, not a request it makes', () => {
    const method = { method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'] } };
    expect(effects(httpMethod, { name: 'api_request', inputSchema: props(method) })).toEqual(['destructive']);
    expect(
      run(httpMethod, { name: 'create_api', description: '创建新的 API 接口。', inputSchema: props(method) }),
    ).toEqual([]);
    expect(effects(actionEnum, { name: 'create_api', inputSchema: props(method) })).not.toContain('destructive');
    expect(effects(actionEnum, { name: 'api_request', inputSchema: props(method) })).toContain('destructive');
  });
});

describe('verbs by what they act on', () => {
  const top = (tool: { name: string; description?: string }) => {
    const hits = [...run(nameVerb, tool), ...run(descriptionLeadVerb, tool)];
    const w = Math.max(...hits.map((h) => h.weight));
    return [...new Set(hits.filter((h) => h.weight === w).map((h) => h.effect))];
  };
  it("formatting or sorting a document's parts edits it; formatting a value does not", () => {
    expect(top({ name: 'format_table', description: 'Format a table with borders and shading.' })).toEqual(['write']);
    expect(top({ name: 'sort_range', description: "Sort a range's rows by one or more columns." })).toEqual(['write']);
    expect(top({ name: 'format_date', description: 'Format a date as ISO 8601.' })).toEqual(['read']);
  });
  it('checking a checkbox ticks it; checking whether it is checked reads', () => {
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Check or uncheck a checkbox element.' })).toContain(
      'write',
    );
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Check if a checkbox is checked.' })).toEqual([
      'read',
    ]);
  });
  it('an agent noun ending a name ("router", "parser", "seller") names an entity, weakly; "reader" names what the tool does', () => {
    expect(classify({ name: 'update_live_call_router' }).category).toBe('write');
    expect(run(nameVerb, { name: 'dk_seller' }).every((h) => h.weight === 1)).toBe(true);
    expect(top({ name: 'services_reader' })).toEqual(['read']);
  });
  it('a change joined later in the opening clause counts ("… and optionally apply the fixes")', () => {
    expect(
      effects(descriptionLeadVerb, {
        name: 'x',
        description: 'Check the shelf for drift and optionally apply the safe fixes.',
      }),
    ).toEqual(['read', 'write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'List the issues and their comments.' })).toEqual([
      'read',
    ]);
    // Done to what the call fetched ("it", "them"), the change weighs as much as a name verb.
    expect(
      run(descriptionLeadVerb, { name: 'x', description: 'Download a paper and add it to the library.' }).find(
        (h) => h.effect === 'write',
      )?.weight,
    ).toBe(3);
  });
});

describe('nouns that look like verbs', () => {
  const byRules = (tool: { name: string; description?: string }) =>
    classify(tool, { rules: RULES.filter((r) => !r.code.startsWith('LEARNED_')) }).category;
  it('a noun-or-verb word before a lookup verb is its object ("purchase_order_list", "archive_inspect")', () => {
    expect(byRules({ name: 'erp_purchase_order_list' })).toBe('read');
    expect(byRules({ name: 'archive_inspect' })).toBe('read');
    expect(byRules({ name: 'refund_get' })).toBe('read');
    expect(byRules({ name: 'purchase_item' })).toBe('write');
  });
  it('a plural opening a description before a preposition or a number is a noun ("Books by…", "Stars 1-5")', () => {
    expect(run(descriptionLeadVerb, { name: 'x', description: 'Books by one author, newest first.' })).toEqual([]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Books a table for two.' })).toEqual(['write']);
  });
  it('an adverb before the opening verb is filler ("Manually refresh…", "Safely replace…")', () => {
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Manually refresh the OAuth access token.' }),
    ).toEqual(['write']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Safely replace an existing rubric after preview.' }),
    ).toEqual(['destructive']);
  });
  it('a word after an article, or slashed to a word that is no verb, opens a noun phrase', () => {
    for (const description of [
      'The links the model recorded when a node was computed.',
      'Clicks/impressions/CTR/position per day from the local history.',
    ])
      expect(run(descriptionLeadVerb, { name: 'x', description })).toEqual([]);
    // Slashed verbs that take an object are verbs.
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Order/choose a meal for the date.' })).toEqual([
      'write',
    ]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Use the tool to link two records.' })).toEqual([
      'write',
    ]);
  });
  it('a change word after a preposition in a name is its object; "open" before an acronym is a compound', () => {
    expect(byRules({ name: 'enrich_by_handle_profile' })).toBe('read');
    expect(run(nameVerb, { name: 'openai_ads_account' })).toEqual([]);
    expect(run(nameVerb, { name: 'open_file' }).map((h) => h.effect)).toEqual(['write']);
  });
  it('a change word after an adjective that picks one of several is the thing picked', () => {
    expect(run(nameVerb, { name: 'station_last_upload' })).toEqual([]);
    expect(effects(nameVerb, { name: 'get_latest_release' })).toEqual(['read']);
    expect(effects(nameVerb, { name: 'upload_last_log' })).toEqual(['write']);
  });
  it('undoing a change is a change ("undo", "unmark", "unclose")', () => {
    expect(effects(nameVerb, { name: 'unmark_done' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Undo the last edit.' })).toEqual(['write']);
    expect(run(nameVerb, { name: 'unread_count' }).map((h) => h.effect)).toEqual(['read']);
    // Undoing a destruction restores: a write, not the destruction it undoes. Words listed as destructive stay so.
    expect(effects(nameVerb, { name: 'undelete_expense' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Uncancels the order.' })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'unpublish_page' })).toEqual(['destructive']);
  });
  it('firing a rule, emitting an event, finishing a batch, hiding a window are changes', () => {
    for (const name of ['fire_rule', 'emit_event', 'finish_batch', 'hide_window', 'drain_node', 'bake_texture'])
      expect(effects(nameVerb, { name })).toContain('write');
  });
  it('throwing a signal, recycling connections, customizing a style, authenticating, expanding a tree node are changes', () => {
    for (const name of [
      'throw_event',
      'recycle_pool',
      'customize_theme',
      'authenticate_account',
      'expand_node',
      'collapse_panel',
    ])
      expect(effects(nameVerb, { name })).toContain('write');
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Recycles the idle connections of the pool.' }),
    ).toEqual(['write']);
  });
  it('spending credits, reinforcing a memory, swapping sources, associating items, recovering a job are changes', () => {
    for (const name of ['spend_credits', 'reinforce_note', 'swap_widget_sources', 'associate_ticket', 'recover_job'])
      expect(effects(nameVerb, { name })).toContain('write');
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Spends the given points on a prize.' })).toEqual([
      'write',
    ]);
  });
  it('a more dangerous verb glossed in brackets after the opening verb counts as strongly as a name verb', () => {
    const tool = { name: 'camunda7_resolve_incident', description: 'Resolve (delete) an incident.' };
    expect(effects(descriptionLeadVerb, tool)).toEqual(['write', 'destructive']);
    expect(classify(tool, { ignoreAnnotations: true }).category).toBe('destructive');
    // A softer gloss does not soften the verb.
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Delete (archive) a policy.' })).toEqual([
      'destructive',
    ]);
  });
  it('beginning a transaction, materializing a view, ungrouping, superseding, continuing and flattening are changes; solving an equation reads', () => {
    for (const name of [
      'transaction_begin',
      'begin_session',
      'materialize_element',
      'ungroup_items',
      'supersede_observation',
      'debug_continue',
      'flatten_layers',
      'bring_to_front',
      'express_interest',
    ])
      expect(effects(nameVerb, { name }), name).toContain('write');
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Begin a new transaction.' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Solve compound interest for the rate.' })).toEqual([
      'read',
    ]);
    // "Report the key's API spend" hands a report back; "Report a bug" files one.
    expect(effects(descriptionLeadVerb, { name: 'x', description: "Report the key's API spend this month." })).toEqual([
      'read',
    ]);
    expect(effects(nameVerb, { name: 'report_bug' })).toContain('write');
  });
  it('after a modal the opening speaks of someone else\'s act ("so an agent can detect and recover")', () => {
    expect(
      effects(descriptionLeadVerb, {
        name: 'health',
        description: "Report the server's health so an agent can detect and recover from problems.",
      }),
    ).toEqual(['read']);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Download a paper and add it to the library.' }),
    ).toEqual(['read', 'write']);
  });
  it('masking, unmasking and thawing a unit or layer are changes', () => {
    const verdict = (name: string, description: string) => classify({ name, description }).category;
    expect(verdict('unit_mask_tool', 'Mask a unit so it cannot be started even manually.')).toBe('write');
    expect(verdict('unit_unmask_tool', 'Unmask a previously masked unit.')).toBe('write');
    expect(verdict('layer_thaw', 'Thaw a frozen layer, making it visible and selectable again.')).toBe('write');
    // Masking data handed in redacts a copy that comes back.
    expect(verdict('mask_text', 'Mask PII in a text and return the redacted copy.')).toBe('read');
  });
  it('withdrawing, donating, freezing, unbanning, cordoning, ejecting, delegating are changes; burning is destructive', () => {
    for (const name of [
      'withdraw_contract',
      'donate_to_campaign',
      'freeze_account',
      'unban_user',
      'cordon_node',
      'eject_media',
      'delegate_task',
      'unstake_tokens',
      'dequeue_job',
      'inject_script',
    ])
      expect(effects(nameVerb, { name })).toContain('write');
    expect(effects(nameVerb, { name: 'burn_tokens' })).toContain('destructive');
    // Acquiring a lock or a place, flagging an article are changes; a flag named as a thing counts weakly.
    expect(effects(nameVerb, { name: 'acquire_place' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Flag an article as inappropriate.' })).toEqual([
      'write',
    ]);
    expect(classify({ name: 'list_feature_flags' }).category).toBe('read');
    // Words as often nouns count weakly: "mount" and "bind" name mount points and bindings too.
    expect(classify({ name: 'list_mounts' }).category).toBe('read');
    expect(classify({ name: 'get_role_bindings' }).category).toBe('read');
  });
  it('"nothing is written" and "never modifies anything" state a read', () => {
    expect(
      effects(readOnlyPhrase, { name: 'x', description: 'PLAN (nothing is written): change the budget.' }),
    ).toEqual(['read']);
    expect(effects(readOnlyPhrase, { name: 'x', description: 'Checks the hosts without storing anything.' })).toEqual([
      'read',
    ]);
  });
});

describe('CHANGE_SENTENCE', () => {
  it('skips a later "Creates a …" that only restates a read "Generate a … plan" opening', () => {
    const plan = (opening: string) =>
      effects(changeSentence, {
        name: 'generate_migration_plan',
        description: `${opening} Creates a comprehensive migration plan with phases and timeline. Returns markdown.`,
      });
    expect(plan('Generate a detailed migration plan for Chef to Ansible conversion.')).toEqual([]);
    expect(plan('Generate the cookbook inventory.')).toEqual(['write']);
  });
  it('takes a later sentence that says the call creates, stores or changes something as a change', () => {
    expect(
      effects(changeSentence, {
        name: 'convert_sheet',
        description: 'Converts an Excel file to a sheet. Creates a copy; the original is untouched.',
      }),
    ).toEqual(['write']);
    expect(
      effects(changeSentence, {
        name: 'query_graph',
        description: 'Answers a question about the graph. Persists a lookup record for later.',
      }),
    ).toEqual(['write']);
  });
  it('takes a later sentence that says the call leaves a state set (hides, changes, sets, moves something)', () => {
    expect(
      effects(changeSentence, {
        name: 'ocean',
        description: 'Animated ocean surface. Hides the flat ground while it exists.',
      }),
    ).toEqual(['write']);
    expect(
      effects(changeSentence, {
        name: 'abba_window_view',
        description: 'Sets what the window shows: its mode. Window mode only. Changes the view, not the session.',
      }),
    ).toEqual(['write']);
    expect(
      run(changeSentence, { name: 'x', description: 'List the layers. Changes are applied by set_layer.' }),
    ).toEqual([]);
  });
  it('reads two change verbs joined by "or" as sharing the object after the second', () => {
    expect(
      effects(changeSentence, {
        name: 'x',
        description: 'Report a payment to the billing webhook. Activates or deactivates a marketplace app.',
      }),
    ).toEqual(['write']);
    expect(effects(changeSentence, { name: 'x', description: 'Report a payment. Activates or deactivates.' })).toEqual(
      [],
    );
  });
  it('is silent on the first sentence, on denials, on nouns, and on verbs of how a read works', () => {
    expect(run(changeSentence, { name: 'x', description: 'Creates a copy of nothing.' })).toEqual([]);
    expect(
      run(changeSentence, { name: 'x', description: 'Lint a payload. Writes nothing; modifies no state.' }),
    ).toEqual([]);
    expect(
      run(changeSentence, { name: 'x', description: 'Get records. Records that cover the day are merged.' }),
    ).toEqual([]);
    expect(
      run(changeSentence, { name: 'x', description: 'Search papers. Sends the query to the index. Accepts a DOI.' }),
    ).toEqual([]);
  });
  it('takes a later sentence that only labels the call a change ("Mutating.", "BEHAVIOR: STATE-CHANGE.")', () => {
    expect(
      effects(changeSentence, {
        name: 'wait_frames',
        description: 'Wait N frames. BEHAVIOR: STATE-CHANGE. Sleeps the caller.',
      }),
    ).toEqual(['write']);
    expect(
      effects(changeSentence, { name: 'convert_assumption', description: 'Convert an assumption. Mutating.' }),
    ).toEqual(['write']);
    expect(
      run(changeSentence, { name: 'x', description: 'Watch a value. BEHAVIOR: READ-ONLY. Never mutating.' }),
    ).toEqual([]);
    expect(run(changeSentence, { name: 'x', description: 'List events. State changes are listed first.' })).toEqual([]);
  });
});

describe('DESCRIPTION_LEAD_VERB', () => {
  it('driving an output or shaking a camera is a change; Google Drive in a name is no verb', () => {
    const hits = (name: string, description: string) =>
      run(descriptionLeadVerb, { name, description }).map((h) => [h.effect, h.matched[0]]);
    expect(
      hits('dac_output', 'Route a DAC output (3v3, 5v, or off) and drive a calibrated DC voltage on it.'),
    ).toContainEqual(['write', 'drive']);
    expect(hits('camera_shake', 'Shake the camera at an impact, settling down over time.')).toEqual([
      ['write', 'shake'],
    ]);
    // As a name word it is as often a noun (weight 1): the name's real verb decides.
    expect(classify({ name: 'google_drive_list_files', description: 'Files in your Google Drive.' }).category).toBe(
      'read',
    );
  });
  it('a read offered with its opposite change ("Show or hide") counts the change as strongly as a name verb; turning something off is a change', () => {
    const hits = (name: string, description: string) => run(descriptionLeadVerb, { name, description });
    expect(hits('etabs_show_window', 'Show or hide the ETABS application window.')).toContainEqual(
      expect.objectContaining({ effect: 'write', matched: ['hide'], weight: 3 }),
    );
    // A call that calls itself read-only keeps the joined verb light.
    expect(
      hits('get_scope', 'Read or restore a saved comparison scope. get_scope is read-only.').find(
        (h) => h.matched[0] === 'restore',
      )?.weight,
    ).toBe(2);
    expect(hits('usb_network', "Read the pod's USB network setting, or turn the adapter off.")).toContainEqual(
      expect.objectContaining({ effect: 'write', matched: ['turn off'] }),
    );
    expect(hits('x', 'Read the setting, or turn to the next page.').map((h) => h.effect)).toEqual(['read']);
  });
  it('a Chinese, Korean or Japanese opening: its own verb, never an English word it mentions', () => {
    const lead = (description: string) => run(descriptionLeadVerb, { name: 'x', description });
    // The English words after a Chinese opening are names it mentions ("order_number"), not its verb.
    expect(lead('评估销售订单能否按时交货：对每张订单给出结论。至少提供 order_number 或 customer_name。')).toEqual([
      expect.objectContaining({ effect: 'read', matched: ['评估'] }),
    ]);
    expect(lead('查询调拨申请单（STK_TransferApply）列表。').map((h) => h.effect)).toEqual(['read']);
    expect(lead('批量删除指定单据。').map((h) => h.effect)).toEqual(['destructive']);
    expect(lead('新建或修改生产订单（PRD_MO）。').map((h) => h.effect)).toEqual(['write']);
    // A short Chinese sentence before a colon is no label.
    expect(
      lead('查询金蝶系统中的角色列表。 常用 filter_string： - 启用: "FForbidStatus=\'A\'"').map((h) => h.effect),
    ).toEqual(['read']);
    // "保存前", "提交后": before or after the verb, not the verb.
    expect(lead('保存前校验单据模型（不真正保存）。')).toEqual([]);
    expect(lead('提交后等待回测，勿重复提交。')).toEqual([]);
    // Korean and Japanese put the verb last.
    expect(lead('사진 목록을 image_grid block으로 변환합니다.').map((h) => h.effect)).toEqual(['read']);
    expect(lead('일반 표에 합계 행을 추가하고 계산 근거를 반환합니다.').map((h) => h.effect)).toEqual([
      'write',
      'read',
    ]);
    expect(lead('KUPID 포털에 로그인하고 세션을 확인합니다.').map((h) => h.effect)).toContain('write');
    expect(lead('チャットのメッセージを削除します。').map((h) => h.effect)).toEqual(['destructive']);
    // "…を既読にします" makes the messages read: a change, not a read.
    expect(lead('チャットのメッセージを既読にします。').map((h) => h.effect)).toEqual(['write']);
    // An English verb before the script still opens the description.
    expect(lead('Search 全民K歌 by keyword and return the song.').map((h) => h.effect)).toEqual(['read']);
  });
  it('building a text the caller is handed (a password, a letter block, a report) reads', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Build the STK Push Password = base64(shortcode + passkey + timestamp).')).toEqual(['read']);
    expect(lead('Build a bilingual addressee block for a business letter.')).toEqual(['read']);
    expect(lead("Build the chart's dependencies into the charts folder.")).toEqual(['write']);
  });
  it('"Connect to … and return/collect …": connecting is the means of the read, unless a change follows', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Connect to WE Multitool and return its URL and GPIO ownership map.')).toEqual(['read']);
    expect(lead('Connect to the event WebSocket and read messages for a duration.')).toEqual(['read']);
    expect(lead('Connect to the board and update the firmware.')).toContain('write');
    expect(lead('Connect a conferencing provider to the calendar.')).toEqual(['write']);
  });
  it('a change the opening calls a deletion is destructive whatever softer verb the name uses', () => {
    const v = (name: string, description: string) => classify({ name, description }, { ignoreAnnotations: true });
    expect(v('set_default_profile_image', "Delete user's profile image").category).toBe('destructive');
    expect(v('unwatch_topic', 'Delete a saved topic watch by exact topic string.').category).toBe('destructive');
    // Not a word the opening's label stripped a prefix from, nor a deletion only joined to another change.
    expect(v('restore_entity', 'Un-soft-delete a single entity, reversing a prior delete.').category).toBe('write');
    expect(v('set_task_variables', 'Update or delete task variables.').category).toBe('write');
  });
  it('"build info", "Complete station snapshot", "Start here" name no action; "Confirm … is reachable" checks', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Which archives now hold the records of a province?')).toEqual([]);
    expect(lead('Server build info and the mounted datasets.')).toEqual([]);
    expect(lead('Complete station snapshot — connection, contest, radios.')).toEqual([]);
    expect(lead('Start here. A snapshot of the organization.')).toEqual([]);
    expect(lead('Confirm the configured instance is reachable and responding.')).toEqual(['read']);
    expect(lead('Confirm that the file exists.')).toEqual(['read']);
    // A noun-or-verb word joined by "and" to a noun before "of" heads a list of nouns; joined to a verb it stays one.
    expect(lead('Schedule and retention of the backup policies in each vault.')).toEqual([]);
    expect(lead('Schedule and run of the nightly job.')).toContain('write');
    // Still verbs: with an object, or an update.
    expect(lead('Complete the task.')).toEqual(['write']);
    expect(lead('Confirm the booking.')).toEqual(['write']);
    expect(lead('Start the build.')).toEqual(['write']);
    expect(lead('Update details of a contact.')).toEqual(['write']);
  });

  it('a noun-or-verb word before "of", joined to a particle, or heading a list of nouns after a label is a noun', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Share of clicks and impressions by language.')).toEqual([]);
    expect(lead('Sign-in state, request budget and the last error.')).toEqual([]);
    expect(lead('One hotel: stars, guest rating and latest reviews.')).toEqual([]);
    // Verbs stay verbs: a list of verbs (the last one offered as an alternative counts too), a verb after a label, a verb
    // with its object.
    expect(lead('Records: create, update or delete a record.')).toEqual(['write', 'destructive']);
    expect(lead('Share the document with a colleague.')).toEqual(['write']);
    expect(lead('Sign the contract.')).toEqual(['write']);
  });
  it('skips filler before the verb', () => {
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Use this tool to delete a record.' })).toEqual([
      'destructive',
    ]);
  });
  it('accepts inflected verbs', () => {
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Creates a new issue.' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Retrieves all open pull requests.' })).toEqual([
      'read',
    ]);
  });
  it('counts joined verbs ("Read or replace")', () => {
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Read or replace the device clipboard.' })).toEqual([
      'read',
      'destructive',
    ]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Read or update the device clipboard.' })).toEqual([
      'read',
      'write',
    ]);
  });
  it('changes that take away what was there (replace, unlink, reschedule) are destructive; additive ones are writes', () => {
    for (const name of ['replace_text', 'unlink_issue', 'reschedule_booking'])
      expect(effects(nameVerb, { name })).toEqual(['destructive']);
    for (const name of ['add_link', 'create_booking', 'update_note'])
      expect(new Set(effects(nameVerb, { name }))).toEqual(new Set(['write']));
  });
  it.each([
    ['Jira: Create an issue.', 'write'],
    ['[Beta] Deletes a file', 'destructive'],
    ['**Lists** all branches', 'read'],
    ['(deprecated) Removes the cache', 'destructive'],
  ])('looks past a label or tag prefix: %s', (description, effect) => {
    expect(effects(descriptionLeadVerb, { name: 'x', description })).toEqual([effect]);
  });

  it('is silent when the description opens with a noun', () => {
    expect(run(descriptionLeadVerb, { name: 'x', description: 'Composite trust report with TLS.' })).toEqual([]);
  });

  it('reads no verb in the list after a colon that ends an opening led by a determiner', () => {
    const description = 'Everything about one deputy: register by legislature, how much and when they spoke.';
    expect(run(descriptionLeadVerb, { name: 'deputy_profile', description })).toEqual([]);
    expect(
      run(descriptionLeadVerb, { name: 'x', description: 'One course in full: its settings, assignments and roster.' }),
    ).toEqual([]);
    // A short label that is no noun phrase is still looked past.
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Jira: Register a webhook.' })).toEqual(['write']);
  });

  it('reads a read verb and its object before a colon as the opening, unless a change follows the colon', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'device_state', description });
    expect(
      lead('Read the edit buffer from the device: current preset, chain order, amp mode and parameter values.'),
    ).toEqual(['read']);
    // A change after the colon keeps the list in charge; a change verb before it is no read opening.
    expect(lead('Audit the drawing: repair every fixable structural problem, and report it.')).not.toEqual(['read']);
    expect(lead('Create a webhook for the repo: url, events and secret.')).not.toEqual(['read']);
  });

  it('applying thresholds or criteria to something judges it; applying a policy or a template changes', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Apply release-gate style SLO thresholds to an evaluation report.')).toEqual(['read']);
    expect(lead('Apply a strategic lens to a problem and return a plan.')).toEqual(['read']);
    expect(lead('Apply a bucket policy to the bucket.')).toEqual(['write']);
    expect(lead('Apply a template to a project board.')).toEqual(['write']);
    expect(lead('Apply thresholds to the alerts and save them.')).toContain('write');
  });
});

describe('ACTION_ENUM', () => {
  it('a firewall verdict (accept | drop | reject) is what the stored rule does to packets, not what the call does', () => {
    const rule = props({ action: { type: 'string', enum: ['accept', 'drop', 'reject', 'jump', 'log', 'return'] } });
    expect(run(actionEnum, { name: 'create_filter_rule', inputSchema: rule })).toEqual([]);
    const table = props({ action: { type: 'string', enum: ['create', 'drop', 'list'] } });
    expect(effects(actionEnum, { name: 'manage_table', inputSchema: table })).toContain('destructive');
  });
  it('"rotate" among other transforms of a shape turns it (a write); beside key operations it stays a loss', () => {
    const tool = (values: string[]) => ({
      name: 'transform_image',
      inputSchema: props({ action: { type: 'string', enum: values } }),
    });
    expect(effects(actionEnum, tool(['resize_canvas', 'scale', 'rotate', 'crop']))).toEqual(['write']);
    expect(effects(actionEnum, tool(['create', 'rotate', 'list']))).toEqual(['destructive', 'write', 'read']);
  });
  it('a selector naming the operation whose schema is handed back is not an operation the call runs', () => {
    const tool = (description: string) => ({
      name: 'schema',
      inputSchema: props({
        operation: { type: 'string', description, enum: ['trace.create', 'dataset.create', 'list.trace'] },
      }),
    });
    expect(run(actionEnum, tool('Write operation whose schema to return.'))).toEqual([]);
    expect(effects(actionEnum, tool('Operation to run.'))).toContain('write');
  });
  it('a value that runs a query, an audit or a check reads, as in a name', () => {
    const tool = (values: string[]) => ({
      name: 'queryMysqlDatabase',
      inputSchema: props({ action: { type: 'string', enum: values } }),
    });
    expect(effects(actionEnum, tool(['getInstanceInfo', 'runQuery']))).toEqual(['read']);
    expect(effects(actionEnum, tool(['getInstanceInfo', 'runMigration']))).toEqual(['write', 'read']);
  });
  it('a list of kinds with one verb among them ("train" among flight, bus, taxi) is not a list of operations', () => {
    const kinds = {
      name: 'find_place',
      inputSchema: props({ mode: { type: 'string', enum: ['flight', 'train', 'bus', 'taxi'] } }),
    };
    expect(run(actionEnum, kinds)).toEqual([]);
    const ops = {
      name: 'debug',
      inputSchema: props({ action: { type: 'string', enum: ['threads', 'funcs', 'func_add', 'func_remove'] } }),
    };
    expect(effects(actionEnum, ops)).toEqual(['destructive', 'write']);
  });
  it('one change word shared by values among nouns is a noun too ("post_ids", "around_post"; "train" of two kinds)', () => {
    const selection = (values: string[]) => ({
      name: 'read_topic',
      inputSchema: props({ selection_mode: { type: 'string', enum: values } }),
    });
    expect(run(actionEnum, selection(['exact', 'latest', 'around_post', 'post_ids']))).toEqual([]);
    expect(
      run(actionEnum, { name: 'more_trips', inputSchema: props({ mode: { type: 'string', enum: ['train', 'bus'] } }) }),
    ).toEqual([]);
    // Two verbs, or a destruction beside one other value, are operations.
    expect(effects(actionEnum, selection(['post', 'delete_post']))).toEqual(['destructive', 'write']);
    expect(effects(actionEnum, selection(['all', 'delete']))).toEqual(['destructive']);
    expect(effects(actionEnum, selection(['post', 'edit', 'latest']))).toEqual(['write']);
  });
  it('takes the most dangerous enum option', () => {
    const tool = {
      name: 'git_branch',
      inputSchema: props({ mode: { type: 'string', enum: ['list', 'create', 'delete'] } }),
    };
    expect(effects(actionEnum, tool)).toEqual(['destructive', 'write', 'read']);
  });
  it('reads quoted values from the selector description when there is no enum', () => {
    const tool = {
      name: 'x',
      inputSchema: props({ action: { type: 'string', description: "One of 'check' or 'update'." } }),
    };
    expect(effects(actionEnum, tool)).toContain('write');
  });
  it('ignores enums of non-selector parameters', () => {
    expect(
      run(actionEnum, { name: 'x', inputSchema: props({ format: { type: 'string', enum: ['delete', 'create'] } }) }),
    ).toEqual([]);
  });
});

describe('READ_ONLY_PHRASE', () => {
  it('a tool named for planning that says the change is not carried out is a read ("dry-run by Google", "never deploy")', () => {
    const v = (name: string, description: string) => classify({ name, description }, { ignoreAnnotations: true });
    expect(
      v('gads_plan_create_campaign', 'Plan creating one campaign, PAUSED, in one atomic request dry-run by Google.')
        .category,
    ).toBe('read');
    expect(
      v('hcl_plan_topology', 'Build a deterministic plan from a strict TopologyRequest; never deploy.').category,
    ).toBe('read');
    expect(v('preview_node_tag_edit', 'Preview a tag-only patch to one node, without upload.').category).toBe('read');
    expect(v('create_campaign', 'Create a campaign without uploading creatives.').category).not.toBe('read');
    expect(
      run(readOnlyPhrase, { name: 'plan_launch', description: 'Plan a launch; costs one credit, never deploys.' }),
    ).toEqual([]);
  });
  it('a retired call that always returns an error, a sentence counting read-only checks, "nothing is persisted" and a "Read-only estimate" label state no change', () => {
    for (const description of [
      'deprecated (removed in 2.0.0): always returns an error without calling odoo.',
      'report what graph8 knows about a repository. three read-only checks against the stored repo record: is it connected.',
      'list all gateways in the account. this is a read-only operation with no changes.',
      'return the risk summary behind it. synchronous deterministic compute; nothing is persisted.',
      'source attendees through the marketplace. persists nothing.',
      'project the cumulative gpa after a term. read-only estimate, not an official result.',
      'read-only summary of run-contract artifacts.',
    ])
      expect(STATES_NO_CHANGE.test(description), description).toBe(true);
    for (const description of [
      'download a paper and add it to the library. it is not a read-only lookup: it adds the paper.',
      'consolidates three read-only checks into one call.',
      'create the file. always returns an error if the file already exists.',
      'run a health test on one binding; nothing is persisted in the preview form.',
      'declare who you are on this connection. stateless requests: persists nothing; name yourself per call.',
      "update settings ('settings'). 'capabilities': read-only summary of tools.",
    ])
      expect(STATES_NO_CHANGE.test(description), description).toBe(false);
  });
  it('"只读" standing as a label, "不做任何修改", "不产生任何变更" say in Chinese that nothing changes', () => {
    for (const description of [
      '分析 archive 的通道统计,给出建议坏通道掩膜。只读,不修改数据。',
      '检查是否有新版本。只读，不做任何修改。',
      '计算声明式部署计划（dry-run，不产生任何变更）。',
      '预览整理计划（只读）：扫描源目录。',
    ])
      expect(STATES_NO_CHANGE.test(description), description).toBe(true);
    for (const description of [
      '在 Kafka 集群中创建新主题（只读模式下不可用）',
      '已结束的任务只读本地记录。',
      '这一步不花钱、也不产生任何权限。',
      '本 MCP 不修改 SQL。',
    ])
      expect(STATES_NO_CHANGE.test(description), description).toBe(false);
    expect(
      run(readOnlyPhrase, { name: 'profile_measure', description: '测量 archive 轮廓指标:S/N、宽度、流量等。只读。' }),
    ).toEqual([expect.objectContaining({ effect: 'read', matched: ['只读'] })]);
    expect(
      classify(
        { name: 'deploy_plan', description: '解析配置并计算部署计划（dry-run，不产生任何变更）。' },
        { ignoreAnnotations: true },
      ).category,
    ).toBe('read');
  });
  it('a description that opens with the label "Read-only." outweighs a name word that sounds like a change', () => {
    const v = classify(
      { name: 'catalog_enable_order', description: 'Read-only. The order to enable the taps of a catalog in.' },
      { ignoreAnnotations: true },
    );
    expect(v.category).toBe('read');
    expect(classify({ name: 'enable_tap', description: 'Enable a tap. Read-only taps are skipped.' }).category).toBe(
      'write',
    );
  });
  it('"Read-only." as a sentence of its own, or a behaviour field, is the same label wherever it stands', () => {
    const v = (description: string) => classify({ name: 'apply_strategy', description }, { ignoreAnnotations: true });
    expect(v('Apply a strategic lens to a problem and return a framework of questions. Read-only.').category).toBe(
      'read',
    );
    expect(v('Apply a lens to a problem. BEHAVIOR: READ-ONLY. Returns questions.').category).toBe('read');
    // Not a word inside a sentence ("Read-only fields are skipped").
    expect(v('Apply a strategy to the plan. Read-only fields are skipped.').category).toBe('write');
  });
  it('in a tool named for planning a change, a statement that nothing is written outweighs the planned change', () => {
    const planned = classify({
      name: 'meta_plan_budget_change',
      description: 'PLAN (nothing is written): change the daily budget of a campaign. Returns the plan to apply.',
    });
    expect(planned.category).toBe('read');
    expect(planned.evidence.find((e) => e.code === 'READ_ONLY_PHRASE')?.matched[0]).toBe('plan');
    // Not without the statement, nor when the call spends.
    expect(classify({ name: 'meta_plan_budget_change', description: 'Change the daily budget.' }).category).toBe(
      'write',
    );
    expect(
      run(readOnlyPhrase, {
        name: 'plan_order',
        description: 'Nothing is written, but each call is billed one credit.',
      })[0]?.weight,
    ).toBe(1);
  });
  it('a preview "without saving it" states that nothing changes, so the learned rule does not raise it', () => {
    const preview = {
      name: 'preview_registration_template',
      description: 'Render one email without saving it. Pass subject and body to preview unsaved edits.',
    };
    expect(STATES_NO_CHANGE.test(preview.description.toLowerCase())).toBe(true);
    expect(STATES_NO_CHANGE.test('send the email without saving a draft')).toBe(false);
  });
  it('fires on a read-only statement', () => {
    expect(
      effects(readOnlyPhrase, { name: 'x', description: 'Runs a read-only query without modifying data.' }),
    ).toEqual(['read']);
  });
  it('does not fire when negated', () => {
    expect(run(readOnlyPhrase, { name: 'x', description: 'This is not read-only.' })).toEqual([]);
  });
});

describe('SIDE_EFFECT_PHRASE', () => {
  it('"this records the …", "Not read only:", read and write modes and a debugger step are changes', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('Check whether this payment was seen. WARNING: this records the fingerprint.')).not.toEqual([]);
    expect(said('Read the listing and save each page. Not read only: it writes JSON files.')).not.toEqual([]);
    expect(said('Delete the index. Not read-only — permanently deletes the database.')).not.toEqual([]);
    expect(said('The field is not read-only in the editor.')).toEqual([]);
    expect(said("View any agent's profile or update your own. Supports read and write modes.")).not.toEqual([]);
    expect(said('Single-step `count` machine instructions and show where it stopped.')).not.toEqual([]);
    expect(said('Steps over to the next line of code')).not.toEqual([]);
    expect(said('Step 1 of OAuth: the URL the user must open.')).toEqual([]);
  });
  it('changes told in wording the verbs miss: a variable left in the session, a path it was saved to, what "this" sets going, a write permission, Chinese', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('Print the path to the data directory, where the generated files will be stored.')).toEqual([]);
    expect(said('Generate the chart. The chart will be stored in the data directory.')).not.toEqual([]);
    expect(
      said("Summarize the passes and assigns the conflict set to 'screening_conflicts' in the R session."),
    ).not.toEqual([]);
    expect(said('Check the references. Assigns crossref_registry to the R global environment.')).not.toEqual([]);
    expect(said('Captures the tab and returns the image, plus the path it was saved to.')).not.toEqual([]);
    expect(said('Render a gate now. This queues a render rollout of the same checkpoint.')).not.toEqual([]);
    expect(said('Sets found: false when absent. This triggers both when both calls agree.')).toEqual([]);
    expect(said('Ask for a deploy. A HUMAN MUST APPROVE; this starts nothing.')).toEqual([]);
    // Output printed rather than kept is no change; output written to a file is.
    expect(said('In follow mode its output is written to the server process stderr rather than returned.')).toEqual([]);
    expect(said('The summary is written to the project notes file.')).not.toEqual([]);
    expect(
      said('Get the children of a node. Set expand=true to expand the node first (requires write permission).'),
    ).not.toEqual([]);
    expect(
      said('Retrieve a pickup. Required authorization scope: pickup:write (the API requires write scope even here).'),
    ).toEqual([]);
    expect(said('This call does not require write access.')).toEqual([]);
    expect(said('A ref inside an ItemSpace that does not exist yet (Projection[3].x) creates it.')).not.toEqual([]);
    expect(said('Free check of a website. The first call starts it and returns report_token.')).not.toEqual([]);
    expect(said('Cross speech and network position, and their speeches saved as one library per group.')).not.toEqual(
      [],
    );
    expect(said('Read an Excel workbook. HTML saved as .xls is not a workbook.')).toEqual([]);
    expect(said('Generate a fix. Generation is asynchronous: poll get_remediation afterwards.')).not.toEqual([]);
    expect(said('Train a model. The build runs asynchronously, so poll get_dataset_status.')).not.toEqual([]);
    expect(said('Status of a task. Create/update calls are asynchronous; poll the task id they return here.')).toEqual(
      [],
    );
    expect(said('查异步任务的进度和结果，完成即把结果保存到原输出目录。')).not.toEqual([]);
    expect(said('返回内联二维码图片和对应的链接 url。不写入本地凭据，由 complete_qr_login 写入。')).toEqual([]);
  });
  it('placing or copying something on the system clipboard replaces what was there', () => {
    const clip = (description: string) => run(sideEffectPhrase, { name: 'clipboard_copy_markdown', description });
    expect(clip('Render markdown to HTML and place both formats on the system clipboard.')).not.toEqual([]);
    expect(clip('The data is likely on the clipboard already.')).toEqual([]);
    expect(clip('Returns the text without copying it to the clipboard.')).toEqual([]);
  });
  it('output said to land on disk only when it does: not "without saving anything to disk", nor "can be saved … with another_tool"', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said("List a message's attachments without saving anything to disk.")).toEqual([]);
    expect(said('Lists recent jobs. A finished job can be saved to disk with download_job.')).toEqual([]);
    expect(said('Generates the spec and writes it to disk.').length).toBe(1);
  });
  it("a write the caller opts into, with the result handed back otherwise, is not the call's side effect", () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'script', description });
    expect(
      said(
        'Return a single Python script. If save_to is given, writes the script to that path and returns {script_path}; otherwise returns {script}.',
      ),
    ).toEqual([]);
    expect(said('Return a single Python script. If save_to is given, writes the script to that path.').length).toBe(1);
    expect(said('Return a script and writes the script to the workspace; otherwise returns nothing.').length).toBe(1);
    expect(
      said(
        'If save_to is given, writes the script to that path; otherwise returns it. Every call also stores a version row.',
      ).length,
    ).toBe(1);
  });
  it('made on first use, or a pending change carried out now, is a side effect of a read-looking call', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said("Get the user's standing open invitation (created on first use; private).")).not.toEqual([]);
    expect(said('Return the default list; the API creates it, empty, the first time it is asked for.')).not.toEqual([]);
    expect(said('Recurring occurrences are created the first time a client opens after midnight.')).toEqual([]);
    expect(said('Check a pending write. If it has been approved, it is executed now (once).')).not.toEqual([]);
    expect(said('Create a template. Nothing is sent now: it is used later.')).toEqual([]);
  });
  it('an audit of the call itself is no side effect; what the call keeps still is', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(
      said('Run a SELECT query. It is recorded with the query so operators can see what an agent was doing.'),
    ).toEqual([]);
    expect(said('Check the action. The check is recorded in the tamper-evident audit chain.')).toEqual([]);
    expect(said('Rate the meal. Your rating is recorded for the cook.')).not.toEqual([]);
    // Stored in an audit record is still kept.
    expect(said('Decide the case. The sources are stored in the decision audit record.')).not.toEqual([]);
  });
  it('"every run stores …": what each call keeps is a side effect', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('The watchlist measured now. Every run stores a reading per term.')).not.toEqual([]);
    expect(said('Logs for each run that submitted records to a pipeline.')).toEqual([]);
  });
  it('content handed back for the caller to keep ("— save to disk", "ready to write to disk") is not saved by the call', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('Download your log as ADIF text. Returns the .adi file content — save to disk for import.')).toEqual(
      [],
    );
    expect(said('Returns the image as base64; the agent decides where (if anywhere) to write it to disk.')).toEqual([]);
    expect(said('Returns the markdown content ready to write to disk.')).toEqual([]);
    expect(said('Use this tool to save notes to disk.').length).toBe(1);
    expect(said('Downloads the log and saves it to disk.').length).toBe(1);
  });
  it('how data is kept ("is stored as a URL") is not something the call stores', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('Inline images are stored as a URL inside the text.')).toEqual([]);
    expect(said('Cell data is stored base64-encoded in the scene file, so read it here.')).toEqual([]);
    expect(said('Status and tier are stored free-form; anything else is kept.')).toEqual([]);
    expect(said('Sharing is stored under options but is set with set_item.')).toEqual([]);
    expect(said('The filter itself is stored in two shapes by older versions.')).toEqual([]);
    expect(said('Option IDs are stored values; labels explain them.')).toEqual([]);
    // An indirect question about what a file already holds.
    expect(
      said('Read the QVD header. Use this to know when it was refreshed and what field types are stored.'),
    ).toEqual([]);
    expect(said('An empty list means none are saved yet.')).toEqual([]);
    // A state set against another: "saved but broken", "stored but ignored".
    expect(said("If 'is_invalid_syntax' is true the query is saved but broken.")).toEqual([]);
    expect(said('Any other key is stored but ignored by these programs.')).toEqual([]);
    expect(said('Your rating is stored.').length).toBe(1);
  });
  it("a thing made automatically by another event is background, not this call's doing", () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(said('Get a job. Jobs are created automatically when workflows are executed.')).toEqual([]);
    expect(said('A new session is created automatically when you call this tool.').length).toBe(1);
    // A section named "recording" is not the call recording anything.
    expect(said('Read the guide. Sections: canvas the student controls, recording the media workflow.')).toEqual([]);
  });
  it.each([
    'If the organization has no portal yet, a new portal is created automatically.',
    'This tool automatically starts new AI analysis if needed.',
    'Creates it if it does not exist.',
    'Delx reflects the signal back, tracks the state, and suggests a move.',
    'Compare baseline and candidate runs for regressions, storing the comparison for the release check.',
  ])('%s', (description) => expect(effects(sideEffectPhrase, { name: 'x', description })).toEqual(['write']));
  it('fires when the description says the call records or persists something', () => {
    for (const description of [
      'Generates the report. The result will be saved in your workspace.',
      'Screenshots are saved to the downloads folder.',
      'Reflects on the answer and records it in the session history.',
      'Scores the attempt and updates your progress.',
      'Each call is automatically recorded.',
      'Drafts get saved when you leave the editor.',
      'Get messages sent to the bot since the last check, and mark them read.',
      'comdirect marks an unread document as read when its text is loaded.',
      "Checks all saved watches, then advances each watch's drain cursor.",
      'Detect the preferred folder, and persist it if found.',
      'Screenshot the current page, saved under the sandbox dir.',
    ])
      expect(effects(sideEffectPhrase, { name: 'x', description })).toEqual(['write']);
  });
  it('is silent when reading explicitly leaves messages unread', () => {
    for (const description of [
      'Get the email by ID. Does NOT mark the email as seen. Set markRead=true only when you want to explicitly mark the email as read.',
      'Lists unread messages without marking them as read.',
    ])
      expect(run(sideEffectPhrase, { name: 'x', description })).toEqual([]);
  });
  it('is silent when the description denies persisting, or only describes stored data', () => {
    for (const description of [
      'Previews the import. Nothing will be saved.',
      'Dry preview: no data is written to disk.',
      'Lists documents stored in the index.',
      'Checks whether the user is logged in.',
      'Returns the update state of the device.',
      'Get logged in member profile.',
      'Get saved bookmarks of the reader. Read-only.',
      'Lists the widgets. Get saved views with the view tool.',
    ])
      expect(run(sideEffectPhrase, { name: 'x', description })).toEqual([]);
  });
  it('fires on a lookup that creates what it does not find', () => {
    for (const description of ['Gets or creates a shareable link for a file.', 'Get-or-create the default project.'])
      expect(effects(sideEffectPhrase, { name: 'x', description })).toEqual(['write']);
  });
  it('is silent when the clause denies the saving or makes it a condition', () => {
    for (const description of [
      'Check hosts against the vendor patch data: nothing about the hosts is saved by the service.',
      'Read the editor buffer. read_file reports the disk state, which will be stale until the edit is saved.',
      'Health of one client, plus whether each of its secrets is stored.',
      'Returns the balance and how many payment methods are saved.',
      "The runbook's detection query is written to be run in the user's account.",
    ])
      expect(run(sideEffectPhrase, { name: 'x', description })).toEqual([]);
    // Said of the call itself, it still counts.
    expect(
      effects(sideEffectPhrase, { name: 'x', description: 'Every request that reaches the API is recorded as spend.' }),
    ).toEqual(['write']);
  });
  it('a call needed only once sets something up that stays', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    for (const description of [
      'Download one country sheet and verify its SHA-256. Needed once per country; the only tool that uses the network.',
      'Start authenticating this machine. This is required once before mobile_list_remote_devices will work.',
      'Onboard the shortcode to Bill Manager (required once before sending invoices).',
    ])
      expect(said(description).map((h) => h.effect)).toEqual(['write']);
    // Something else needed once is not the call.
    expect(said('Lists the stations. An API key is needed once per session.')).toEqual([]);
  });
  it('what the call leaves alone, set against what it changes, admits the change', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'recalculate_ledger', description });
    expect(
      said('Rebuild all cost-basis lots from the recorded transactions. Transactions themselves are not changed.').map(
        (h) => h.effect,
      ),
    ).toEqual(['write']);
    expect(said('Remove a sitemap from Search Console. The file itself is untouched.').map((h) => h.effect)).toEqual([
      'write',
    ]);
    expect(said('Recalculate the totals. The ledger is not changed.')).toEqual([]);
  });
  it("a snapshot of a workspace or machine is kept; a page's snapshot is handed back", () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'checkpoint', description });
    for (const description of [
      "Capture an instant, invisible ShadowGit snapshot of the workspace without touching the user's real .git history.",
      'Take a snapshot of a droplet',
      'Create a snapshot of the current sandbox state.',
    ])
      expect(said(description).map((h) => h.effect)).toEqual(['write']);
    expect(said('Capture accessibility snapshot of the current page, this is better than screenshot')).toEqual([]);
    expect(said('Take a text snapshot of the target page based on the a11y tree.')).toEqual([]);
  });
  it('a scene rendered to a video or an animation is a file written; one rendered to an image is handed back', () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'render', description });
    for (const description of [
      'Render the whole scene to an mp4 video.',
      'Render a time series of VTK/VTU results into an animated GIF (requires the optional pyvista extra).',
    ])
      expect(said(description).map((h) => h.effect)).toEqual(['write']);
    expect(said('Render a chart to a PNG image and return it.')).toEqual([]);
  });
  it("what the call puts on another person's screen is shown to them", () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'show_worker_image', description });
    expect(
      said("Point at something: the frame appears on the worker's page with your boxes drawn on it.").map(
        (h) => h.effect,
      ),
    ).toEqual(['write']);
    expect(said("Open the model in the gmsh GUI on the user's screen, so that they can look at it.")).toEqual([]);
  });
  it("a step the call runs that changes something, and checking in with someone, are the call's changes", () => {
    const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });
    expect(
      said(
        'Validate the repository. The push check may run `git fetch`, which updates FETCH_HEAD and remote-tracking refs.',
      ).map((h) => h.effect),
    ).toEqual(['write']);
    expect(
      said('Block until a message arrives: it returns the instant another agent writes, which removes latency.'),
    ).toEqual([]);
    expect(said('Read the label settings. Read it before update_label_settings, which changes them.')).toEqual([]);
    expect(said('Check in with AgentX: replies, unanswered messages, tasks and a suggested next action.')).not.toEqual(
      [],
    );
    expect(said('Check in the config whether the feature is enabled.')).toEqual([]);
  });
  it('is silent on plain lookups', () => {
    expect(
      run(sideEffectPhrase, { name: 'x', description: 'Returns the item, or null if it does not exist.' }),
    ).toEqual([]);
  });
});

describe('SESSION_STATE', () => {
  it('fires on a session id parameter in any casing', () => {
    expect(effects(sessionState, { name: 'x', inputSchema: props({ session_id: { type: 'string' } }) })).toEqual([
      'write',
    ]);
    expect(effects(sessionState, { name: 'x', inputSchema: props({ sessionId: { type: 'string' } }) })).toEqual([
      'write',
    ]);
  });
  it('ignores an optional session id: left out of required, or described as optional', () => {
    const optionalByRequired = {
      type: 'object',
      properties: { session_id: { type: 'string' }, goal: { type: 'string' } },
      required: ['goal'],
    };
    expect(run(sessionState, { name: 'x', inputSchema: optionalByRequired })).toEqual([]);
    expect(
      run(sessionState, {
        name: 'x',
        inputSchema: props({ session_id: { type: 'string', description: 'Optional session id to audit' } }),
      }),
    ).toEqual([]);
    const required = {
      type: 'object',
      properties: { session_id: { type: 'string', description: 'Your active session' } },
      required: ['session_id'],
    };
    expect(effects(sessionState, { name: 'x', inputSchema: required })).toEqual(['write']);
  });
  it('ignores a session id the description says can be left out ("Without session_id every request …")', () => {
    const sid = props({ session_id: { type: 'string' } });
    expect(
      run(sessionState, {
        name: 'proxy_url',
        description:
          'Build a proxy string. Without session_id every request gets a new exit IP; with session_id the same exit is kept.',
        inputSchema: sid,
      }),
    ).toEqual([]);
    expect(
      effects(sessionState, {
        name: 'proxy_url',
        description: 'Build a proxy string. With session_id the same exit is kept.',
        inputSchema: sid,
      }),
    ).toEqual(['write']);
  });
  it('ignores other session-ish parameters', () => {
    expect(run(sessionState, { name: 'x', inputSchema: props({ session_timeout: { type: 'number' } }) })).toEqual([]);
  });
  it('yields when the name and the opening both look, or the description says the call is read-only', () => {
    const sid = props({ session_id: { type: 'string' } });
    expect(
      run(sessionState, { name: 'measure_regions', description: 'Measure each plant separately.', inputSchema: sid }),
    ).toEqual([]);
    // An opening with no verb names what comes back: the name's looking verb says what the call does.
    expect(
      run(sessionState, {
        name: 'measure_thermal',
        description: "max, min, mean and median degrees Celsius over the session's mask.",
        inputSchema: sid,
      }),
    ).toEqual([]);
    expect(
      effects(sessionState, { name: 'daily_checkin', description: 'Daily wellness check-in.', inputSchema: sid }),
    ).toEqual(['write']);
    expect(
      run(sessionState, {
        name: 'gpu_counters',
        description: 'Read-only. Returns the GPU counters.',
        inputSchema: sid,
      }),
    ).toEqual([]);
    // A producing verb may add to the session's record; a change word in the name is a change.
    expect(
      effects(sessionState, {
        name: 'generate_brief',
        description: 'Generate a brief for the session.',
        inputSchema: sid,
      }),
    ).toEqual(['write']);
    expect(
      effects(sessionState, { name: 'measure_and_save', description: 'Measure the plant.', inputSchema: sid }),
    ).toEqual(['write']);
  });
  it('a noun-or-verb name word looks when the opening says so plainly; a "next" step moves the session on', () => {
    const sid = props({ session_id: { type: 'string' } });
    for (const [name, description] of [
      ['tmux_has_session', 'Check whether a session exists. Returns {"exists": bool}.'],
      ['page_take_screenshot', 'Take a screenshot of the current page.'],
    ] as const)
      expect(run(sessionState, { name, description, inputSchema: sid })).toEqual([]);
    for (const [name, description] of [
      ['orchestrator_next', 'Get the next instrumentation action after completing the current one.'],
      ['review_session', 'Review and correct the end time of one of your sessions.'],
    ] as const)
      expect(effects(sessionState, { name, description, inputSchema: sid })).toEqual(['write']);
  });
  it('a name with no verb leaves it to an opening that starts by looking something up', () => {
    const sid = { type: 'object', properties: { session_id: { type: 'string' } }, required: ['session_id'] };
    for (const [name, description] of [
      ['core.session_state', 'Inspect the artifacts and call history accumulated in a session.'],
      ['DOM_innerText', 'Get the visible text content of the node.'],
    ] as const)
      expect(run(sessionState, { name, description, inputSchema: sid })).toEqual([]);
    // Not after a label naming the tool's kind (a chat keeps its turn), nor when the caller is asked about itself.
    for (const [name, description] of [
      ['chat', 'RAG pipeline chat: retrieve relevant chunks from knowledge bases, then summarise with LLM.'],
      ['temperament_frame', 'Describe your current state across three layers.'],
    ] as const)
      expect(effects(sessionState, { name, description, inputSchema: sid })).toEqual(['write']);
  });
});

describe('CHANGE_ONLY_PARAM', () => {
  it('a recipient that filters a listing, or in a tool named as a lookup, presupposes nothing', () => {
    const recipient = (description?: string) =>
      props({ recipient: { type: 'string', ...(description !== undefined ? { description } : {}) } });
    expect(
      run(changeOnlyParam, { name: 'mail_logs', inputSchema: recipient('Filter log entries by recipient.') }),
    ).toEqual([]);
    expect(run(changeOnlyParam, { name: 'search_emails', inputSchema: recipient() })).toEqual([]);
    expect(run(changeOnlyParam, { name: 'preview_message', inputSchema: recipient('Who to contact') })).toEqual([]);
    expect(effects(changeOnlyParam, { name: 'send_email', inputSchema: recipient('Who to contact') })).toEqual([
      'write',
    ]);
    expect(effects(changeOnlyParam, { name: 'mail_compose', inputSchema: recipient() })).toEqual(['write']);
    // Addressees the call only checks ("recipient email addresses to check" whether a message reached them).
    const trace = (description: string) => ({ name: 'gmail_message_trace', description, inputSchema: recipient() });
    expect(
      run(
        changeOnlyParam,
        trace('Check whether a message reached users. recipients: recipient email addresses to check.'),
      ),
    ).toEqual([]);
    expect(effects(changeOnlyParam, trace('Forward a message. recipients: who gets it.'))).toEqual(['write']);
    // The address a read-only search looks for ("recipient: Override the address searched for").
    expect(
      run(changeOnlyParam, trace('Summarize reports. recipient: Override the address searched for (to:).')),
    ).toEqual([]);
    // Not an addressee: a dry run presupposes a change whatever the name says.
    expect(
      effects(changeOnlyParam, { name: 'list_items', inputSchema: props({ dry_run: { type: 'boolean' } }) }),
    ).toEqual(['write']);
  });
  it('a boolean switch that makes the call act (persist, apply, execute, auto_tag) presupposes a change; a text field of that name does not', () => {
    for (const name of ['persist', 'apply', 'execute', 'autoTag', 'save', 'select', 'materialize', 'upsert', 'submit'])
      expect(
        effects(changeOnlyParam, { name: 'spam_detector', inputSchema: props({ [name]: { type: 'boolean' } }) }),
        name,
      ).toEqual(['write']);
    expect(run(changeOnlyParam, { name: 'x', inputSchema: props({ apply: { type: 'string' } }) })).toEqual([]);
    expect(run(changeOnlyParam, { name: 'x', inputSchema: props({ include_saved: { type: 'boolean' } }) })).toEqual([]);
  });
  it('fires on fields that presuppose a change, in any casing', () => {
    expect(
      run(changeOnlyParam, { name: 'x', inputSchema: props({ dryRun: { type: 'boolean' } }) })[0]?.matched,
    ).toEqual(['dryRun']);
    expect(
      effects(changeOnlyParam, { name: 'x', inputSchema: props({ idempotency_key: { type: 'string' } }) }),
    ).toEqual(['write']);
    expect(effects(changeOnlyParam, { name: 'x', inputSchema: props({ 'if-match': { type: 'string' } }) })).toEqual([
      'write',
    ]);
    expect(
      effects(changeOnlyParam, {
        name: 'x',
        inputSchema: props({ recipients: { type: 'array' }, bcc: { type: 'array' } }),
      }),
    ).toEqual(['write']);
  });
  it('is silent on look-up fields, on conditional-read fields and on nested fields', () => {
    expect(
      run(changeOnlyParam, {
        name: 'x',
        inputSchema: props({ query: { type: 'string' }, if_none_match: { type: 'string' }, etag: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      run(changeOnlyParam, {
        name: 'x',
        inputSchema: props({ to: { type: 'string', description: 'Target language' } }),
      }),
    ).toEqual([]);
    expect(
      run(changeOnlyParam, {
        name: 'x',
        inputSchema: props({ filter: { type: 'object', properties: { recipient: { type: 'string' } } } }),
      }),
    ).toEqual([]);
  });
});

describe('DESTRUCTIVE_PHRASE', () => {
  it('a loss the call declines to cause is none ("fails rather than discarding", "refuses to overwrite")', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(
      said('Switch to a branch. Fails rather than discarding uncommitted changes that would be overwritten.'),
    ).toEqual([]);
    expect(said('Move a file. Refuses to overwrite an existing destination.')).toEqual([]);
    expect(said('The item is moved to the archive rather than being permanently deleted.')).toEqual([]);
    expect(said('Write the file. Overwrites an existing file.')).not.toEqual([]);
  });
  it('a loss kept from happening is none ("nothing is overwritten", "to avoid overwriting", "does NOT silently overwrite")', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Add audio to notes whose field is empty; nothing is overwritten.')).toEqual([]);
    expect(said("Update a task. Pass its updated_at to avoid overwriting another person's edit.")).toEqual([]);
    expect(said('Update contents. Needs a document_version to guard against concurrent overwrites.')).toEqual([]);
    expect(said('Update wellness. Pass locked=True to stop device sync from overwriting manual entries.')).toEqual([]);
    expect(said('Save the project. It does NOT silently overwrite concurrent edits.')).toEqual([]);
    expect(said("Won't overwrite an existing file; pick another name.")).toEqual([]);
    expect(said('Create a variable. Design columns cannot be overwritten here; use set_weight.')).toEqual([]);
    expect(said('Import the rows. Existing rows will not be overwritten.')).toEqual([]);
    expect(said('Create a variable. Any column of that name will be overwritten.')).not.toEqual([]);
    expect(said('Save the note. Overwrites the whole note.')).not.toEqual([]);
    expect(said('Imports with an existing title overwrite that chat.')).not.toEqual([]);
  });
  it('a loss in a sentence that sends the reader to another tool is that tool\'s ("Use delete_x to … permanently instead")', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Pause a trigger. Use delete_trigger to remove a trigger permanently instead.')).toEqual([]);
    expect(said('Use this tool to remove a trigger permanently.')).not.toEqual([]);
  });
  it('a whole set replaced, where what is left out is removed, is a loss', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Update a routine by replacing its exercises. Omitted exercises are removed.')).not.toEqual([]);
    expect(said('Any existing option left out of the list is deleted along with its values.')).not.toEqual([]);
    expect(said('Update an alert. Omitted fields are left unchanged.')).toEqual([]);
  });
  it('work the call throws away is a loss, not one that only follows if something else happens', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Stops Fiji: the window closes and unsaved work is lost.')).not.toEqual([]);
    expect(said('Close a workbook. By default unsaved changes are DISCARDED.'.toLowerCase())).not.toEqual([]);
    expect(said('Sync the filespace; unsynced writes are lost if the session ends before a sync.')).toEqual([]);
  });
  it('a label that calls the call destructive ("BEHAVIOR: DESTRUCTIVE.", "Destructive —"), not a note on another tool', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Write bytes to memory. BEHAVIOR: DESTRUCTIVE. Protected ranges need force=true.')[0]?.matched).toEqual(
      ['destructive (its label)'],
    );
    expect(said('Merge source tasks into a target task. Destructive: the source tasks are consumed.')).not.toEqual([]);
    expect(said('Update a DNS record. Destructive mutation; requires confirm=true after user review.')).not.toEqual([]);
    expect(said('Update an existing shared step. ⚠️ CAUTION: Destructive. Changes propagate.')).not.toEqual([]);
    expect(said('Delete the Event Hub and all its data. This is a destructive operation.')).not.toEqual([]);
    expect(said('Import objects. To replace them instead, use overwrite_saved_objects (destructive).')).toEqual([]);
    expect(said('Rename the item. This is not destructive.')).toEqual([]);
    expect(said('Run a non-destructive check. Nothing destructive happens.')).toEqual([]);
  });
  it('a replacement the description contrasts with adding is a loss ("REPLACE …, they do not append")', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(
      said('Update a person. IMPORTANT: `emails` and `company_ids` REPLACE the existing values, they do not append.'),
    ).not.toEqual([]);
    expect(said('person_ids: This replaces the existing associations, it is not additive.')).not.toEqual([]);
    expect(said('Edit a page. new_content becomes the whole body: it is not merged or appended.')).not.toEqual([]);
    expect(
      said('metadata is a complete replacement on every update — send the full blob, not a partial patch.'),
    ).not.toEqual([]);
    expect(said('Update a contact. Only the fields you pass change; tags are appended.')).toEqual([]);
    expect(said('Findings overlap, so affected_row_count is NOT additive across findings.')).toEqual([]);
  });
  it('a document opened or started in place of the open one is a loss, not a session replaced', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Open a .blend in place of the open file. Returns: the scene.')).not.toEqual([]);
    expect(said('Start a new model (replaces the open one).')).not.toEqual([]);
    expect(said('Open an existing model file (.EDB). Replaces the open model.')).not.toEqual([]);
    expect(said("Bring up the pod's CAN interface (replacing any open CAN session).")).toEqual([]);
    expect(said('Open a model file in a new window.')).toEqual([]);
  });
  it('the same loss said in another language, not one it says is avoided', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description: description.toLowerCase() });
    expect(said("Sauvegarde la scène. Écrase le fichier de l'utilisateur : seulement à sa demande.")).not.toEqual([]);
    expect(said('bake_physics=True 면 조각 물리를 키프레임으로 굽는다(되돌릴 수 없으니 먼저 snapshot).')).not.toEqual(
      [],
    );
    expect(said('把已有复刻音色升级到新版模型（不可撤回）。')).not.toEqual([]);
    expect(said('一度削除すると元に戻せません。')).not.toEqual([]);
    expect(said("Mode 'merge' — enrichit sans rien écraser.")).toEqual([]);
    expect(said('临时结果过期可能无法恢复。')).toEqual([]);
  });
  it('a later sentence whose verb is a deletion by the tool is a loss, not the plural noun "deletes"', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description: description.toLowerCase() });
    expect(said('Unlock the model so it can be edited after analysis. Deletes analysis results.')).not.toEqual([]);
    expect(said('For each type: 1. Acquires the locks. 2. Deletes every row in the cache table.')).not.toEqual([]);
    expect(said('Redo the analysis. It deletes stored results and spends money again.')).not.toEqual([]);
    expect(said('Resize rows and columns. Deletes are applied before inserts.')).toEqual([]);
    expect(said('Run a prompt. Changes are confirmed first; deletes are refused outright.')).toEqual([]);
  });
  it('a deletion after a dash or a warning label is a loss', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description: description.toLowerCase() });
    expect(
      said('Pull the guest list again. REQUIRES `confirm=True` — it DELETES every RSVP on the event.'),
    ).not.toEqual([]);
    expect(said('Initialize a disk with GPT partition table (WARNING: destroys all data).')).not.toEqual([]);
    expect(said('Refresh the guest list — additive, never deletes.')).toEqual([]);
  });
  it("a deletion listed among the call's own actions is a loss, not the plural noun or advice to the caller", () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(
      said('Switch account. Closes all active sessions, deletes saved cookies and Chrome profile, and opens a login.'),
    ).not.toEqual([]);
    expect(said('Fold one entity into another and delete the first. Moves the observations.')).not.toEqual([]);
    expect(said('Check out a cart. Decrements stock, returns an order_id, and deletes the cart.')).not.toEqual([]);
    expect(said('QSO log — recent contacts, edits, and deletes. Returns the last QSO.')).toEqual([]);
    expect(said('Save a search. To change filters, make a new search and delete the old one.')).toEqual([]);
    expect(
      said('Move an app. Copies the app settings, waits until the copy is healthy, then removes the original.'),
    ).not.toEqual([]);
    expect(
      said('Disconnect a calendar account entirely: removes the credential, revokes the OAuth token.'),
    ).not.toEqual([]);
    expect(said('Approve a stopped session. Keeps the recorded time and removes the needs_review flag.')).toEqual([]);
  });
  it('a state rolled back to a checkpoint is a loss, not a date that rolls back', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Roll the R global environment back to a checkpoint created with checkpoint_session.')).not.toEqual([]);
    expect(said('Roll the model back to a checkpoint. The model keeps its original file name.')).not.toEqual([]);
    expect(said('Do not use UTC midnight: it rolls back to the previous day in every Western timezone.')).toEqual([]);
  });
  it('a state restored to a snapshot, checkpoint or backup is a loss, not a version or revision restored', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Restore a virtual machine. Restoring from a snapshot reverts it to that state.')).not.toEqual([]);
    expect(said('Restore DNS zone to the selected snapshot.')).not.toEqual([]);
    expect(said('Restore project files from the backups of an earlier session. Files only.')).not.toEqual([]);
    expect(said('Restore a file to a selected revision (creates a new head revision).')).toEqual([]);
    expect(said('Restore a workbook to a previous version.')).toEqual([]);
  });
  it('a call that replaces what an earlier one left, and an opening that creates or replaces, are losses', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Post your public reply to a review. A second call replaces the reply.')).not.toEqual([]);
    expect(said('Emulates features on the page. Each call replaces all emulation settings.')).not.toEqual([]);
    expect(said("Create or replace a domain's rule set from YAML.")).not.toEqual([]);
    expect(said('Add or replace a chart. Returns its name and cells.')).not.toEqual([]);
    expect(said('Create a chart, or find one to replace.')).toEqual([]);
    expect(said('Replaces dozens of sequential update_call invocations with one tool call.')).toEqual([]);
  });
  it('a sent message that "cannot be taken back" or "cannot be recalled" is a loss, as "cannot be undone" is', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Text a message to guests. Real people get it at once and it cannot be taken back.')).not.toEqual([]);
    expect(said('Send an email from a template. A sent email cannot be recalled, so sending is two-step.')).not.toEqual(
      [],
    );
    expect(said('Start a background run; a run that is not stored cannot be retrieved.')).toEqual([]);
  });
  it('money the call pays out is a loss, not what another action costs nor a pay-per-call price', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Pay a BOLT11 Lightning invoice directly and get the preimage as proof.')).not.toEqual([]);
    expect(said("Send money from your business shortcode to a customer's phone.")).not.toEqual([]);
    expect(
      said('Remit tax to the revenue authority. MOVES MONEY: in live mode it needs confirm_send=true.'),
    ).not.toEqual([]);
    expect(said('Approve the reruns. 🛑 THIS SPENDS MONEY. Read get_reruns first.')).not.toEqual([]);
    expect(said('Plan a pause. Rollback reactivates what was active (that rollback spends money).')).toEqual([]);
    expect(said('Pay-per-call inference via x402 micropayments.')).toEqual([]);
    expect(said('Send a message to a customer.')).toEqual([]);
  });
  it('money refunded, captured, released as a payout, paid as the means or put in escrow is paid out', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('[Execute] Issue a refund for an order (workflow-authorized; idempotent by key)')).not.toEqual([]);
    expect(said('This tool will refund a payment intent in Stripe.')).not.toEqual([]);
    expect(said('[Execute] Capture an authorized payment (idempotent by key)')).not.toEqual([]);
    expect(said('[Execute] Release a scheduled payout (idempotent)')).not.toEqual([]);
    expect(said('Pay a business: BusinessPayBill (Paybill + account) or BusinessBuyGoods (Till).')).not.toEqual([]);
    expect(said('Fetch a URL with GET or HEAD, automatically paying any L402 challenge and retrying.')).not.toEqual([]);
    expect(said('Offer a task to a worker. On success, the all-in total is held in escrow.')).not.toEqual([]);
    expect(said('Refund and change rules, confirmed baggage per segment of one fare.')).toEqual([]);
    expect(said('Continue a batch that stopped. Never pays twice for a page already sent.')).toEqual([]);
  });
  it('programming a chip writes over what it ran; "wiping" is a loss as "wipes" is', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said("Program the DUT over SWD through the pod's CMSIS-DAP probe.")).not.toEqual([]);
    expect(said("Reprogram the pod's FPGA with another stored gateware image.")).not.toEqual([]);
    expect(said('Flash news. newsflash: AiCoin flash news.')).toEqual([]);
    expect(said('Flash the LED three times so the board can be found.')).toEqual([]);
    expect(
      said('Deep cleanup. Pass keep_library=true to keep the library file while wiping everything else.'),
    ).not.toEqual([]);
  });
  it('a set whose omitted members are removed or retired is a loss; "permanently" with a change or make is lasting', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(
      said('Apply a manifest. Any field this tool previously set and the new manifest omits is removed.'),
    ).not.toEqual([]);
    expect(
      said('Update a field. choices is the complete desired active label list; missing labels are retired.'),
    ).not.toEqual([]);
    expect(said('Create a rule. Use this to permanently change classification for FUTURE messages.')).toEqual([]);
    expect(said('Store a skill, making it permanently available for recall.')).toEqual([]);
    expect(said('Permanently delete the project.')).not.toEqual([]);
  });
  it('members "not present" that are emptied, or omitted ones the call deletes, are a loss', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(
      said(
        'Update an alert. `scope` replaces the WHOLE scope object — sub-lists not present in your payload will be emptied.',
      ),
    ).not.toEqual([]);
    expect(said('Save an agent. Always send the complete set (1–5). Omitting a behavior deletes it.')).not.toEqual([]);
    expect(said('Update a webhook. Fields not present in the request keep their values.')).toEqual([]);
    expect(said('Omitting the name leaves it unchanged.')).toEqual([]);
  });
  it('"the deletion is permanent" is a loss', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Disable one skill by deleting its binding; the deletion is permanent.')).not.toEqual([]);
    expect(said('Make all changes permanent.')).toEqual([]);
  });
  it("a loss the call is a safeguard against, or another tool's, is none", () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Save the file. If it exists it would be overwritten.')).not.toEqual([]);
    expect(
      said('Save a snapshot of the environment. Use this BEFORE risky operations: overwriting or removing objects.'),
    ).toEqual([]);
    expect(
      said('This route takes no overwrite flag -- use ``evaluate_test`` when you need to overwrite existing results.'),
    ).toEqual([]);
    expect(said('Save the document. Use this to overwrite the current file.')).not.toEqual([]);
    expect(said('Save the document; omit path to overwrite the current file.')).not.toEqual([]);
  });
  it('fires on lasting loss', () => {
    expect(
      run(destructivePhrase, { name: 'x', description: 'Completely overwrites the file. This cannot be undone.' })[0]
        ?.matched,
    ).toEqual(['overwrites', 'cannot be undone']);
  });
  it('respects negation', () => {
    expect(run(destructivePhrase, { name: 'x', description: 'Never overwrites existing files.' })).toEqual([]);
  });
  it('a loss that belongs to the tool pointed to, or "permanently" qualifying a keep, is not this call\'s loss', () => {
    const said = (description: string) => run(destructivePhrase, { name: 'x', description });
    expect(said('Extracts pages. For permanently removing pages from the original, use delete_pages instead.')).toEqual(
      [],
    );
    expect(said('Reads tiles. To place, erase, or clear tiles, use tilemap_edit instead.')).toEqual([]);
    expect(said('Disables a tracker. To permanently remove one, contact the vendor support team.')).toEqual([]);
    expect(said('Download a paper and add it PERMANENTLY to the library.'.toLowerCase())).toEqual([]);
    expect(said('Every paper is stored permanently in the database.')).toEqual([]);
    // The call's own loss still counts, even when a pointer follows in another sentence.
    expect(said('Permanently deletes the page. To keep a copy, use export_page instead.')[0]?.matched).toEqual([
      'permanently',
      'deletes (its opening verb)',
    ]);
    expect(said('Wipes the canvas and starts over (a new document) - use add_page instead')[0]?.matched).toEqual([
      'wipes',
    ]);
  });
});

describe('CODE_EXECUTION', () => {
  it('a cURL command is parsed into a request, and a command to be judged is looked at: neither runs', () => {
    const curl = {
      name: 'run_test_api',
      description: 'Test a given API service from a shared cURL command; it will be structured into a request.',
      inputSchema: props({ curl_command: { type: 'string' }, method: { type: 'string' } }),
    };
    expect(effects(codeExecution, curl)).not.toContain('capability:code-execution');
    const gate = {
      name: 'gate',
      description: '需要判定一条 shell 命令能否执行时使用。返回 decision ∈ allow|deny|ask。',
      inputSchema: props({ command: { type: 'string', description: '待判定的 shell 命令' } }),
    };
    expect(effects(codeExecution, gate)).not.toContain('capability:code-execution');
    // A command that is run still is.
    const shell = {
      ...gate,
      name: 'shell',
      inputSchema: props({ command: { type: 'string', description: 'The command to run.' } }),
    };
    expect(effects(codeExecution, shell)).toContain('capability:code-execution');
  });
  it('commands sent into a shell, terminal or PTY session run there; keys sent to a page or device do not', () => {
    const pty = classify(
      {
        name: 'ssh_pty_send',
        description: 'Send keystrokes, answers, or commands into an active interactive PTY session and collect output.',
        inputSchema: props({ input_text: { type: 'string' }, session_name: { type: 'string' } }),
      },
      { ignoreAnnotations: true },
    );
    expect(pty.category).toBe('destructive');
    expect(pty.capabilities).toContain('code-execution');
    expect(effects(codeExecution, { name: 'send_keys', description: 'Send special keys to a session.' })).toEqual([]);
    expect(effects(codeExecution, { name: 'send_keys', description: 'Sends keys to an element, aka typing.' })).toEqual(
      [],
    );
  });
  it('fires on a command parameter', () => {
    expect(effects(codeExecution, { name: 'shell', inputSchema: props({ command: { type: 'string' } }) })).toContain(
      'capability:code-execution',
    );
  });
  it('fires on execute_sql with a query parameter, and grants database', () => {
    expect(effects(codeExecution, { name: 'execute_sql', inputSchema: props({ query: { type: 'string' } }) })).toEqual([
      'destructive',
      'capability:code-execution',
      'execution:arbitrary',
      'capability:database',
    ]);
  });
  it('a query tool that states its query is a read-only SELECT is a read, whatever verb runs it', () => {
    const sql = props({ sql: { type: 'string' }, row_limit: { type: 'integer' } });
    const one = classify({
      name: 'execute_query',
      description: 'Run one read-only SELECT and return its rows.',
      inputSchema: sql,
    });
    expect(one.category).toBe('read');
    expect(one.evidence.some((e) => e.code === 'CODE_EXECUTION' && e.effect === 'execution:read-only')).toBe(true);
    expect(
      classify({
        name: 'history_sql',
        description: 'Run a read-only SELECT on the history database.',
        inputSchema: sql,
      }).category,
    ).toBe('read');
    // Without the guard the same tool runs anything.
    expect(classify({ name: 'execute_query', description: 'Run one SQL statement.', inputSchema: sql }).category).toBe(
      'destructive',
    );
  });
  it('"Build a … URL / string / template" opening a description hands text back', () => {
    for (const description of [
      'Build an Apple Maps link for a place or a route.',
      'Build a PMM URL to show the user.',
      'Build a NodeMaven proxy string.',
    ])
      expect(effects(descriptionLeadVerb, { name: 'x', description }), description).toEqual(['read']);
    // What is built elsewhere is still made.
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Build a new Docker image from the folder.' }),
    ).toEqual(['write']);
  });
  it('generating a token, a secret or a subdomain issues it: a change; generating output reads', () => {
    for (const name of ['mealie_generate_token', 'generate_mfa_secret', 'generate_remote_cluster_invite'])
      expect(effects(nameVerb, { name }), name).toContain('write');
    expect(classify({ name: 'generate_token', description: 'Generate Token' }).category).toBe('write');
    expect(effects(nameVerb, { name: 'generate_summary' })).toEqual(['read']);
  });
  it('"Run a read-only …" opening a description reads', () => {
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: 'Run a read-only SQL SELECT on the local data file.' }),
    ).toEqual(['read']);
    // A command said to be read-only runs a read; any other command runs a program.
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Run one read-only API command by name.' })).toEqual([
      'read',
    ]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Run one API command by name.' })).toEqual(['write']);
  });
  it('fires on "evaluates JavaScript" in the description, scoped to the page it runs in', () => {
    expect(
      effects(codeExecution, { name: 'page_eval', description: 'Executes arbitrary JavaScript in the page.' }),
    ).toEqual(['write', 'capability:browser', 'execution:page']);
    expect(effects(codeExecution, { name: 'node_eval', description: 'Executes arbitrary JavaScript.' })).toContain(
      'destructive',
    );
  });
  it('treats a declared read-only SQL query tool as a guarded read, not code execution', () => {
    const tool = {
      name: 'query_logs',
      description: 'Runs a read-only SQL query over logs.',
      inputSchema: props({ sql: { type: 'string' } }),
    };
    expect(effects(codeExecution, tool)).toEqual([
      'read',
      'capability:database',
      'execution:read-only',
      'guard:explicit',
    ]);
    const implied = {
      name: 'database_query',
      description: 'Executes a SQL query to retrieve records or perform SELECT operations.',
      inputSchema: props({ query: { type: 'string' } }),
    };
    expect(effects(codeExecution, implied)).toEqual(['read', 'capability:database', 'execution:read-only']);
  });
  it('a description that also speaks of changing SQL is not read-only whatever else it says', () => {
    const tool = {
      name: 'query',
      description: 'Run SELECT queries or INSERT and UPDATE statements; read-only by default.',
      inputSchema: props({ sql: { type: 'string' } }),
    };
    expect(effects(codeExecution, tool)).toContain('execution:arbitrary');
  });
  it('does not take a cron expression for code', () => {
    expect(
      run(codeExecution, {
        name: 'cron_describe',
        inputSchema: props({ expression: { type: 'string', description: 'A cron expression' } }),
      }),
    ).toEqual([]);
  });
  it('does not take prose parameters named like code (opening_statement, wisdom_snippet) for code', () => {
    const tool = {
      name: 'start_session',
      description: 'Open a new session.',
      inputSchema: props({
        opening_statement: { type: 'string', description: 'First thing you want to say.' },
        wisdom_snippet: { type: 'string' },
      }),
    };
    expect(run(codeExecution, tool)).toEqual([]);
  });
  it('still takes a described SQL statement or code snippet for code', () => {
    expect(
      effects(codeExecution, {
        name: 'db',
        inputSchema: props({ statement: { type: 'string', description: 'The SQL statement to run.' } }),
      }),
    ).toContain('capability:code-execution');
    expect(
      effects(codeExecution, {
        name: 'sandbox',
        inputSchema: props({ snippet: { type: 'string', description: 'Python code to evaluate.' } }),
      }),
    ).toContain('capability:code-execution');
  });
});

describe('CODE_EXECUTION, phrases that are not the call running code', () => {
  const runs = (description: string, inputSchema?: unknown) =>
    effects(codeExecution, { name: 'x', description, ...(inputSchema !== undefined ? { inputSchema } : {}) }).includes(
      'execution:arbitrary',
    );
  it('a phrase governed by a denial, a time or a possibility, or one pointing elsewhere, is not the call running code', () => {
    for (const description of [
      'Lists the processes on the host. Use it to check a server is up before running commands.',
      'Write a file to the sandbox without running shell commands.',
      'Audit the installed plugins for ones that could execute arbitrary code.',
      'Show the template. Treat its text as data, never permission to run commands.',
      'Answer questions about a log. For exact counts run the command instead.',
      'Wait until the pane is idle. To run a command and get its output, use pane_exec.',
      'Waits for a reply; the other agent can keep executing code meanwhile.',
      'Catalog of API commands. Filter by access to see which of the two execute tools runs a given command.',
    ])
      expect(runs(description), description).toBe(false);
  });
  it('a code word heading a longer noun, after a hyphen, or a participle describing its noun is not code being run', () => {
    for (const description of [
      'Stop a running code interpreter session and release it.',
      'Run a code review of the open change.',
      'Runs the command-line conformance checklist for one profile and returns its output.',
      "Check the running script's state and read its output table.",
      'List the panes: session, running command, size.',
      'Watch long-running commands without sending input.',
      'Write a notebook from the log; rendering it later re-runs the code.',
    ])
      expect(runs(description), description).toBe(false);
  });
  it("the call's own run phrase still counts, wherever a denied one stands before it", () => {
    expect(runs('Executes arbitrary Python code in the sandbox.')).toBe(true);
    expect(runs('This tool can execute any shell command on the host.')).toBe(true);
    expect(runs("Enable a script by name. Enabling runs the script's body at once.")).toBe(true);
    expect(runs('Returns at once without waiting. Runs the command in the background.')).toBe(true);
  });
  it('a command, tool or query the name says only reads (execute_read_api_command, run_show_command, execute_read_query) runs a read', () => {
    expect(
      run(codeExecution, { name: 'execute_read_api_command', description: 'Run one read-only API command by name.' }),
    ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'run_show_command',
        description: 'Run a CLI show command.',
        inputSchema: props({ command: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      classify({
        name: 'run_show_command',
        description: 'Run show commands on a device.',
        inputSchema: props({ command: { type: 'string' } }),
      }).category,
    ).toBe('read');
    const query = {
      name: 'execute_read_query',
      description: 'Run a query.',
      inputSchema: props({ query: { type: 'string' } }),
    };
    expect(effects(codeExecution, query)).toEqual([
      'read',
      'capability:database',
      'execution:read-only',
      'guard:explicit',
    ]);
    expect(effects(codeExecution, { ...query, name: 'execute_query' })).toContain('execution:arbitrary');
    // A run phrase in such a tool runs that same read command ("Run the command without pipes"), not a shell.
    expect(
      run(codeExecution, {
        name: 'run_show_command',
        description: 'Run a CLI show command. Pipe stages are dropped: run the command without pipes.',
        inputSchema: props({ command: { type: 'string' } }),
      }),
    ).toEqual([]);
  });

  it('a promo code is no code, and a trailing "tool" the description never speaks of is a naming suffix, not a tool to run', () => {
    expect(
      run(codeExecution, { name: 'apply_promo_code', description: 'Apply a promotion code to the cart.' }),
    ).toEqual([]);
    expect(
      run(codeExecution, { name: 'rerun_workflow_run_tool', description: 'Re-run all jobs of a workflow run.' }),
    ).toEqual([]);
    // A tool the description speaks of is one of the server's own, run by name.
    expect(
      effects(codeExecution, { name: 'call_tool', description: 'Call a tool by name with the given arguments.' }),
    ).toContain('execution:named');
    expect(effects(codeExecution, { name: 'run_code', description: 'Run the code given.' })).toContain(
      'execution:arbitrary',
    );
  });

  it('a tool named for keeping a record keeps the command it is given; a query said to be query-string parameters is no query language', () => {
    const cmd = props({ command: { type: 'string' }, exit_code: { type: 'integer' } });
    // Without a name that says so, a command given is run.
    expect(runs('Log a terminal execution and its exit code.', cmd)).toBe(true);
    expect(
      effects(codeExecution, { name: 'log_execution', description: 'Log a terminal execution.', inputSchema: cmd }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'source_run',
        description: 'Call an API. Pass `query` (query-string params).',
        inputSchema: props({ query: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'source_run',
        description: 'Run a query.',
        inputSchema: props({ query: { type: 'string' } }),
      }),
    ).toContain('execution:arbitrary');
  });

  it('a math expression, a command the caller already ran, and code a tool opens by analysing are not run', () => {
    expect(
      runs(
        'Evaluate math expressions.',
        props({ expression: { type: 'string', description: 'Math expression to evaluate' } }),
      ),
    ).toBe(false);
    // Or one the tool says is arithmetic, while it speaks of no code.
    const expression = props({ expression: { type: 'string', description: 'Expression to evaluate' } });
    expect(runs('Evaluate a debugger expression (register names, simple arithmetic).', expression)).toBe(false);
    expect(runs('Evaluate a JavaScript expression; arithmetic works too.', expression)).toBe(true);
    expect(
      runs('Record a gate outcome.', props({ command: { type: 'string', description: 'The command you ran.' } })),
    ).toBe(false);
    expect(runs('Analyse a query against the pasted DDL, offline.', props({ sql: { type: 'string' } }))).toBe(false);
    // Unless the parameter itself is said to be run.
    expect(
      runs('Parse a config tree. shell: "run" executes its shell probes.', props({ shell: { type: 'string' } })),
    ).toBe(true);
  });
});

describe('CODE_EXECUTION, queries that only read and code that is only looked at', () => {
  const sql = props({ sql: { type: 'string' } });
  const scope = (tool: Parameters<typeof run>[1]) =>
    effects(codeExecution, tool).find((e) => e.startsWith('execution:'));
  it('a query in a language that cannot change anything (PromQL, DAX, BQL) reads, with the language as its guard', () => {
    const promql = {
      name: 'execute_promql_query',
      description: 'Execute an instant PromQL query.',
      inputSchema: props({ query: { type: 'string' } }),
    };
    expect(scope(promql)).toBe('execution:read-only');
    expect(effects(codeExecution, promql)).toContain('guard:explicit');
    expect(classify(promql).category).toBe('read');
    expect(
      scope({ name: 'run_query', description: 'Run a Beancount Query Language (BQL) query and return rows.' }),
    ).toBe('execution:read-only');
    // One that runs SQL as well does not.
    expect(
      scope({
        name: 'execute_native_query',
        description: 'Execute a native SQL query or MBQL query.',
        inputSchema: props({ query: { type: 'string' } }),
      }),
    ).toBe('execution:arbitrary');
  });
  it('change words in a clause that rules them out or points elsewhere do not undo a stated read-only guard', () => {
    const tool = {
      name: 'run_query',
      description:
        'Run a read-only SQL query. Only SELECT queries are allowed. The server blocks INSERT, UPDATE, DELETE and DROP; use write_query for INSERT.',
      inputSchema: sql,
    };
    expect(scope(tool)).toBe('execution:read-only');
    expect(classify(tool).category).toBe('read');
    expect(scope({ ...tool, description: 'Run a read-only SQL query, or INSERT and UPDATE rows.' })).toBe(
      'execution:arbitrary',
    );
  });
  it("the query parameter's own description can state the guard ('One SELECT over the tables'), unless it also allows writes", () => {
    const exportResult = {
      name: 'export_result',
      description: 'Save the full result of a query to CSV. The tool will truncate the data past a million rows.',
      inputSchema: props({
        sql: { type: 'string', description: 'One SELECT over the tables in describe_data' },
        path: { type: 'string', description: 'Output .csv file' },
      }),
    };
    expect(scope(exportResult)).toBe('execution:read-only');
    // It still writes the file it is given: no longer critical, but a change.
    const v = classify(exportResult, { ignoreAnnotations: true });
    expect(v.category).not.toBe('read');
    expect(v.risk).not.toBe('critical');
    const sqlOf = (description: string) => ({
      name: 'report',
      inputSchema: props({ sql: { type: 'string', description } }),
    });
    expect(scope(sqlOf('SQL query to execute (SELECT statements only)'))).toBe('execution:read-only');
    expect(scope(sqlOf('One SELECT statement. No comments, no second statement, no FOR UPDATE.'))).toBe(
      'execution:read-only',
    );
    expect(scope(sqlOf('One SELECT, INSERT or UPDATE statement'))).toBe('execution:arbitrary');
    expect(scope(sqlOf('Select the rows to return, in SQL'))).toBe('execution:arbitrary');
    expect(scope(sqlOf('SQL to run'))).toBe('execution:arbitrary');
  });
  it('a code-named parameter described as naming or locating something is not code ("function: Address by symbol name")', () => {
    // (Named with no verb: "set_breakpoint" keeps its code for when the breakpoint is hit, stored code.)
    const breakpoint = (description: string) => ({
      name: 'breakpoint',
      inputSchema: props({ function: { type: 'string', description } }),
    });
    expect(
      run(
        codeExecution,
        breakpoint('Address by symbol name instead of file location; JavaScript names are dotted paths'),
      ),
    ).toEqual([]);
    expect(run(codeExecution, breakpoint('Name of the function to break on, in JavaScript'))).toEqual([]);
    expect(scope(breakpoint('JavaScript function declaration to evaluate'))).toBe('execution:arbitrary');
  });
  it('commands of a tool that states it refuses scripting and shell escapes are a guarded language, not code', () => {
    const spice = (description: string) => ({
      name: 'run_spice_netlist',
      description,
      inputSchema: props({ commands: { type: 'string' } }),
    });
    expect(
      run(
        codeExecution,
        spice(
          'Run SPICE with safe analysis commands. The default path rejects scripting, shell escapes, file commands.',
        ),
      ),
    ).toEqual([]);
    expect(scope(spice('Run SPICE with analysis commands.'))).toBe('execution:arbitrary');
    expect(scope(spice('Run shell commands. Commands cannot be chained.'))).toBe('execution:arbitrary');
  });
  it('code run in a sandbox the description says is isolated or hosted elsewhere is its own scope, with high risk', () => {
    const code = (description: string) => ({
      name: 'run_python',
      description,
      inputSchema: props({ code: { type: 'string' } }),
    });
    const isolated = code(
      'Run Python code in a sandbox: a local Hyperlight micro-VM, isolated from this machine by a hypervisor.',
    );
    expect(scope(isolated)).toBe('execution:sandbox');
    const v = classify(isolated, { ignoreAnnotations: true });
    expect([v.category, v.risk]).toEqual(['write', 'high']);
    expect(v.capabilities).toContain('code-execution');
    expect(scope(code("Execute code using Gemini's built-in code execution."))).toBe('execution:sandbox');
    // A partial sandbox, or none, is no isolation.
    expect(
      scope(code('Run Python in a sandboxed subprocess with rlimits; it does NOT isolate the filesystem or network.')),
    ).toBe('execution:arbitrary');
    expect(scope(code('Run a Python snippet with the server process authority, which no sandbox confines.'))).toBe(
      'execution:arbitrary',
    );
    expect(scope(code('Run Python in a sandbox.'))).toBe('execution:arbitrary');
    // Code a service scores on its own side runs there, in a run made for the submission.
    const scored = code('Submit a python_model to a leaderboard track for server-side scoring. Poll its status.');
    expect(scope(scored)).toBe('execution:sandbox');
    expect(classify(scored, { ignoreAnnotations: true }).risk).toBe('high');
  });
  it("a sandbox that lasts (persistent, a session's, addressed by id) is isolated too, and what it holds can be destroyed", () => {
    const run = (description: string, extra: Record<string, unknown> = {}) => ({
      name: 'run_command',
      description,
      inputSchema: props({ command: { type: 'string' }, ...extra }),
    });
    for (const tool of [
      run('Run a command in a persistent isolated environment.'),
      run("Execute a shell command in a sandboxed code interpreter session, in the session's sandbox environment."),
      run('Run a shell command.', { sandbox_id: { type: 'string' } }),
    ]) {
      expect(scope(tool), tool.description).toBe('execution:sandbox');
      const v = classify(tool, { ignoreAnnotations: true });
      expect([v.category, v.risk], tool.description).toEqual(['destructive', 'high']);
    }
    // A file put in a sandbox is no code run there.
    expect(
      classify(
        { name: 'write_sandbox_file', description: 'Write text to a file in the sandbox.', inputSchema: props({}) },
        { ignoreAnnotations: true },
      ).capabilities,
    ).not.toContain('code-execution');
    // Nor does starting a session that can later execute code run any.
    expect(
      scope({
        name: 'start_interpreter_session',
        description: 'Start a session. Creates a new session that can execute code, run commands, and manage files.',
        inputSchema: props({}),
      }),
    ).toBeUndefined();
  });
  it('a stored command template run by its name is run by name, not a command written by the caller', () => {
    expect(
      scope({
        name: 'run_command_template',
        description: 'Execute a command template against specified devices.',
        inputSchema: props({ name: { type: 'string' }, devices: { type: 'array' } }),
      }),
    ).toBe('execution:named');
  });
  it('commands a call keeps for later (a template, a schedule, a function) are stored code, with high risk', () => {
    const template = {
      name: 'update_command_template',
      description: 'Update an existing command template with new commands and validation rules.',
      inputSchema: props({ name: { type: 'string' }, commands: { type: 'string' } }),
    };
    expect(scope(template)).toBe('execution:stored');
    const v = classify(template, { ignoreAnnotations: true });
    expect([v.category, v.risk]).toEqual(['write', 'high']);
    expect(v.capabilities).toContain('code-execution');
    expect(
      scope({
        name: 'create_schedule',
        description: "Create one of a device's schedule slots, firing on_command at on_ts.",
        inputSchema: props({ on_command: { type: 'string' }, on_ts: { type: 'number' } }),
      }),
    ).toBe('execution:stored');
    // A cron job keeps its command for the times it fires, whatever it says of running.
    expect(
      scope({
        name: 'hosting_createAccountCronJobV1',
        description: 'Creates a cron job that runs a command on a schedule.',
        inputSchema: props({ command: { type: 'string' }, schedule: { type: 'string' } }),
      }),
    ).toBe('execution:stored');
    // What starts at once runs its command now: a new terminal window, a session whose command "runs", a run.
    for (const tool of [
      { name: 'new_window', description: 'Create a window.' },
      { name: 'new_session', description: "Create a session. Optional `command` runs as the first pane's command." },
      { name: 'create_service', description: 'Create and start a long-running background service.' },
      { name: 'run_create', description: 'Create a durable run for a command.' },
    ])
      expect(scope({ ...tool, inputSchema: props({ command: { type: 'string' } }) }), tool.name).toBe(
        'execution:arbitrary',
      );
    // A query given to a change runs now ("update_rows" with `sql`).
    expect(
      scope({ name: 'update_rows', description: 'Update rows.', inputSchema: props({ sql: { type: 'string' } }) }),
    ).toBe('execution:arbitrary');
  });
  it("a command parameter that names one of a device's own commands is no code", () => {
    expect(
      run(codeExecution, {
        name: 'send_command',
        description: 'Send a named command: an activity macro or a device command.',
        inputSchema: props({ command: { type: 'string', description: "A label from list_commands, e.g. 'Netflix'." } }),
      }),
    ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'send_command',
        description:
          "Send a command to a device. Args: cmd: Command name, matches one of get_device_commands' results.",
        inputSchema: props({ cmd: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'manage_sessions',
        description: 'Manage interactive sessions.',
        inputSchema: props({ command: { description: "Session command with Name (e.g., 'glueetl')" } }),
      }),
    ).toEqual([]);
    expect(
      scope({
        name: 'send_command',
        description: 'Send a command to the shell.',
        inputSchema: props({ command: { type: 'string', description: 'The command line to run.' } }),
      }),
    ).toBe('execution:arbitrary');
  });
  it("an application's own menu commands are run by name, not code", () => {
    const menu = {
      name: 'app_menu',
      description: "Use the application's menu commands as a person would click them. 'invoke' runs a command.",
      inputSchema: props({ path: { type: 'string' } }),
    };
    expect(scope(menu)).toBe('execution:named');
    expect(classify(menu, { ignoreAnnotations: true }).risk).toBe('high');
    expect(scope({ name: 'app_exec', description: 'Runs a command.', inputSchema: props({}) })).toBe(
      'execution:arbitrary',
    );
  });
  it("a notebook's cells run by id are run by name; a sheet's cell is no code", () => {
    const nb = 'Execute cells of the current notebook in the live kernel.';
    expect(scope({ name: 'execute_cell', description: nb, inputSchema: props({ cell_id: { type: 'string' } }) })).toBe(
      'execution:named',
    );
    expect(scope({ name: 'run_cells', description: nb, inputSchema: props({ cell_ids: { type: 'array' } }) })).toBe(
      'execution:named',
    );
    expect(
      run(codeExecution, {
        name: 'apply_cell_finding',
        description: 'Take the newer value found for a held cell.',
        inputSchema: props({ cell_id: { type: 'string' } }),
      }),
    ).toEqual([]);
  });
  it('a saved or card query is run by name, not given', () => {
    expect(
      run(codeExecution, { name: 'run_query', description: 'Run a saved query and return the matching notes.' }),
    ).toEqual([]);
    expect(scope({ name: 'run_query', description: 'Run a query.' })).toBe('execution:arbitrary');
  });
  it('a tool named for explaining, scanning, grading or previewing code looks at it, unless it says the code is run', () => {
    expect(
      run(codeExecution, {
        name: 'explain_query',
        description: 'Show the plan the database would use.',
        inputSchema: sql,
      }),
    ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'scan_code',
        inputSchema: props({ code: { type: 'string', description: 'Python source code' } }),
      }),
    ).toEqual([]);
    expect(
      scope({
        name: 'explain_query',
        description: 'Return the plan. The statement is actually executed under trace.',
        inputSchema: sql,
      }),
    ).toBe('execution:arbitrary');
  });
  it('a command parameter described as a list of its few values picks one; a stated read-only guard is not raised by the learned rule', () => {
    expect(
      run(codeExecution, {
        name: 'chart_show',
        inputSchema: props({ command: { type: 'string', description: 'chart/values/readme' } }),
      }),
    ).toEqual([]);
    expect(run(codeExecution, { name: 'x', description: 'Ways to run terminal work out of sight.' })).toEqual([]);
    const guarded = classify({
      name: 'execute_query',
      description:
        'Execute a read-only SQL statement. Write statements are rejected; the read always advances nothing.',
      inputSchema: sql,
    });
    expect(guarded.category).toBe('read');
    expect(guarded.evidence.some((e) => e.code === 'LEARNED_RAISE')).toBe(false);
  });
});

describe('LEARNED_RAISE guards', () => {
  // A model sure of a change whatever the tool says.
  const sure = learnedRaise({ about: '', threshold: 0.5, lowerThreshold: 0.1, bias: 5, weights: {} });
  const raised = (tool: Parameters<typeof run>[1]) => run(sure, tool).length > 0;
  it('does not raise a description that opens by asking whether something holds', () => {
    expect(raised({ name: 'browser_is_enabled', description: 'Check if an element is enabled (not disabled)' })).toBe(
      false,
    );
    expect(raised({ name: 'collection_exists', description: 'Checks whether a collection exists.' })).toBe(false);
    expect(raised({ name: 'check_item', description: 'Check the item off the list.' })).toBe(true);
  });
  it('does not raise a description that opens with a question, under a name that names no change', () => {
    const implement =
      'Does the implementation (an LTL formula) implement the contract, i.e. implementation & A -> G? `context`: formulas.';
    expect(raised({ name: 'implements', description: implement })).toBe(false);
    expect(raised({ name: 'callers', description: 'Who calls this function? Example: `callers(name="x")`.' })).toBe(
      false,
    );
    expect(raised({ name: 'update_callers', description: 'Who calls this function? Rewrites each call site.' })).toBe(
      true,
    );
    expect(raised({ name: 'status', description: 'Is the run done? The answer is saved to the log.' })).toBe(true);
  });
  it('does not raise an opening that builds text for the caller, unless it is kept on a sheet or in a file', () => {
    expect(raised({ name: 'pmm_deeplink', description: 'Build a PMM URL to show the user.' })).toBe(false);
    const report = 'Build a structured Markdown report from named sections.';
    expect(raised({ name: 'synthesize_report', description: report })).toBe(false);
    const sheet = 'Build a single-sheet executive report. Drops a curated dashboard onto a new sheet.';
    expect(raised({ name: 'build_executive_report', description: sheet })).toBe(true);
    expect(raised({ name: 'publish_report', description: report })).toBe(true);
  });
  it('does not raise a read opening that says nothing is kept, under a name that names no change', () => {
    const verify = 'Verify a workbook code representation specification without saving. Validates schema structure.';
    expect(raised({ name: 'workbooks_verify_workbook_spec', description: verify })).toBe(false);
    expect(
      raised({ name: 'DryRunKubernetesManifests', description: 'Validate manifests without persisting anything.' }),
    ).toBe(true);
    expect(raised({ name: 'close_document', description: 'Close the document without saving.' })).toBe(true);
  });
  it('nor a read opening that stops short of installing, running or changing anything', () => {
    const render = 'Render chart templates locally without installing. Useful for previewing manifests.';
    expect(raised({ name: 'helm_template', description: render })).toBe(false);
    expect(
      raised({ name: 'validate_script', description: 'Check JavaScript for syntax errors WITHOUT running it.' }),
    ).toBe(false);
    expect(raised({ name: 'redeploy', description: 'Redeploy an existing app without changing its slug.' })).toBe(true);
  });
  it('does not raise an audit, or a look for faults, whose findings are handed back', () => {
    expect(
      raised({
        name: 'runSEOAudit',
        description: 'Lighthouse SEO audit of the current page: metadata and indexability.',
      }),
    ).toBe(false);
    expect(raised({ name: 'run_audit', description: 'Run a comprehensive Lighthouse audit on a website' })).toBe(false);
    expect(raised({ name: 'scan_text', description: 'Scan a snippet of text or code for exposed secrets.' })).toBe(
      false,
    );
    expect(
      raised({ name: 'helm_lint', description: 'Lint a Helm chart for possible issues and best practices.' }),
    ).toBe(false);
    // Not a paid audit, one that keeps what it finds, one that fixes, nor under a name that names a change.
    expect(raised({ name: 'run_audit', description: 'Run a paid audit of the question set.' })).toBe(true);
    expect(
      raised({ name: 'audit_indexing', description: 'Full indexing audit of a property. Progress is saved locally.' }),
    ).toBe(true);
    expect(raised({ name: 'lint_code', description: 'Lint the code for errors and fix them.' })).toBe(true);
    expect(raised({ name: 'delete_leaks', description: 'Scan the repository for leaks.' })).toBe(true);
  });
  it('does not raise an opening that runs a check, a review or a scan over something', () => {
    expect(
      raised({ name: 'review', description: 'Run a code review against the current repository using Codex CLI' }),
    ).toBe(false);
    expect(raised({ name: 'review_cluster', description: 'Run a diagnostic review of a Redshift cluster.' })).toBe(
      false,
    );
    // Recognition run over an input hands back what it recognises.
    expect(
      raised({
        name: 'ocr_image',
        description: 'Run OCR on an image (screenshot, scan or photo) and return its text.',
      }),
    ).toBe(false);
    // Not a paid one, one that keeps what it finds, nor under a name that names a change.
    expect(raised({ name: 'kyb', description: 'Run a paid check on a company.' })).toBe(true);
    expect(raised({ name: 'scan_db', description: 'Run a classification scan on a database and save the tags.' })).toBe(
      true,
    );
    expect(raised({ name: 'create_job', description: 'Run a classification scan on a Snowflake database.' })).toBe(
      true,
    );
  });
  it('does not raise an opening that shows a named part of something', () => {
    expect(raised({ name: 'helm_show_readme', description: 'Show the README of a chart.' })).toBe(false);
    expect(raised({ name: 'helm_show_all', description: 'Show all information for a chart (values, README).' })).toBe(
      false,
    );
    expect(raised({ name: 'show_mac_alert', description: 'Show an alert dialog with this text on the Mac.' })).toBe(
      true,
    );
  });
  it('does not raise an opening that turns identifiers or codes into others', () => {
    expect(
      raised({ name: 'pubmed_convert_ids', description: 'Convert between article identifiers (DOI, PMID, PMCID).' }),
    ).toBe(false);
    expect(
      raised({
        name: 'resolve_icd10_to_mondo',
        description: 'Resolve an ICD-10 clinical code to MONDO ontology terms.',
      }),
    ).toBe(false);
    expect(raised({ name: 'convert_to_pdf', description: 'Convert a Word document to PDF format.' })).toBe(true);
    expect(raised({ name: 'update_mapping', description: 'Map codes to the new field.' })).toBe(true);
  });
  it('does not raise a noun-phrase label whose colon opens on what comes back', () => {
    expect(
      raised({
        name: 'synthesize',
        description: 'GR(1) synthesis (slugs): the controller when the contract is realizable. Needs slugs.',
      }),
    ).toBe(false);
    // An imperative label ("Check the bridge: a document, …") runs the check; a kept result is no yield.
    expect(raised({ name: 'self_test', description: 'Check the bridge: a document and a pixel round-trip.' })).toBe(
      true,
    );
    expect(raised({ name: 'question_set', description: 'The question set: the questions, saved on the server.' })).toBe(
      true,
    );
  });
  it('does not raise an opening that waits, with nothing said of keeping anything', () => {
    expect(
      raised({ name: 'etabs_job_wait', description: 'Wait for a background job to finish, then report it.' }),
    ).toBe(false);
    expect(
      raised({ name: 'adaptive_poll', description: 'Waits for the specified duration then returns a message.' }),
    ).toBe(false);
    expect(
      raised({
        name: 'await_device_approval',
        description: 'Wait for the user to approve the code. On success the connection is saved.',
      }),
    ).toBe(true);
  });
  it('does not raise an opening that only looks something up, with no alternative and nothing more done', () => {
    expect(
      raised({
        name: 'program_search_artifacts',
        description: 'Search artifacts in a Spira program. program_id: required.',
      }),
    ).toBe(false);
    expect(
      raised({
        name: 'issues',
        description: 'Search and filter SonarQube issues by severity, status, file path, scope, and more.',
      }),
    ).toBe(false);
    expect(raised({ name: 'budget', description: "View or tighten this session's spending limits." })).toBe(true);
    expect(raised({ name: 'ui_grid', description: 'Read, select, or assert WPF DataGrid row evidence.' })).toBe(true);
    expect(
      raised({
        name: 'solve',
        description:
          'Searches rifle moves from the current pose for one meeting every goal, and leaves the scene there.',
      }),
    ).toBe(true);
    expect(
      raised({
        name: 'discover_creators_to_file',
        description: 'Search creators and save results to a CSV file on disk.',
      }),
    ).toBe(true);
    expect(
      raised({
        name: 'search_process_instances',
        description: 'Search process instances.',
        inputSchema: { type: 'object', properties: { body: { type: 'object' } } },
      }),
    ).toBe(true);
  });
  it('does not raise an opening that only translates or transcribes, with nothing more done or kept', () => {
    expect(
      raised({
        name: 'translate',
        description: 'Translate text between any of 57 supported languages using a local model.',
      }),
    ).toBe(false);
    expect(raised({ name: 'transcribe_audio', description: 'Transcribe an audio file from this machine.' })).toBe(
      false,
    );
    // Not when the opening also edits, or the results are written somewhere.
    expect(
      raised({
        name: 'transcript',
        description: 'Transcribe source media locally and edit the timeline by what was said.',
      }),
    ).toBe(true);
    expect(
      raised({
        name: 'kaeris_translate_file',
        description: 'Translate a strings file on disk and write the results next to it.',
      }),
    ).toBe(true);
  });
  it('reads the Chinese openings 停止 and 解除 and the Korean 적용합니다 as changes', () => {
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: '停止 HTTP 抓包代理，支持自动导出 HAR 归档' }),
    ).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: '解除队列与指定交换机之间的路由绑定.' })).toEqual([
      'write',
    ]);
    expect(
      effects(descriptionLeadVerb, { name: 'x', description: '표 셀/행/열/표 구조 연산을 원자 적용합니다.' }),
    ).toEqual(['write']);
  });
  it('reads more Chinese and Korean opening verbs: fetch, extract and scan read; copy, merge, export and cancel change', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    // "并发" (concurrently) before the verb leaves it the call's act.
    expect(lead('并发抓取一批 URL，各自走完整分级链路，返回逐个结果。')).toEqual(['read']);
    expect(lead('抽取指定函数入口或符号的控制流图 (CFG)，并生成 Mermaid 流程图')).toEqual(['read']);
    expect(lead('提取二进制文件全量 ASCII 与 UTF-16LE 字符串')).toEqual(['read']);
    expect(lead('导出某站登录态里的 cookie，便于备份。')).toEqual(['write']);
    expect(lead('合并多个 archive(默认要求源名一致)。')).toEqual(['write']);
    // Korean native verbs in their polite forms, and more "noun + 하다" verbs.
    expect(lead('라벨 경로 문법으로 셀을 채웁니다.')).toEqual(['write']);
    expect(lead('이메일로 인증 코드를 보냅니다.')).toEqual(['write']);
    expect(lead('HWPX 문서를 새 경로로 복사합니다. 원본은 유지됩니다.')).toEqual(['write']);
    expect(lead('아직 terminal이 아닌 workflow를 취소합니다.')).toEqual(['destructive']);
    expect(lead('채움본의 placeholder 잔존을 검사합니다.')).toEqual(['read']);
  });
  it('does not raise a Chinese, Korean or Japanese opening that only looks something up', () => {
    expect(
      raised({
        name: 'kafka_cluster_info',
        description: '获取 Kafka 集群整体元数据与 Broker 节点列表（包含 Cluster ID、控制器与节点地址）',
      }),
    ).toBe(false);
    expect(
      raised({ name: 'find_cell_by_label', description: '양식 문서에서 라벨 기준 인접 셀 후보를 조회합니다.' }),
    ).toBe(false);
    expect(raised({ name: 'list_ivods', description: '列出 IVOD（網路電視）影片列表。' })).toBe(false);
    expect(raised({ name: 'discover_tables', description: '发现金蝶数据库中与指定 form_id 对应的表。' })).toBe(false);
    // 抽取 and 抓取 (extract, fetch) only look something up too.
    expect(
      raised({
        name: 'analyze_cfg',
        description:
          '抽取指定函数入口或符号的控制流图 (CFG)，执行基本块划分 (Leader 算法)、圈复杂度计算并生成 Mermaid 流程图',
        inputSchema: props({ target: { type: 'string' }, session_id: { type: 'string' } }),
      }),
    ).toBe(false);
    // A change verb later in the same sentence: the call does more than look up.
    expect(raised({ name: 'fetch_token', description: '获取访问令牌并保存到本地配置文件' })).toBe(true);
  });
  it('does not raise a read opening whose next sentence says what comes back', () => {
    const analyze =
      'Analyze an email to detect calendar events. Returns structured analysis so the AI can decide what to add.';
    expect(raised({ name: 'analyze_email_for_scheduling', description: analyze })).toBe(false);
    expect(
      raised({
        name: 'transcribe_audio',
        description: 'Transcribe speech in an audio source. Returns text and segments.',
      }),
    ).toBe(false);
    // Not a "Returns:" heading, an opening that runs or submits something, or a call that saves or costs.
    expect(raised({ name: 'audit_rescan', description: 'Show the audit again. Returns: reportId.' })).toBe(true);
    expect(
      raised({ name: 'run_decision_report', description: 'Run a decision report. Returns the primary sheet rows.' }),
    ).toBe(true);
    expect(
      raised({
        name: 'summarize_document',
        description: 'Summarize one document. Returns the summary. Billed per call.',
      }),
    ).toBe(true);
    expect(
      raised({ name: 'export_data', description: 'Export the stored data. Returns all stored entities as dicts.' }),
    ).toBe(false);
    expect(raised({ name: 'export_data', description: 'Export the data. Returns the rows it stored on disk.' })).toBe(
      true,
    );
  });
  it('does not raise a lookup name over a description that opens with a noun phrase', () => {
    expect(
      raised({ name: 'show_place', description: 'One place by exact name. Raises a tool error if unknown.' }),
    ).toBe(false);
    expect(
      raised({ name: 'get_sentiment', description: 'Editorial sentiment bucket for an entity with bucket drivers.' }),
    ).toBe(false);
    // Not when the opening names a verb, the name names a change, or a free-form body is sent.
    expect(raised({ name: 'show_alert', description: 'Show an alert dialog with this text.' })).toBe(true);
    expect(raised({ name: 'get_or_create_place', description: 'One place by exact name.' })).toBe(true);
    // A lookup noun in the name counts as its verb.
    expect(
      raised({
        name: 'etabs_model_overview',
        description: 'One-call summary of the open model: file, version, units.',
      }),
    ).toBe(false);
    expect(raised({ name: 'update_status', description: 'One-call summary of the open model.' })).toBe(true);
    expect(
      raised({
        name: 'search_proxy',
        description: 'Escape hatch for raw search requests.',
        inputSchema: { type: 'object', properties: { body: { type: 'object' } } },
      }),
    ).toBe(true);
  });
  it('does not raise a Chinese description that says it makes no change or does not really save', () => {
    expect(
      raised({
        name: 'kingdee_validate_bill',
        description: '保存前校验单据模型（不真正保存），秒级反馈结构是否正确。',
      }),
    ).toBe(false);
    const plan = {
      name: 'deployPlan',
      description: '解析 cloudbaserc 并计算声明式部署计划（dry-run，不产生任何变更）。',
    };
    expect(raised(plan)).toBe(false);
    expect(effects(readOnlyPhrase, plan)).toEqual(['read']);
  });
});

describe('SHARES_ACCESS', () => {
  it('marks a share that opens something to other people, not a share that is a noun or a link in a record', () => {
    const sh = (name: string, description: string) => effects(sharesAccess, { name, description }).includes('shares');
    expect(sh('share_file', 'Share a file with another user')).toBe(true);
    expect(sh('workbooks_share_workbook_cross_org', 'Share a workbook with other Sigma organizations.')).toBe(true);
    expect(sh('notebook_share_public', 'Enable or disable public link access.')).toBe(true);
    expect(sh('drive_share', 'Share a file with a person (email) or with anyone who has the link.')).toBe(true);
    expect(sh('nfs-file-share-create', 'Create a new file share')).toBe(false);
    expect(sh('add_event_ref', 'Share an existing event with another person, in a role.')).toBe(false);
    expect(sh('room_add_topic', 'Share an additional topic in a room.')).toBe(false);
    // Sharing a file with a user is high risk, as sending to people is; an ordinary write stays medium.
    const v = classify(
      {
        name: 'share_file',
        description: 'Share a file with another user',
        inputSchema: { type: 'object', properties: { fileId: { type: 'string' }, email: { type: 'string' } } },
      },
      { ignoreAnnotations: true },
    );
    expect(`${v.category}/${v.risk}`).toBe('write/high');
  });
});

describe('CHANGES_ACCESS', () => {
  it('marks a name that grants, revokes or changes a role, a permission or a membership, not list members or alert policies', () => {
    const ch = (name: string) => effects(changesAccess, { name, description: '' }).includes('changes-access');
    expect(ch('add_project_member')).toBe(true);
    expect(ch('assign_user_role')).toBe(true);
    expect(ch('updatePermission')).toBe(true);
    expect(ch('attach_user_policy')).toBe(true);
    expect(ch('linear_addUserToTeam')).toBe(true);
    expect(ch('kafka_create_acl')).toBe(true);
    expect(ch('disable_user')).toBe(true);
    expect(ch('create_dashboard_public_link')).toBe(true);
    expect(ch('clawnx_add_list_member')).toBe(false);
    expect(ch('crm_fbAddCustomAudienceMember')).toBe(false);
    expect(ch('browser_grant_permissions')).toBe(false);
    expect(ch('update_on_call_role')).toBe(false);
    expect(ch('alert-policy-update')).toBe(false);
    expect(ch('add_user_group')).toBe(false);
    expect(ch('create_permission_group')).toBe(false);
    expect(ch('enable_feature')).toBe(false);
    // Adding a member to a project is high risk, as sharing is; an ordinary write stays medium.
    const v = classify(
      { name: 'add_project_member', description: 'Add a new member to a project.' },
      { ignoreAnnotations: true },
    );
    expect(`${v.category}/${v.risk}`).toBe('write/high');
  });
});

describe('PUBLISHES', () => {
  it('marks a page, a document or a site put out for anyone to see, not a message on a queue', () => {
    const pub = (name: string) => effects(publishes, { name, description: '' }).includes('publishes');
    expect(pub('rc_page_publish')).toBe(true);
    expect(pub('coda_publish_doc')).toBe(true);
    expect(pub('sites_publish')).toBe(true);
    expect(pub('rabbitmq_publish_message')).toBe(false);
    expect(pub('eventgrid_events_publish')).toBe(false);
    expect(pub('coda_unpublish_doc')).toBe(false);
    // Publishing a landing page is high risk, as sending to people is; an ordinary write stays medium.
    const v = classify(
      { name: 'publish_landing_page', description: 'Publish the landing page of an event.' },
      { ignoreAnnotations: true },
    );
    expect(`${v.category}/${v.risk}`).toBe('write/high');
  });
});

describe('SENDS_TO_PEOPLE', () => {
  const sends = (tool: Parameters<typeof run>[1]) => effects(sendsToPeople, tool).includes('sends');
  const risk = (tool: Parameters<typeof run>[1]) => {
    const v = classify(tool, { ignoreAnnotations: true });
    return `${v.category}/${v.risk}`;
  };
  it('a call that delivers to people: a sending verb first in the name or opening the description, a test of a channel, recipients', () => {
    expect(sends({ name: 'slack_reply_to_thread' })).toBe(true);
    expect(sends({ name: 'x', description: 'Invite one or more users to the board.' })).toBe(true);
    expect(sends({ name: 'x', description: 'Email the team a summary.' })).toBe(true);
    expect(sends({ name: 'login', description: 'Log in; the service sends an SMS code.' })).toBe(true);
    expect(sends({ name: 'email_operations_test' })).toBe(true);
    expect(sends({ name: 'x', inputSchema: props({ cc: { type: 'array' } }) })).toBe(true);
    expect(sends({ name: 'post_room_message' })).toBe(true);
    expect(risk({ name: 'send_email' })).toBe('write/high');
  });
  it('a draft is kept, not delivered, whatever recipients it holds; a name that sends the draft still sends', () => {
    const recipients = props({ to: { type: 'string' }, cc: { type: 'string' }, bcc: { type: 'string' } });
    expect(
      sends({
        name: 'create_rich_email_draft',
        description: 'Create a rich-text email draft by generating an unsent `.eml` message.',
        inputSchema: recipients,
      }),
    ).toBe(false);
    expect(
      sends({ name: 'gmail_create_draft', description: 'Save a draft without sending it.', inputSchema: recipients }),
    ).toBe(false);
    expect(sends({ name: 'send_draft' })).toBe(true);
  });
  it('a change where messages live that delivers nothing is a plain write', () => {
    for (const name of [
      'move_email',
      'update_email_settings',
      'remote_cluster_confirm_invite',
      'edit_discord_category',
      'post_notification_id',
      'publish_message',
    ])
      expect(sends({ name }), name).toBe(false);
    expect(risk({ name: 'move_email', description: 'Move an email to another folder.' })).toBe('write/medium');
    // "to_addresses" of a NAT rule and a redirect's "to" receive nothing.
    expect(
      sends({
        name: 'update_nat_rule',
        inputSchema: props({ to_addresses: { type: 'string', description: 'NAT target IP address' } }),
      }),
    ).toBe(false);
    expect(
      sends({
        name: 'create_redirect',
        inputSchema: props({ to: { type: 'string', description: 'Another URL or IP address' } }),
      }),
    ).toBe(false);
  });
});

describe('CONTAINER_IMAGE', () => {
  const image = props({ image: { type: 'string', description: 'The container image to run, e.g. nginx:1.27' } });
  it('a tool that runs or deploys the image it is given runs whatever code the image holds', () => {
    expect(
      effects(containerImage, { name: 'pods_run', description: 'Run a pod with the given image.', inputSchema: image }),
    ).toEqual(['capability:code-execution', 'capability:infrastructure', 'execution:container']);
  });
  it('one its name calls a read (verifying, inspecting or generating a spec from an image) runs nothing', () => {
    for (const name of ['verify_image_signature', 'inspect_image', 'generate_pipeline_yaml'])
      expect(run(containerImage, { name, description: 'Uses the image named.', inputSchema: image }), name).toEqual([]);
  });
  it('one that copies, pushes or tags the image runs nothing; one that deploys a copy still runs it', () => {
    for (const name of ['CloneContainerToECR', 'push_image', 'tag_image'])
      expect(run(containerImage, { name, description: 'Copies the image.', inputSchema: image }), name).toEqual([]);
    expect(
      effects(containerImage, { name: 'clone_and_deploy_image', description: 'Deploy it.', inputSchema: image }),
    ).toContain('execution:container');
  });
});

describe('CODE_EXECUTION, identifiers and plans', () => {
  it('does not take a bare "code" that identifies something (a stock, currency or status code) for code', () => {
    expect(
      run(codeExecution, {
        name: 'get_currency',
        description: 'Get a single currency.',
        inputSchema: props({ code: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'sandbox',
        description: 'Execute Python in a sandbox.',
        inputSchema: props({ code: { type: 'string' } }),
      }),
    ).toContain('execution:arbitrary');
  });
  it('does not take "run" after a lookup verb in a name for running code ("get_workflow_run_tool", "query_agent_run_events")', () => {
    expect(
      run(codeExecution, { name: 'get_workflow_run_tool', description: 'Get one workflow run and its jobs.' }),
    ).toEqual([]);
    expect(run(codeExecution, { name: 'query_agent_run_events', description: 'Search events of agent runs.' })).toEqual(
      [],
    );
    expect(effects(codeExecution, { name: 'run_query', description: 'Runs a query.' })).toContain(
      'execution:arbitrary',
    );
  });
  it("a run verb's query the description calls search terms or the input text is no query language", () => {
    const execute = (description: string) =>
      run(codeExecution, { name: 'execute', description, inputSchema: props({ query: { type: 'string' } }) });
    expect(
      execute(
        'Run a tool through the proxy. `query` is the literal, self-contained input the tool consumes: the claim to check, the search terms.',
      ),
    ).toEqual([]);
    expect(execute('Run a query. `query` is the SQL to run.')).not.toEqual([]);
  });
  it('a tool named for rewriting or optimising a query looks at the query, it does not run it', () => {
    for (const name of ['optimize_query', 'rewrite_query', 'refactor_script'])
      expect(
        run(codeExecution, { name, description: 'Improve it.', inputSchema: props({ sql: { type: 'string' } }) }),
        name,
      ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'run_query',
        description: 'Run it.',
        inputSchema: props({ sql: { type: 'string' } }),
      }),
    ).not.toEqual([]);
  });
  it('does not take code the tool only looks at ("without running it") for code it runs', () => {
    expect(
      run(codeExecution, {
        name: 'explain_query',
        description: 'Return the execution plan for one SELECT, without running it.',
        inputSchema: props({ sql: { type: 'string' } }),
      }),
    ).toEqual([]);
    // Nor code it says it keeps or shows and does not run.
    for (const description of [
      'Manage aliases that map a short name to a command string, stored in local config with no remote execution.',
      'Show the exact command that will be run. Does NOT execute the command.',
    ])
      expect(
        run(codeExecution, { name: 'command_alias', description, inputSchema: props({ command: { type: 'string' } }) }),
        description,
      ).toEqual([]);
    expect(
      run(codeExecution, {
        name: 'build_demo',
        description: 'Return the contract. This tool only builds/validates the contract.',
        inputSchema: props({ commands: { type: 'string' } }),
      }),
    ).toEqual([]);
    // A refusal "with no execution" of a command it otherwise runs is no such statement.
    expect(
      run(codeExecution, {
        name: 'ask',
        description: 'A shell command the server runs when enabled; otherwise a refusal, with no execution.',
        inputSchema: props({ command: { type: 'string' } }),
      }),
    ).not.toEqual([]);
  });
});

describe('CODE_EXECUTION, something the server holds run by name', () => {
  const verdict = (tool: { name: string; description: string; inputSchema?: unknown }) => {
    const v = classify(tool, { ignoreAnnotations: true });
    return `${v.category}/${v.risk} [${v.capabilities.join(',')}] ${v.evidence.find((e) => e.code === 'RISK')?.matched[0]}`;
  };
  it("calls one of the server's own tools named by the caller: whatever they do, but no code of the caller's (destructive, high)", () => {
    expect(
      verdict({
        name: 'call_tool',
        description: 'Call a tool by name with the given arguments. Use this to execute tools found with search_tools.',
        inputSchema: props({ name: { type: 'string' }, arguments: { type: 'object' } }),
      }),
    ).toBe('destructive/high [] RUNS_NAMED');
    expect(effects(codeExecution, { name: 'execute_billing_tool', description: 'Execute one billing tool.' })).toEqual([
      'destructive',
      'execution:named',
    ]);
  });
  it('runs a stored script or a planned migration given by its name or id (destructive, high)', () => {
    expect(
      verdict({
        name: 'run_script',
        description: 'Run a stored router script.',
        inputSchema: props({ name: { type: 'string' }, confirm: { type: 'boolean' } }),
      }),
    ).toBe('destructive/high [] RUNS_NAMED');
    expect(
      effects(codeExecution, {
        name: 'run_migration',
        description: 'Run a planned content migration between two sites.',
        inputSchema: props({ migration_id: { type: 'string' }, dry_run: { type: 'boolean' } }),
      }),
    ).toContain('execution:named');
  });
  it('still runs arbitrary code when the script, its path or free-form arguments are given (critical)', () => {
    expect(
      verdict({
        name: 'run_script',
        description: 'Run a script.',
        inputSchema: props({
          name: { type: 'string' },
          script: { type: 'string', description: 'Shell script body to run' },
        }),
      }),
    ).toBe('destructive/critical [code-execution] ARBITRARY_CODE');
    for (const tool of [
      {
        name: 'run_script',
        description: 'Run a .py file in the editor.',
        inputSchema: props({ path: { type: 'string' } }),
      },
      {
        name: 'run_ad_hoc_command',
        description: 'Invoke the run_ad_hoc_command operation.',
        inputSchema: props({ module_name: { type: 'string' }, module_args: { type: 'string' } }),
      },
      {
        name: 'run_tool',
        description: 'Run a tool.',
        inputSchema: props({ command: { type: 'string', description: 'Shell command to run' } }),
      },
    ])
      expect(effects(codeExecution, tool), tool.name).toContain('execution:arbitrary');
  });
});

describe('DISPATCHER', () => {
  const tool = {
    name: 'compute',
    inputSchema: props({
      command: { type: 'string', description: 'The command to execute against the specified tool.' },
    }),
  };
  it('takes a sub-command parameter for a dispatcher (a write), not for code execution', () => {
    expect(effects(dispatcher, tool)).toEqual(['write']);
    expect(run(codeExecution, tool)).toEqual([]);
  });
  it('is silent on a shell command parameter', () => {
    expect(
      run(dispatcher, {
        name: 'shell',
        inputSchema: props({ command: { type: 'string', description: 'Shell command to run.' } }),
      }),
    ).toEqual([]);
  });
});

describe('OUTPUT_PATH_PARAM', () => {
  it('reads the parameters of a wrapped input through a local $ref', () => {
    const inputSchema = {
      type: 'object',
      properties: { params: { $ref: '#/$defs/ConvertPdfInput' } },
      required: ['params'],
      $defs: {
        ConvertPdfInput: {
          type: 'object',
          properties: {
            pdf_path: { type: 'string', description: 'Absolute path to the source .pdf file.' },
            out_dir: { type: 'string', description: 'Output directory. Created if missing.' },
          },
          required: ['pdf_path', 'out_dir'],
        },
      },
    };
    const tool = { name: 'docshelf_convert_pdf', description: 'Standalone PDF → Markdown conversion.', inputSchema };
    expect(effects(outputPathParam, tool)).toEqual(['write', 'capability:filesystem']);
  });
  it('a $ref that names itself or its parent ends: the walk stays bounded', () => {
    const inputSchema = {
      type: 'object',
      properties: { node: { $ref: '#/$defs/Node' }, loop: { $ref: '#/$defs/Loop' } },
      $defs: {
        Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' }, label: { type: 'string' } } },
        Loop: { $ref: '#/$defs/Loop' },
      },
    };
    const params = extractSignals({ name: 'tree', inputSchema }).params;
    expect(params.map((p) => p.name)).toContain('label');
    expect(params.length).toBeLessThan(1000);
  });
  it('fires on a save-to path', () => {
    const tool = {
      name: 'take_screenshot',
      inputSchema: props({ filePath: { type: 'string', description: 'Path to save the screenshot to.' } }),
    };
    expect(effects(outputPathParam, tool)).toEqual(['write', 'capability:filesystem']);
  });
  it('is silent on a place, a filter, or a target that is what the call looks at', () => {
    for (const [name, description] of [
      ['location', "Name of a city or regency as the agency writes it, e.g. 'Jakarta'."],
      ['destination_location', 'Filter by destination location ID (target_location_id).'],
      ['target', 'Local catalog directory or pxt://org:database/path URI.'],
      // An attribute of a file, not where one goes.
      ['file_hash', 'A hash of the file records to find; the hash is stored uppercase by one sensor.'],
      ['folder_id', 'Folder id from list_folders. Omit to use the saved default folder.'],
    ] as const)
      expect(
        run(outputPathParam, { name: 'x', inputSchema: props({ [name]: { type: 'string', description } }) }),
      ).toEqual([]);
    // Said to receive output, the same names are output paths.
    for (const [name, description] of [
      ['location', 'File path where the export is saved.'],
      ['target', 'Directory the files are written to.'],
    ] as const)
      expect(
        effects(outputPathParam, { name: 'x', inputSchema: props({ [name]: { type: 'string', description } }) }),
      ).toEqual(['write', 'capability:filesystem']);
  });
  it('is silent on an input path', () => {
    expect(
      run(outputPathParam, {
        name: 'read_file',
        inputSchema: props({ path: { type: 'string', description: 'File to read.' } }),
      }),
    ).toEqual([]);
  });
  it('takes a bare destination as a path when the tool puts something there, and as a place otherwise', () => {
    const destination = props({ destination: { type: 'string' } });
    const download = {
      name: 'download_attachment',
      description: 'Download an attachment to an explicit local file path.',
      inputSchema: destination,
    };
    expect(effects(outputPathParam, download)).toEqual(['write', 'capability:filesystem']);
    expect(
      run(outputPathParam, {
        name: 'build_maps_link',
        description: 'Build a maps URL for a destination or route.',
        inputSchema: destination,
      }),
    ).toEqual([]);
  });
  it('an optional path for a result handed back otherwise, on a tool that only reads, is the caller keeping a copy', () => {
    const screenshot = (name: string, required?: string[]) => ({
      name,
      description: "Screenshot a running app's webview.",
      inputSchema: {
        type: 'object',
        properties: {
          filePath: {
            type: 'string',
            description: 'File path to save the screenshot to instead of returning as base64',
          },
        },
        ...(required ? { required } : {}),
      },
    });
    // The filesystem capability stays: the call can still write there.
    expect(effects(outputPathParam, screenshot('webview_screenshot'))).toEqual(['capability:filesystem']);
    expect(
      effects(outputPathParam, {
        name: 'spi_flash_read',
        description: 'Read bytes back from the SPI NOR flash, to a file or (up to 4096 bytes) as hex.',
        inputSchema: props({
          file: {
            type: 'string',
            description:
              "Write the bytes to this path on the server's machine; omit to get up to 4096 bytes back as hex.",
          },
        }),
      }),
    ).toEqual(['capability:filesystem']);
    // Required, under a name that changes something, or with no inline alternative: still a write.
    expect(effects(outputPathParam, screenshot('webview_screenshot', ['filePath']))).toContain('write');
    expect(effects(outputPathParam, screenshot('export_and_upload_screenshot'))).toContain('write');
    expect(
      effects(outputPathParam, {
        name: 'take_screenshot',
        description: 'Take a screenshot of the page.',
        inputSchema: props({ filePath: { type: 'string', description: 'Path to save the screenshot to.' } }),
      }),
    ).toContain('write');
  });
  it('is silent on a file name that picks something already made', () => {
    expect(
      run(outputPathParam, {
        name: 'fetch_plot',
        description: 'Re-fetch the PNG bytes of a plot previously generated in this session.',
        inputSchema: props({
          filename: {
            type: 'string',
            description: "Suggested filename of a previously generated plot (e.g. 'venn_2way.png'), to save it again.",
          },
        }),
      }),
    ).toEqual([]);
  });
});

describe('FORCE_FLAG and BULK_SCOPE', () => {
  it('an all-flag over the matches within one target is no bulk; one over many things still is', () => {
    const flag = (name: string) =>
      effects(forceFlag, {
        name: 'remove_process',
        description: 'Remove matching process blocks from one parameters file.',
        inputSchema: props({ [name]: { type: 'boolean' }, parameters_file: { type: 'string' } }),
      });
    expect(flag('all_matches')).not.toContain('bulk');
    expect(flag('all')).toContain('bulk');
  });
  it('force is destructive, recursive is bulk', () => {
    expect(
      effects(forceFlag, {
        name: 'x',
        inputSchema: props({
          force: { type: 'boolean', description: 'Delete even if not empty' },
          recursive: { type: 'boolean' },
        }),
      }),
    ).toEqual(['destructive', 'bulk']);
    // An undescribed force flag whose tool says nothing of it only lets the call go ahead: no loss named.
    expect(
      effects(forceFlag, {
        name: 'x',
        inputSchema: props({ force: { type: 'boolean' }, recursive: { type: 'boolean' } }),
      }),
    ).toEqual(['bulk']);
  });
  it('a discard or drop flag throws away what the call would keep', () => {
    const flag = (name: string, description?: string) =>
      effects(forceFlag, {
        name: 'close_session',
        inputSchema: props({ [name]: { type: 'boolean', ...(description === undefined ? {} : { description }) } }),
      });
    expect(flag('discard', 'Allow losing unsaved or busy work')).toEqual(['destructive']);
    expect(flag('discard_changes')).toEqual(['destructive']);
    expect(flag('drop_vectors')).toEqual(['destructive']);
    // A described flag still has to speak of loss: a drop shadow is none.
    expect(flag('drop_shadow', 'Draw a shadow under the card')).toEqual([]);
    // What a drop leaves out of what passes through, a drop shadow undescribed, loses nothing kept.
    expect(flag('drop_duplicates')).toEqual([]);
    expect(flag('drop_shadow')).toEqual([]);
  });
  it('a yes/no option that opens by deleting destroys even beside a read; a law in force is no forced call', () => {
    const flag = (name: string, type: string, description?: string) =>
      effects(forceFlag, {
        name: 'summarize_task_activity',
        description: 'Summarize task activity history to reduce context size',
        inputSchema: props({ [name]: { type, ...(description === undefined ? {} : { description }) } }),
      });
    expect(flag('delete_raw', 'boolean', 'Delete raw activity entries after summarizing')).toEqual(['destructive']);
    expect(flag('delete_extra', 'boolean', 'Delete files that only exist in the target')).toEqual(['destructive']);
    // A deletion time or an undescribed delete option says nothing of a loss by itself.
    expect(flag('delete_at', 'integer', 'Delete the post at this time')).toEqual([]);
    expect(flag('delete_old', 'boolean')).toEqual([]);
    // "in_force: Only include constitutions currently in force".
    expect(flag('in_force', '')).toEqual([]);
    expect(flag('in_force', 'boolean', 'Only include constitutions currently in force')).toEqual([]);
  });
  it('a flag described in a script the rules cannot read counts as undescribed', () => {
    const flag = (description: string) => ({
      name: 'download_template',
      inputSchema: props({ overwrite: { type: 'boolean', description } }),
    });
    expect(effects(forceFlag, flag('是否覆盖已存在的文件，默认为false（不覆盖）'))).toEqual(['destructive']);
    expect(effects(forceFlag, flag('Overwrite files that already exist'))).toEqual(['destructive']);
    expect(run(forceFlag, flag('Apply the template to a new project'))).toEqual([]);
  });
  it('a delete of a list the caller gives is bulk; removing listed things from a container is not', () => {
    expect(
      effects(bulkScope, {
        name: 'DeleteKubernetesPersistentVolumes',
        description: 'Delete the provided list of persistentvolumes.',
      }),
    ).toEqual(['bulk']);
    expect(effects(bulkScope, { name: 'delete_data_stream', description: 'Delete one or more data streams.' })).toEqual(
      ['bulk'],
    );
    expect(
      effects(bulkScope, {
        name: 'delete_records',
        inputSchema: props({ data_type: { type: 'string' }, record_ids: { type: 'array' } }),
      }),
    ).toEqual(['bulk']);
    expect(
      run(bulkScope, { name: 'firewall-remove-droplets', description: 'Removes one or more droplets from a firewall' }),
    ).toEqual([]);
    expect(run(bulkScope, { name: 'browser_drop', inputSchema: props({ paths: { type: 'array' } }) })).toEqual([]);
  });
  it("a deletion into the trash, a batch of edits to one file and a transaction's own changes are no bulk", () => {
    expect(
      run(bulkScope, { name: 'batch_delete', description: 'Batch move files to trash (max 100 per batch)' }),
    ).toEqual([]);
    expect(
      effects(bulkScope, { name: 'batch_delete', description: 'Permanently delete files, not to trash.' }),
    ).toEqual(['bulk']);
    expect(
      run(bulkScope, {
        name: 'batch_replace',
        inputSchema: props({ filename: { type: 'string' }, replacements: { type: 'array' } }),
      }),
    ).toEqual([]);
    expect(effects(bulkScope, { name: 'batch_replace', inputSchema: props({ files: { type: 'array' } }) })).toEqual([
      'bulk',
    ]);
    expect(
      run(bulkScope, {
        name: 'mysql_transaction_rollback',
        description: 'Rollback a transaction, undoing all changes.',
      }),
    ).toEqual([]);
    expect(effects(bulkScope, { name: 'discard', description: 'Discard all changes in the working tree.' })).toEqual([
      'bulk',
    ]);
  });
  it('bulk from the name', () => {
    expect(effects(bulkScope, { name: 'delete_all_integrations' })).toEqual(['bulk']);
  });
  it("a flag that forces the call's own save, creation or test past a warning destroys nothing", () => {
    for (const flag of ['forceSave', 'force_create', 'forceTest', 'force_add'])
      expect(run(forceFlag, { name: 'post_indexer', inputSchema: props({ [flag]: { type: 'boolean' } }) })).toEqual([]);
    // One that forces a push or a deletion still does, and a bare force flag whose tool says what it overrides.
    for (const flag of ['force_push', 'forceDelete'])
      expect(effects(forceFlag, { name: 'x', inputSchema: props({ [flag]: { type: 'boolean' } }) })).toEqual([
        'destructive',
      ]);
    const overrides = { name: 'x', description: 'Refuses when the file exists unless force is true.' };
    expect(effects(forceFlag, { ...overrides, inputSchema: props({ force: { type: 'boolean' } }) })).toEqual([
      'destructive',
    ]);
    expect(
      classify({
        name: 'sonarr_post_indexer',
        description: 'Add a new indexer configuration.',
        inputSchema: props({ data: { type: 'object' }, forceSave: { type: 'boolean' } }),
      }).category,
    ).toBe('write');
  });
});

describe('capability rules', () => {
  it.each<[Rule, { name: string; description?: string; inputSchema?: unknown }]>([
    [capFilesystem, { name: 'read_file' }],
    [capFilesystem, { name: 'x', inputSchema: props({ path: { type: 'string' } }) }],
    [capCodeExecution, { name: 'run_in_terminal' }],
    [capNetworkEgress, { name: 'x', inputSchema: props({ url: { type: 'string' } }) }],
    [capMessaging, { name: 'send_email' }],
    [capMessaging, { name: 'x', inputSchema: props({ recipients: { type: 'array' } }) }],
    [capFinancial, { name: 'create_refund' }],
    [capCredentials, { name: 'keyvault_secret_get' }],
    [capDatabase, { name: 'list_tables' }],
    [capInfrastructure, { name: 'pods_delete' }],
    [capBrowser, { name: 'browser_click' }],
    [capPersonalData, { name: 'list_customers' }],
  ])('%# %s fires', (rule, tool) => {
    expect(run(rule, tool).length).toBeGreaterThan(0);
  });

  it('does not take an API path for a file path', () => {
    expect(
      run(capFilesystem, {
        name: 'jira_get',
        inputSchema: props({ path: { type: 'string', description: 'The API endpoint path, e.g. /rest/api/3/issue' } }),
      }),
    ).toEqual([]);
  });

  it('does not take a page token for a credential or a press_key for a key', () => {
    expect(run(capCredentials, { name: 'list_items', inputSchema: props({ pageToken: { type: 'string' } }) })).toEqual(
      [],
    );
    expect(run(capCredentials, { name: 'press_key' })).toEqual([]);
    // An undo ticket handed back by an earlier write is no secret.
    expect(
      run(capCredentials, {
        name: 'restore_written_cells',
        description: 'Undo write_cells using the restore_token returned by that write.',
        inputSchema: props({ restore_token: { type: 'string' } }),
      }),
    ).toEqual([]);
  });

  it('does not take a credential picked by its id for a secret, but still takes the secret itself', () => {
    // create_voice_agent(brain_credential_id, ...) uses a stored credential; it neither reads nor changes it.
    expect(
      run(capCredentials, {
        name: 'create_voice_agent',
        description: 'Create a voice agent.',
        inputSchema: props({ brain_credential_id: { type: 'string' }, credential_ids: { type: 'array' } }),
      }),
    ).toEqual([]);
    expect(
      effects(capCredentials, {
        name: 'create_connection',
        description: 'Create a connection.',
        inputSchema: props({ password: { type: 'string' } }),
      }),
    ).toContain('capability:credentials');
    // An API token named in the description is still a secret ("Delete Api Token", token_id).
    expect(
      effects(capCredentials, {
        name: 'delete',
        description: 'Delete Api Token',
        inputSchema: props({ token_id: { type: 'string' } }),
      }),
    ).toContain('capability:credentials');
  });

  it('takes a bare "to" for a recipient only when it is described as one or is a list', () => {
    const to = (schema: Record<string, unknown>) =>
      effects(capMessaging, { name: 'x', inputSchema: props({ to: schema }) });
    expect(to({ type: 'string', description: 'Recipient email address' })).toEqual(['capability:messaging']);
    expect(to({ type: 'array', items: { type: 'string' } })).toEqual(['capability:messaging']);
    for (const description of [
      'End of the time range, ISO 8601',
      'Target unit',
      'Ending coordinate',
      'The path to redirect to',
    ])
      expect(to({ type: 'string', description }), description).toEqual([]);
    expect(to({ type: 'object', properties: { x: { type: 'number' } } })).toEqual([]);
  });

  it('"the page" is a browser\'s only beside a browser\'s words, not a result, landing or report page', () => {
    for (const description of [
      'List the people in the workspace, one cursor page at a time; the page count is shown.',
      "Show confirmed guests' first names on the page.",
      'Download one page image of a register, so it can be read. Read the page before citing it.',
    ])
      expect(run(capBrowser, { name: 'get_items', description }), description).toEqual([]);
    for (const description of [
      'Discover all global JavaScript functions available in the page.',
      'Press a real key using trusted CDP key events, so the page sees trusted events.',
      'Get all text content from the page (headings, paragraphs, lists).',
      'Wait for the specified text to appear on the selected page.',
    ])
      expect(effects(capBrowser, { name: 'run_step', description }), description).toContain('capability:browser');
  });

  it('a status or search page is no browser page, a thrust profile and a Pact pacticipant are no person', () => {
    for (const name of ['get_status_page', 'search_pages', 'get_help_page'])
      expect(run(capBrowser, { name }), name).toEqual([]);
    expect(effects(capBrowser, { name: 'page_screenshot' })).toContain('capability:browser');
    expect(run(capBrowser, { name: 'get_viewport_camera', description: 'The editor viewport camera, in 3D.' })).toEqual(
      [],
    );
    expect(effects(capBrowser, { name: 'set_viewport', description: 'Resize the page.' })).toContain(
      'capability:browser',
    );
    // A game engine's, an editor's or a mainframe's console is no browser's.
    for (const description of ['Execute an O3DE console command in the running editor.', 'Read the Godot console log.'])
      expect(run(capBrowser, { name: 'console', description }), description).toEqual([]);
    expect(effects(capBrowser, { name: 'list_console_messages' })).toContain('capability:browser');
    // A market screener screens stocks or pairs; the selected page of a browser is a page.
    expect(run(capBrowser, { name: 'screen_forex', description: 'Screen forex pairs on technical criteria.' })).toEqual(
      [],
    );
    expect(effects(capBrowser, { name: 'wait_for', description: 'Wait for text on the selected page.' })).toContain(
      'capability:browser',
    );
    // A step sequencer's channel carries notes, not chat; a logbook's or a DVR's record is no database row; a Hangul
    // document's table holds text.
    expect(
      run(capMessaging, {
        name: 'channel_get_steps',
        description: "Read one channel's step-sequencer grid.",
        inputSchema: props({ channel: { type: 'integer' } }),
      }),
    ).toEqual([]);
    // A contact's phone field is no one to message; a phone the text says is texted is.
    expect(
      run(capMessaging, {
        name: 'update_contact',
        description: 'Update a contact.',
        inputSchema: props({ phone: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(capMessaging, {
        name: 'bill_send',
        description: 'Send one e-invoice by SMS.',
        inputSchema: props({ phone: { type: 'string' } }),
      }),
    ).toContain('capability:messaging');
    expect(run(capDatabase, { name: 'validate_adif_record', description: 'Validate an ADIF record (a QSO).' })).toEqual(
      [],
    );
    expect(effects(capDatabase, { name: 'create_record', description: 'Create a CRM record.' })).toContain(
      'capability:database',
    );
    expect(run(capDatabase, { name: 'get_table_text', description: 'Read a table of an HWPX document.' })).toEqual([]);
    // A draft is a mail's only where the text speaks of mail or sending; "upsert" alone names no database, a
    // CosmosDB container does, and one the call is kept from does not.
    expect(
      run(capMessaging, { name: 'createDraftPullRequest', description: 'Create a new draft pull request' }),
    ).toEqual([]);
    expect(effects(capMessaging, { name: 'send_draft', description: 'Send an existing draft.' })).toContain(
      'capability:messaging',
    );
    expect(
      run(capDatabase, { name: 'upsert_budget', description: 'Create or update a budget for a category.' }),
    ).toEqual([]);
    expect(
      effects(capDatabase, { name: 'mcp_create_document', description: 'Create a document in a CosmosDB container.' }),
    ).toContain('capability:database');
    expect(
      run(capDatabase, { name: 'storage', description: 'Blob storage. Do not use for Azure Cosmos DB containers.' }),
    ).toEqual([]);
    // A stock index and a registry's garbage collection are no database's index or collection.
    expect(
      run(capDatabase, { name: 'get_index_quote', description: 'Latest level of an Indian index: nifty50, sensex.' }),
    ).toEqual([]);
    expect(
      run(capDatabase, { name: 'garbage_collection_start', description: 'Start a garbage collection for a registry.' }),
    ).toEqual([]);
    // A description trigger its own clause denies touching counts for no capability (capability-rule.ts
    // NEGATED_BEFORE); a verb that acts on the thing keeps it.
    expect(
      run(capFinancial, {
        name: 'stop_vm',
        description: 'Stop the VM. This is a power state change and does not affect billing.',
      }),
    ).toEqual([]);
    expect(
      run(capCredentials, {
        name: 'list_targets',
        description: 'List the targets. Never returns connection strings or secrets.',
      }),
    ).toEqual([]);
    expect(
      run(capCredentials, {
        name: 'start_run',
        description: 'Start a run. Never invent an id or use secrets/conversation content as an id.',
      }),
    ).toEqual([]);
    expect(
      run(capFinancial, {
        name: 'generate_test_ibans',
        description: 'Output is test data only and must never be used for payments.',
      }),
    ).toEqual([]);
    // "Billing" counts only where the tool reads or changes a party's billing (financial.ts BILLING_OF_A_PARTY), not
    // where the call itself is billed or a billing period passes by.
    expect(
      run(capFinancial, {
        name: 'set_sandbox_ttl',
        description: 'Set Sandbox expiry. Pass 0 to disable expiry: the Sandbox keeps billing until it is deleted.',
      }),
    ).toEqual([]);
    expect(
      run(capFinancial, {
        name: 'get_usage',
        description: 'Get current billing period usage vs quota for this API key.',
      }),
    ).toEqual([]);
    expect(
      effects(capFinancial, {
        name: 'list_rates',
        description: 'List billing rates configured for this organisation.',
      }),
    ).toContain('capability:financial');
    expect(
      effects(capFinancial, { name: 'pause_location', description: 'Pause a location — temporarily suspend billing.' }),
    ).toContain('capability:financial');
    expect(
      run(capFilesystem, {
        name: 'review_design',
        description: 'It never creates a circuit, writes files, or starts a simulation.',
      }),
    ).toEqual([]);
    expect(run(capFilesystem, { name: 'check_coverage', description: 'Read-only, touches no filesystem.' })).toEqual(
      [],
    );
    expect(
      run(capCredentials, {
        name: 'dependency_audit',
        description: 'Audit dependencies. Not for: secrets leaked in source code (use repo_scanner).',
      }),
    ).toEqual([]);
    expect(
      effects(capCredentials, {
        name: 'delete_credential',
        description: 'Remove a stored credential. Cannot delete credentials currently used in active workflows.',
      }),
    ).toContain('capability:credentials');
    expect(
      effects(capDatabase, {
        name: 'enable_semantic',
        description: 'Enable it per keyspace. This tool never enables semantic search database-wide.',
      }),
    ).toContain('capability:database');
    // A database the call keeps clear of, or a public reference it only looks things up in, is none it works on.
    expect(
      run(capDatabase, { name: 'get_info', description: 'Read-only, does not require database connectivity.' }),
    ).toEqual([]);
    expect(run(capDatabase, { name: 'search_foods', description: "Search MyFitnessPal's food database." })).toEqual([]);
    expect(
      effects(capDatabase, { name: 'get_docs', description: 'Basic queries without complex SQL syntax.' }),
    ).toContain('capability:database');
    expect(effects(capDatabase, { name: 'list_views', description: 'List all views in the database.' })).toContain(
      'capability:database',
    );
    // A URL that names an item of one service ("Figma file URL") is read through that service, not a host of the caller's.
    const url = (description: string) => ({
      name: 'get_styles',
      inputSchema: props({ fileUrl: { type: 'string', description } }),
    });
    expect(run(capNetworkEgress, url('Figma file URL'))).toEqual([]);
    expect(run(capNetworkEgress, url('YouTube video URL or ID'))).toEqual([]);
    expect(effects(capNetworkEgress, url('The URL to fetch'))).toContain('capability:network-egress');
    // An endpoint picked by its name in one fixed API ("Name of the endpoint (e.g. "income_statement")") is no host.
    const endpoint = (description: string) => ({
      name: 'fmp_describe',
      inputSchema: props({ endpoint: { type: 'string', description } }),
    });
    expect(run(capNetworkEgress, endpoint('Name of the endpoint (e.g., "income_statement").'))).toEqual([]);
    expect(effects(capNetworkEgress, endpoint('The endpoint to call'))).toContain('capability:network-egress');
    // A ledger's accounts (a chart of accounts) hold money, not people.
    const accounts = {
      name: 'list_accounts',
      description: 'List the chart of accounts (assets, liabilities, income).',
    };
    expect(run(capPersonalData, accounts)).toEqual([]);
    expect(effects(capFinancial, accounts)).toContain('capability:financial');
    expect(effects(capPersonalData, { name: 'list_accounts', description: 'List user accounts.' })).toContain(
      'capability:personal-data',
    );
    // An account is a person's only where the description speaks of people or their details; a brokerage's, a
    // host's or an ACME account is not, and a ledger's stays away even where people are named.
    expect(run(capPersonalData, { name: 'get_account_info', description: 'Retrieves balances and status.' })).toEqual(
      [],
    );
    expect(
      effects(capPersonalData, { name: 'get_account', description: 'The signed-in account: name and email.' }),
    ).toContain('capability:personal-data');
    expect(
      run(capPersonalData, { name: 'list_accounts', description: 'List the chart of accounts of each customer.' }),
    ).toEqual([]);
    // Nor is an atmosphere's or an InSpec profile a person's.
    expect(run(capPersonalData, { name: 'get_atmosphere_profile' })).toEqual([]);
    // A download reaches a caller-chosen host only where the description speaks of a URL or link.
    expect(run(capNetworkEgress, { name: 'download_report', description: 'Download a report by id.' })).toEqual([]);
    expect(effects(capNetworkEgress, { name: 'download_file', description: 'Download a file from a URL.' })).toContain(
      'capability:network-egress',
    );
    // A firewall's rules are infrastructure even when only the description names them; so are gcloud and kubectl.
    expect(
      effects(capInfrastructure, { name: 'move_filter_rule', description: 'Move an IPv6 firewall filter rule.' }),
    ).toContain('capability:infrastructure');
    expect(effects(capInfrastructure, { name: 'run_gcloud_command' })).toContain('capability:infrastructure');
    // A pull, merge, access or feature request is people's, not an HTTP request.
    for (const name of ['get_pull_request', 'approve_access_request', 'create_feature_request', 'list_change_request'])
      expect(run(capNetworkEgress, { name }), name).toEqual([]);
    expect(effects(capNetworkEgress, { name: 'http_request' })).toContain('capability:network-egress');
    for (const name of ['optimize_thrust_profile', 'get_pacticipant'])
      expect(run(capPersonalData, { name }), name).toEqual([]);
    expect(effects(capPersonalData, { name: 'get_user_profile' })).toContain('capability:personal-data');
    // A load balancer pool's members are servers; a team's members are people.
    expect(
      run(capPersonalData, {
        name: 'get_pool_members',
        description: 'Get members for a specific load balancer pool. Shows pool members and their health.',
      }),
    ).toEqual([]);
    expect(
      effects(capPersonalData, { name: 'list_team_members', description: 'List the members of a team.' }),
    ).toContain('capability:personal-data');
    // An event's guests and attendees are people; a hypervisor's guests are virtual machines.
    expect(effects(capPersonalData, { name: 'list_guests', description: 'List the guests of an event.' })).toContain(
      'capability:personal-data',
    );
    expect(
      run(capPersonalData, {
        name: 'bulk_start_guests',
        description: 'Start several guests (VMs and LXC containers) on a node.',
      }),
    ).toEqual([]);
    // A memory or chain address given in hex is no one's home address.
    const address = (description: string) => ({
      name: 'read_memory',
      inputSchema: props({ address: { type: 'string', description } }),
    });
    expect(run(capPersonalData, address("Starting address, as a hex string (e.g. '0x08804000')"))).toEqual([]);
    expect(run(capPersonalData, address('Recipient address, e.g. 0x742d35cc6634c0532925a3b8'))).toEqual([]);
    expect(effects(capPersonalData, address("The customer's postal address"))).toContain('capability:personal-data');
  });

  it('takes a transfer for money only where money is spoken of, a memory bank for no bank and a scroll amount for no sum', () => {
    expect(
      run(capFinancial, { name: 'spi_transfer', description: 'Write bytes and read bytes in one SPI transaction.' }),
    ).toEqual([]);
    expect(
      run(capFinancial, { name: 'style_transfer', description: 'Generate an image in the style of another.' }),
    ).toEqual([]);
    expect(
      effects(capFinancial, { name: 'transfer_funds', description: 'Move an amount between two accounts.' }),
    ).toContain('capability:financial');
    expect(run(capFinancial, { name: 'memory_bank_update' })).toEqual([]);
    // A transaction begun, committed or rolled back is a database's; a transaction otherwise is money.
    for (const name of [
      'transaction_commit',
      'begin_transaction',
      'mysql_transaction_savepoint',
      'db_transaction',
      'mysql_transaction_release',
    ])
      expect(run(capFinancial, { name }), name).toEqual([]);
    // A checkout of a branch is version control's; a checkout otherwise is a purchase.
    expect(
      run(capFinancial, { name: 'memkernel_checkout', description: "Switch this session's active branch." }),
    ).toEqual([]);
    expect(effects(capFinancial, { name: 'create_checkout', description: 'Create a Stripe session.' })).toContain(
      'capability:financial',
    );
    expect(effects(capFinancial, { name: 'list_transactions' })).toContain('capability:financial');
    expect(
      run(capFinancial, {
        name: 'browser_scroll',
        inputSchema: props({ amount: { type: 'number', description: 'Scroll amount in pixels' } }),
      }),
    ).toEqual([]);
    expect(
      effects(capFinancial, {
        name: 'x',
        inputSchema: props({ amount: { type: 'number', description: 'Line amount' } }),
      }),
    ).toEqual(['capability:financial']);
  });

  it('counts an API key only where the tool hands one over, keeps or manages it, not where it only runs on its own', () => {
    const said = (description: string) => run(capCredentials, { name: 'x', description });
    for (const description of [
      'Get a group. Error Handling: 401 means the API key is missing or revoked.',
      'Get your status. Args: - apiKey (string): Your Molten API key',
      'Generate a compliance report for all proofs certified under your API key.',
      'Get the Splitwise user the API key belongs to.',
    ])
      expect(said(description), description).toEqual([]);
    for (const description of [
      'Create an account. Returns an API key (shown once) and a claim link.',
      'Remove stored cube-agent API key.',
      'Create a free account; the API key is emailed once you verify your address.',
      'Register a brand. Creates a new brand identity with a DID and API key.',
      '注册新的 AI Agent，获取 API Key。',
    ])
      expect(effects(capCredentials, { name: 'x', description }), description).toEqual(['capability:credentials']);
  });

  it('takes "credentials" only where the tool stores, hands over, changes or removes them', () => {
    const said = (description: string) => run(capCredentials, { name: 'x', description });
    for (const description of [
      'Check your balance on an exchange using stored credentials.',
      'Requirements - Valid AWS credentials with permissions to list S3 buckets.',
      'Error Handling: - Auth errors suggest checking credentials',
      'Get connection details for an index. (Credentials are intentionally not returned.)',
      'Never include secrets, tokens, credentials or source code in the message.',
    ])
      expect(said(description), description).toEqual([]);
    for (const description of [
      'Disconnect a connected service. Removes stored credentials.',
      'Delete a service account. Deleting the account revokes its credentials.',
      "Update a database connection's configuration, credentials, or sync settings",
      'Modifying configuration parameters (credentials, settings, API keys, etc.)',
    ])
      expect(effects(capCredentials, { name: 'x', description }), description).toEqual(['capability:credentials']);
  });

  it("does not take a socket address as a person's address", () => {
    expect(
      run(capPersonalData, {
        name: 'browser_connect',
        description: 'Attach to an already-running browser over its CDP WebSocket address.',
        inputSchema: props({ ws_address: { type: 'string' } }),
      }),
    ).toEqual([]);
  });

  it('does not take a link the user opens in their browser, nor browser processes, as driving a browser', () => {
    for (const description of [
      'This tool returns a URL that the user needs to open in their browser to authenticate.',
      'Collect the key after the user approved in their browser.',
      'Returns CPU %, RAM, disk, browser processes.',
    ])
      expect(run(capBrowser, { name: 'x', description }), description).toEqual([]);
    expect(effects(capBrowser, { name: 'x', description: 'Open a URL in the browser.' })).toEqual([
      'capability:browser',
    ]);
  });

  it('does not take a secret the call only authenticates with or does without, nor a flow ticket, for one it reads or changes', () => {
    const said = (description: string) => run(capCredentials, { name: 'x', description });
    for (const description of [
      'Arm the alarm. Requires an API key.',
      'Lists topics using your access token.',
      'Fetch an image from a URL without embedded credentials.',
      // The caller's own key, glossed as the one the call is made with, is how it is called.
      'Mark events as read. Args: - apiKey (string): Your Molten API key',
      'List every Android device your API key can access.',
    ])
      expect(said(description), description).toEqual([]);
    expect(effects(capCredentials, { name: 'x', description: 'Rotates the API key of a project.' })).toEqual([
      'capability:credentials',
    ]);
    // A keypad's key and an NFT's or ERC-20's token are no secrets; an access token or a wallet key still is.
    expect(run(capCredentials, { name: 'audio_zone_key', description: 'Send a keypad command to a zone.' })).toEqual(
      [],
    );
    // Nor is a key pressed on a machine ("Send a key event to a VM (e.g. ctrl-alt-del)").
    expect(
      run(capCredentials, {
        name: 'send_vm_key',
        description: 'Send a key event to a VM (e.g. ctrl-alt-del).',
        inputSchema: props({ key: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      run(capCredentials, {
        name: 'mint_nft',
        description: 'Make a non-fungible token (ERC-721).',
        inputSchema: props({ tokenUri: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(capCredentials, {
        name: 'verify_identity',
        description: 'Verify your identity on a blockchain.',
        inputSchema: props({ access_token: { type: 'string' } }),
      }),
    ).toContain('capability:credentials');
    expect(
      effects(capCredentials, {
        name: 'generate_key',
        description: 'Generate a wallet key pair for ERC-20 transfers.',
      }),
    ).toContain('capability:credentials');
    for (const name of ['confirmation_token', 'lease_token', 'approval_token', 'resumption_token', 'snapshot_token'])
      expect(run(capCredentials, { name: 'apply', inputSchema: props({ [name]: { type: 'string' } }) }), name).toEqual(
        [],
      );
    for (const description of ['CRM access token', 'Bearer token for authorization', 'Token used to authenticate'])
      expect(
        run(capCredentials, { name: 'get_contact', inputSchema: props({ token: { type: 'string', description } }) }),
        description,
      ).toEqual([]);
    // A password that is what the call sets still is one.
    expect(
      effects(capCredentials, {
        name: 'create_user',
        inputSchema: props({ password: { type: 'string', description: 'Initial password of the new user' } }),
      }),
    ).toEqual(['capability:credentials']);
  });
});

describe('the rule index', () => {
  it('lists every rule once, with a permanent code and a summary', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(r.summary.length).toBeGreaterThan(20);
    }
  });
});

// The general rule fixes of the 2026-12-02 verdict review (verdict-review.json): made-up tools in the same shapes.
describe('fixes from the verdict review', () => {
  const verdict = (tool: Parameters<typeof run>[1]) => {
    const v = classify(tool as Parameters<typeof classify>[0], { ignoreAnnotations: true });
    return `${v.category}/${v.risk}${v.capabilities.includes('code-execution') ? ' code' : ''}`;
  };

  it('an interpreter named with no verb does what its description opens with: a read of the place runs nothing', () => {
    expect(
      effects(capCodeExecution, { name: 'shell_box_domain', description: 'Get the current sandbox domain.' }),
    ).toEqual([]);
    expect(
      effects(capCodeExecution, {
        name: 'stat_sandbox_entry',
        description: 'Describe one sandbox file without reading it.',
      }),
    ).toEqual([]);
    expect(
      effects(capCodeExecution, { name: 'bash_session', description: 'Run a line in a persistent bash session.' }),
    ).toContain('execution:arbitrary');
    expect(effects(capCodeExecution, { name: 'python_sandbox' })).toContain('execution:arbitrary');
  });

  it('an interpreter named beside a verb that manages it runs nothing; one fed what to run still does', () => {
    expect(effects(capCodeExecution, { name: 'sandbox_status', description: 'Checks if the sandbox is up.' })).toEqual(
      [],
    );
    expect(verdict({ name: 'delete_sandbox', description: 'Delete a sandbox.' })).toBe('destructive/high');
    expect(verdict({ name: 'sandbox_mkdir', description: 'Create a directory in the sandbox.' })).toBe('write/medium');
    expect(verdict({ name: 'revoke_terminal_access', description: 'Revoke one terminal key.' })).not.toMatch(/code/);
    expect(verdict({ name: 'model_eval_delete_run', description: 'Delete a model evaluation run.' })).not.toMatch(
      /code/,
    );
    expect(
      effects(capCodeExecution, { name: 'run_in_terminal', description: 'Run a line in the terminal.' }),
    ).toContain('execution:arbitrary');
    expect(effects(capCodeExecution, { name: 'repl_eval', description: 'Evaluate a Python expression.' })).toContain(
      'execution:arbitrary',
    );
    expect(
      effects(capCodeExecution, {
        name: 'bash_transform',
        description: 'Transform a bash script without executing it.',
      }),
    ).toEqual([]);
  });

  it('code parameters: an enum picks an operation, a looked-at one is read, a query string is no query language', () => {
    const enumCommand = props({
      command: { type: 'string', enum: ['PayBill', 'BuyGoods'] },
      amount: { type: 'number' },
    });
    expect(
      effects(codeExecution, { name: 'pay_business', description: 'Pay a business.', inputSchema: enumCommand }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'sql_check',
        description: 'Check SQL against the rules.',
        inputSchema: props({ sql: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'challenge',
        description: 'Finds flaws. Args: statement: The idea, plan, or code to critique',
        inputSchema: props({ statement: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(
      effects(codeExecution, {
        name: 'call_api',
        description: 'Call an endpoint of an API.',
        inputSchema: props({
          path: { type: 'string' },
          query: { type: 'string', description: 'URL query-string parameters' },
        }),
      }),
    ).toEqual([]);
    // Still code: a free command, a query tool named to run one.
    expect(
      effects(codeExecution, {
        name: 'adb_shell',
        description: 'Run a shell command.',
        inputSchema: props({ command: { type: 'string' } }),
      }),
    ).toContain('execution:arbitrary');
    expect(
      effects(codeExecution, {
        name: 'run_query',
        description: 'Run a query.',
        inputSchema: props({ query: { type: 'string' } }),
      }),
    ).toContain('execution:arbitrary');
  });

  it('a `method` parameter that may be DELETE can destroy what a generic request tool is pointed at', () => {
    const m = (method: unknown) =>
      effects(httpMethod, {
        name: 'call_api',
        description: 'Call an endpoint.',
        inputSchema: props({ method, path: { type: 'string' } }),
      });
    expect(m({ type: 'string', enum: ['GET', 'POST', 'DELETE'] })).toEqual(['destructive']);
    expect(m({ type: 'string', description: 'GET, POST, PUT or DELETE' })).toEqual(['destructive']);
    expect(m({ type: 'string', enum: ['GET', 'HEAD'] })).toEqual([]);
  });

  it('flags that redo or read are not destruction; replace_all in a text edit is not bulk', () => {
    const flags = (p: Record<string, unknown>, description = 'Index a folder.') =>
      effects(forceFlag, { name: 'index_folder', description, inputSchema: props(p) });
    expect(flags({ force_reindex: { type: 'boolean' } })).toEqual([]);
    expect(flags({ force_refresh: { type: 'boolean' } })).toEqual([]);
    // A display mode forced on what is shown ("force_dark: force dark web pages") loses nothing.
    expect(flags({ force_dark: { type: 'boolean' } })).toEqual([]);
    expect(flags({ fetch_all: { type: 'boolean' } })).toEqual([]);
    expect(flags({ dump_all: { type: 'boolean' } })).toEqual([]);
    expect(flags({ force: { type: 'boolean', description: 'Overwrite the existing index' } })).toEqual(['destructive']);
    expect(flags({ recursive: { type: 'boolean' } })).toEqual(['bulk']);
    const edit = props({
      old_string: { type: 'string' },
      new_string: { type: 'string' },
      replace_all: { type: 'boolean' },
    });
    expect(effects(forceFlag, { name: 'edit', description: 'Edit a file.', inputSchema: edit })).toEqual([
      'destructive',
    ]);
  });

  it('"exclude all files" is not bulk; "key events" and pagination tokens are not secrets', () => {
    expect(
      effects(bulkScope, {
        name: 'deploy_app',
        description: 'Deploy an archive; exclude all files matched by .gitignore.',
      }),
    ).toEqual([]);
    expect(effects(bulkScope, { name: 'purge', description: 'Deletes all files in the bucket.' })).toEqual(['bulk']);
  });
  it('a bulk word the tool takes an id of names the one thing it acts on ("delete_batch(batch_id)")', () => {
    const batchId = props({ batch_id: { type: 'string' } });
    expect(
      run(bulkScope, {
        name: 'delete_batch',
        description: 'Delete a batch record (its runs stay).',
        inputSchema: batchId,
      }),
    ).toEqual([]);
    expect(effects(bulkScope, { name: 'delete_batch', inputSchema: props({ ids: { type: 'array' } }) })).toEqual([
      'bulk',
    ]);
    expect(
      effects(capCredentials, { name: 'list_key_events', description: 'List the key events of a property.' }),
    ).toEqual([]);
    expect(effects(capCredentials, { name: 'list_api_keys', description: 'List API keys.' })).toContain(
      'capability:credentials',
    );
    const paged = props({ token: { type: 'string', description: 'Token from a prior call to fetch the next page' } });
    expect(effects(capCredentials, { name: 'get_results', description: 'Get results.', inputSchema: paged })).toEqual(
      [],
    );
  });
});

describe('exports', () => {
  it('an export handed back in the response, or only taken out of where it lives, is a read; one put somewhere, or saying nothing, stays a change', () => {
    const category = (name: string, description: string, inputSchema?: unknown) =>
      classify({ name, description, inputSchema } as Parameters<typeof classify>[0], { ignoreAnnotations: true })
        .category;
    expect(category('export_citations', 'Export BibTeX citations for papers. Returns the rendered entries.')).toBe(
      'read',
    );
    expect(category('odoo_export_records', 'Export records matching a domain as CSV text (read-only).')).toBe('read');
    expect(category('export_board', 'Export a board as Markdown.')).toBe('read');
    expect(category('export_feeds', 'Export all feeds as OPML XML string.')).toBe('read');
    // A hyphened word before the format ("as one MCP-local JSON envelope") still names the format handed back.
    expect(category('export_report', 'Export the workflow and the findings as one MCP-local JSON envelope.')).toBe(
      'read',
    );
    expect(category('export_drawing', 'Export the drawing as a .glb file.')).not.toBe('read');
    expect(
      category('export_issues_bcf', 'Export every issue to a BCF file at the given path. Returns the count.'),
    ).not.toBe('read');
    expect(category('export_accounts', 'Export account data from the ledger.')).toBe('read');
    expect(category('export_rows', 'Export rows from a table to a CSV file at the given path.')).not.toBe('read');
    expect(category('export_ledger', 'Export the ledger.')).not.toBe('read');
    expect(category('export_model', 'Export model. Returns: a status dict.')).not.toBe('read');
    expect(category('export_to_file', 'Export the report and return a summary.')).not.toBe('read');
  });

  it('an expansion of data, or of something into what it stands for, is handed back; expanding a node or a pool is a change', () => {
    const hits = (rule: Rule, name: string, description: string) => effects(rule, { name, description });
    expect(hits(nameVerb, 'expand_styles', 'Expand styles data for a stored element.')).toEqual(['read']);
    expect(hits(descriptionLeadVerb, 'x', 'Expand a BOM into its managed dependency versions.')).toEqual(['read']);
    expect(hits(nameVerb, 'ui_expand', 'Expand a TreeView node or other collapsible element.')).toEqual(['write']);
    expect(hits(descriptionLeadVerb, 'x', 'Expands an existing IP pool by appending address ranges.')).toEqual([
      'write',
    ]);
  });

  it('a description opening with a question or a list heading is weakly a read', () => {
    expect(effects(nounPhraseLead, { name: 'port_state', description: 'Is the service healthy right now?' })).toEqual([
      'read',
    ]);
    expect(
      effects(nounPhraseLead, { name: 'dx_spots', description: 'Live cluster spots from the public feed.' }),
    ).toEqual(['read']);
    expect(effects(nounPhraseLead, { name: 'fares', description: 'All fares offered for one connection.' })).toEqual([
      'read',
    ]);
  });
});

describe('noun phrases with a noun after an article or a verb in a relative clause (low-confidence sample)', () => {
  it('a noun an article leads, or a verb after "that", names no change of the call', () => {
    expect(
      effects(nounPhraseLead, {
        name: 'theme_regions',
        description: 'Region layout of a theme with the blocks placed in each one.',
      }),
    ).toEqual(['read']);
    expect(
      effects(nounPhraseLead, {
        name: 'engine_params',
        description: "A variant's values by slot for an engine material that follows the shared wear formula.",
      }),
    ).toEqual(['read']);
    expect(
      effects(nounPhraseLead, {
        name: 'flightbox_siblings',
        description: 'Everything that ran under the same parent, in execution order.',
      }),
    ).toEqual(['read']);
    // A change the opening itself names still keeps the rule silent.
    expect(effects(nounPhraseLead, { name: 'x', description: 'The tool updates the record.' })).toEqual([]);
  });
});

describe('words read in their context (the second 2026-12-03 verdict review)', () => {
  it('calling a program is not calling a person; a transfer\'s "to" is a wallet, not someone messaged', () => {
    const sends = (tool: Parameters<typeof run>[1]) => effects(sendsToPeople, tool).includes('sends');
    expect(sends({ name: 'call_javascript_function', description: 'Call a JavaScript function with arguments.' })).toBe(
      false,
    );
    expect(sends({ name: 'call_tool', description: 'Call a tool by name with the given arguments.' })).toBe(false);
    expect(sends({ name: 'ring', description: 'Call a contact and play the message.' })).toBe(true);
    const to = props({ to: { type: 'string', description: 'The recipient address' } });
    const gas = { name: 'estimate_gas', description: 'Estimate the gas cost for a transaction.', inputSchema: to };
    expect(effects(capMessaging, gas)).toEqual([]);
    expect(sends(gas)).toBe(false);
    const mail = { name: 'compose', description: 'Compose a note.', inputSchema: to };
    expect(effects(capMessaging, mail)).toEqual(['capability:messaging']);
    expect(sends(mail)).toBe(true);
  });

  it('code given to a browser instance, or calling the DOM, runs in the page', () => {
    const fn = {
      name: 'call_javascript_function',
      description:
        "Call a JavaScript function. Args: instance_id: Browser instance ID. function_path: full path to the function (e.g., 'document.getElementById').",
      inputSchema: props({
        instance_id: { type: 'string', description: 'Browser instance ID' },
        function_path: { type: 'string', description: 'Full path to the function' },
      }),
    };
    const v = classify(fn, { ignoreAnnotations: true });
    expect(v.category).toBe('write');
    expect(v.capabilities).toEqual(['browser']);
    // A guide's file name ("guides/window.md") is no DOM call.
    const script = {
      name: 'run_script',
      description: 'Run a script given as text (see guides/window.md).',
      inputSchema: props({ code: { type: 'string', description: 'the script' } }),
    };
    expect(classify(script, { ignoreAnnotations: true }).capabilities).toContain('code-execution');
  });

  it("a project tool's folders, a vault of notes, a CMS's or search analytics' pages are no files, secrets or browser", () => {
    expect(effects(capFilesystem, { name: 'list_folders', description: 'List folders in a space.' })).toEqual([]);
    expect(effects(capFilesystem, { name: 'list_folders', description: 'List folders in a directory.' })).toEqual([
      'capability:filesystem',
    ]);
    expect(
      effects(capCredentials, { name: 'vault_folders', description: 'List the folders of the Obsidian vault.' }),
    ).toEqual([]);
    expect(
      effects(capCredentials, { name: 'vault_read_secret', description: 'Read a secret from the vault.' }),
    ).toContain('capability:credentials');
    expect(effects(capBrowser, { name: 'get_page', description: 'Get a Confluence page by id.' })).toEqual([]);
    expect(
      effects(capBrowser, { name: 'page_performance', description: 'Top pages by clicks, impressions and CTR.' }),
    ).toEqual([]);
    expect(effects(capBrowser, { name: 'get_page', description: 'Get the HTML of the open tab.' })).toEqual([
      'capability:browser',
    ]);
    expect(effects(capInfrastructure, { name: 'close_instance', description: 'Close a browser instance.' })).toEqual(
      [],
    );
    expect(effects(capInfrastructure, { name: 'stop_instance', description: 'Stop an EC2 instance.' })).toEqual([
      'capability:infrastructure',
    ]);
  });

  it('clearing a cache is not destruction in bulk', () => {
    expect(
      effects(bulkScope, { name: 'cache_clear', description: 'Clear cached data. Clears all tables when omitted.' }),
    ).toEqual([]);
    expect(
      effects(bulkScope, { name: 'table_clear', description: 'Clear data. Clears all tables when omitted.' }),
    ).toEqual(['bulk']);
  });

  it('ACTION_ENUM reads values listed with bars ("list (default) | status | switch")', () => {
    const tool = {
      name: 'profile',
      inputSchema: props({
        action: {
          type: 'string',
          description: 'list (default) | status | switch - switch: use profile `name` from now on',
        },
      }),
    };
    expect(effects(actionEnum, tool)).toEqual(['write', 'read']);
  });
});

describe('what a random sample of unannotated servers showed', () => {
  it('"Does not write to disk" states that the call changes nothing, so the learned raise yields to it', () => {
    const made = {
      name: 'solidity_token',
      description:
        'Make a fungible token contract. Returns the source code of the generated contract. Does not write to disk.',
    };
    expect(effects(readOnlyPhrase, made)).toEqual(['read']);
    expect(classify(made, { ignoreAnnotations: true }).category).toBe('read');
    // Writing nothing of one kind says nothing of the rest.
    expect(
      effects(readOnlyPhrase, { name: 'x', description: 'Store the key. It never writes secrets to logs.' }),
    ).toEqual([]);
  });

  it('an amount of pixels or scroll steps is no money, even when only the description says so', () => {
    const amount = props({ amount: { type: 'integer' } });
    expect(
      effects(capFinancial, {
        name: 'scroll_page',
        description: 'Scroll the page. amount (int): Pixels to scroll.',
        inputSchema: amount,
      }),
    ).toEqual([]);
    expect(effects(capFinancial, { name: 'pay', description: 'Pay the supplier.', inputSchema: amount })).toContain(
      'capability:financial',
    );
  });

  it('a change offered as an alternative in the opening ("… or manage function definitions") is part of what the call does', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'x', description });
    expect(lead('Get CFG/branch/loop info or manage function definitions')).toEqual(['read', 'write']);
    expect(lead('List handles, get handle name, or close a handle')).toEqual(['read', 'write']);
    // Not a request for data, nor a word at the end of an aside.
    expect(lead('Get the session timetable, or request a snapshot for a timestamp.')).toEqual(['read']);
    expect(lead('Get the status of a job (open or close).')).toEqual(['read']);
  });
});

// The general rule fixes of the seventh verdict review (2026-12-04, verdict-review.json): made-up tools in the same shapes.
describe('fixes from the seventh verdict review', () => {
  const v = (tool: { name: string; description?: string; inputSchema?: unknown }) =>
    classify(tool, { ignoreAnnotations: true });

  it('a bulk copy or upload whose only loss is an overwrite option is destructive but not bulk destruction', () => {
    const flags = props({
      source: { type: 'string' },
      destination: { type: 'string' },
      recursive: { type: 'boolean' },
      overwrite: { type: 'boolean', description: 'Overwrite existing file' },
    });
    const copy = v({ name: 'copy_file', description: 'Copies a file or directory', inputSchema: flags });
    expect([copy.category, copy.risk]).toEqual(['destructive', 'high']);
    // Deleting recursively is still bulk destruction.
    const remove = v({
      name: 'delete_directory',
      description: 'Deletes a directory.',
      inputSchema: props({ path: { type: 'string' }, recursive: { type: 'boolean' } }),
    });
    expect([remove.category, remove.risk]).toEqual(['destructive', 'critical']);
  });

  it('"forward" before a read names its direction: forward geocoding looks an address up', () => {
    expect(
      v({ name: 'forward_geocode', description: 'Gives the latitude and longitude of an address.' }).category,
    ).toBe('read');
    expect(v({ name: 'forward_message', description: 'Forward a message to a chat.' }).category).toBe('write');
  });

  it('"like" before a read names its kind: a LIKE search finds rows', () => {
    expect(
      v({ name: 'mysql_like_search', description: 'Find rows using LIKE pattern matching with % and _ wildcards.' })
        .category,
    ).toBe('read');
    expect(v({ name: 'like_forum_post', description: 'Like a post in the forum.' }).category).toBe('write');
  });

  it('a query tool that says in Chinese it runs read-only SQL ("执行只读 SQL 查询") is a guarded read', () => {
    const sql = props({ sql: { type: 'string' } });
    const guarded = v({ name: 'sql_query', description: '安全执行只读 SQL 查询或获取执行计划。', inputSchema: sql });
    expect(guarded.category).toBe('read');
    expect(guarded.capabilities).not.toContain('code-execution');
    // "Unavailable in read-only mode" says the tool writes.
    const writes = v({ name: 'run_sql', description: '执行任意 SQL 语句（只读模式下不可用）。', inputSchema: sql });
    expect(writes.capabilities).toContain('code-execution');
  });

  it('in a tool that keeps settings, what a setting runs later ("browser_run=True runs a Python block") is not run now', () => {
    const settings = v({
      name: 'update_assignment',
      description:
        "Update an assignment in place. browser_run=True runs a Python block's play button in the student's browser.",
      inputSchema: props({ assignment_id: { type: 'integer' }, browser_run: { type: 'boolean' } }),
    });
    expect(settings.capabilities).not.toContain('code-execution');
    expect(settings.category).toBe('write');
    const runs = v({ name: 'execute', description: 'Run code. mode=python runs a Python script on the host.' });
    expect(runs.capabilities).toContain('code-execution');
  });

  it("a colour profile is no person, and a data pipeline's tap is no touch on a screen", () => {
    expect(
      effects(capPersonalData, {
        name: 'profile_summary',
        description: 'Return ICC profile metadata for a colour profile.',
      }),
    ).toEqual([]);
    expect(effects(capPersonalData, { name: 'get_user_profile', description: 'Get a user profile.' })).toContain(
      'capability:personal-data',
    );
    expect(
      effects(capBrowser, { name: 'get_tap', description: "Return a document tap's config: the pipeline it feeds." }),
    ).toEqual([]);
    expect(effects(capBrowser, { name: 'tap', description: 'Tap the screen at x, y.' })).toContain(
      'capability:browser',
    );
  });

  it('the page of a paginated result is no browser page', () => {
    const said = (description: string) => effects(capBrowser, { name: 'get_views', description });
    expect(said('List saved views. limit: The number of items to include in the page.')).toEqual([]);
    expect(said('Return the page size and the next cursor.')).toEqual([]);
    expect(said('Click the button on the page.')).toContain('capability:browser');
  });

  it('installing or upgrading a Helm chart the caller names runs whatever images it packs (RUNS_IMAGE)', () => {
    const chart = props({ chart: { type: 'string' }, repo: { type: 'string' }, values: { type: 'object' } });
    const upgrade = v({ name: 'upgrade_helm_chart', description: 'Upgrade a Helm release.', inputSchema: chart });
    expect(upgrade.risk).toBe('critical');
    expect(upgrade.capabilities).toContain('code-execution');
    // Showing or rendering a chart runs nothing.
    const show = v({ name: 'helm_show_values', description: "Show a Helm chart's values.", inputSchema: chart });
    expect(show.capabilities).not.toContain('code-execution');
  });

  it('an image kept with the code of a function or pipeline runs when invoked later (STORED_CODE), not now', () => {
    const fn = props({
      Code: { type: 'string', description: 'The source code for the action' },
      Image: { type: 'string', description: 'Container image name (when kind is blackbox)' },
    });
    const kept = v({
      name: 'functions_create_action',
      description: 'Create an action in a Functions namespace.',
      inputSchema: fn,
    });
    expect(kept.risk).toBe('high');
    expect(kept.evidence.find((e) => e.code === 'RISK')?.matched).toEqual(['STORED_CODE']);
    // A service created from an image starts it.
    const service = v({
      name: 'service_create',
      description: 'Create a service from a container image.',
      inputSchema: props({ image: { type: 'string', description: 'Docker image to run' } }),
    });
    expect(service.risk).toBe('critical');
  });

  it("a nationality or a date of birth parameter is a person's", () => {
    const screening = props({
      full_name: { type: 'string' },
      nationality: { type: 'string' },
      dob: { type: 'string' },
    });
    const tool = { name: 'aml_screening', description: 'Screen against watchlists.', inputSchema: screening };
    expect(effects(capPersonalData, tool)).toContain('capability:personal-data');
  });
});

describe('the 2026-12-05 pass', () => {
  const v = (tool: Parameters<typeof classify>[0]) => classify(tool, { ignoreAnnotations: true });

  it('a change word that opens a name is its verb when a read word follows it ("fixListFormatting", "update_list_entry")', () => {
    const fix = v({
      name: 'fixListFormatting',
      description: 'Attempts to detect paragraphs that look like lists and convert them to proper bulleted lists.',
      inputSchema: props({ documentId: { type: 'string' } }),
    });
    expect(fix.category).not.toBe('read');
    expect(v({ name: 'save_search', description: 'Save a search.' }).category).toBe('write');
    // Where the change word follows the read, it is still what is read ("get_updates", "list_saved_searches").
    expect(v({ name: 'list_sync_jobs', description: 'List sync jobs.' }).category).toBe('read');
    // Alone, an opening change word stays as weak as before: a description that says "replace" still decides.
    const replace = v({ name: 'update_note', description: 'Replace the whole body of a note with new text.' });
    expect(replace.category).toBe('destructive');
  });

  it('a folder or file a service names by an id, with no path parameter, is no local file', () => {
    const hosted = {
      name: 'delete_plan_folder',
      description: 'Delete folder and all contents.',
      inputSchema: props({ folderId: { type: 'string' }, projectKey: { type: 'string' } }),
    };
    expect(effects(capFilesystem, hosted)).not.toContain('capability:filesystem');
    expect(v(hosted).capabilities).not.toContain('filesystem');
    // A Figma file named by its key is the same.
    const figma = {
      name: 'set_solid_fill',
      description: 'Set a fill.',
      inputSchema: props({ fileKey: { type: 'string' } }),
    };
    expect(effects(capFilesystem, figma)).not.toContain('capability:filesystem');
    // With a path beside the id, the file is written or read on disk.
    const local = {
      name: 'download_file',
      description: 'Download a file.',
      inputSchema: props({ file_id: { type: 'string' }, output_path: { type: 'string' } }),
    };
    expect(effects(capFilesystem, local)).toContain('capability:filesystem');
    // A local folder named by its path still is one.
    const byPath = {
      name: 'list_folder',
      description: 'List a folder.',
      inputSchema: props({ path: { type: 'string' } }),
    };
    expect(effects(capFilesystem, byPath)).toContain('capability:filesystem');
  });

  it('a path or files parameter typed as an object or a number is no place on disk', () => {
    // Chatwork, Feishu/Lark: "path" holds an HTTP call's path parameters.
    const httpPath = {
      name: 'get_room_message',
      description: 'Get a message of a chat.',
      inputSchema: props({ path: { type: 'object' } }),
    };
    expect(effects(capFilesystem, httpPath)).not.toContain('capability:filesystem');
    // A gist's files, keyed by file name, and a storage path's id or a count of files.
    const gist = {
      name: 'create_gist',
      description: 'Create a new gist',
      inputSchema: props({ files: { type: 'object' } }),
    };
    expect(effects(capFilesystem, gist)).not.toContain('capability:filesystem');
    const counted = {
      name: 'list_documents',
      description: 'List documents.',
      inputSchema: props({ storage_path: { type: 'number' }, max_files: { type: 'integer' } }),
    };
    expect(effects(capFilesystem, counted)).not.toContain('capability:filesystem');
    // A string path and a yes/no flag that writes a file keep it.
    const flag = {
      name: 'get_flow_detail',
      description: 'One captured flow.',
      inputSchema: props({ dump_to_file: { type: 'boolean' } }),
    };
    expect(effects(capFilesystem, flag)).toContain('capability:filesystem');
    const local = { name: 'open_note', description: 'Open a note.', inputSchema: props({ path: { type: 'string' } }) };
    expect(effects(capFilesystem, local)).toContain('capability:filesystem');
  });

  it('a password counts only where the tool sets, keeps or hands one over', () => {
    const c = (name: string, description: string, properties: Record<string, unknown> = {}) =>
      effects(capCredentials, { name, description, inputSchema: props(properties) });
    expect(
      c('daily_brief', 'Run a morning health check: login statistics, active sessions, password update events.'),
    ).not.toContain('capability:credentials');
    expect(
      c('terminal_read', 'Read new terminal output, including pager screens, password prompts and banners.'),
    ).not.toContain('capability:credentials');
    expect(c('unlock_pdf', 'Remove password protection from PDF files.')).toContain('capability:credentials');
    expect(
      c('list_endpoints', 'List all endpoints of a project with connection strings, status, and passwords.'),
    ).toContain('capability:credentials');
    expect(c('random', 'Generate random values: UUID, ULID, secure password, random number.')).toContain(
      'capability:credentials',
    );
  });

  it("a key pressed, a deck's key, a key result and a key-value store's key are no secrets", () => {
    const c = (name: string, description: string) =>
      effects(capCredentials, { name, description, inputSchema: props({}) });
    expect(c('computer_key', 'Press a single key. Use standard key names: Return, Tab, Escape.')).not.toContain(
      'capability:credentials',
    );
    expect(c('clear_key', 'Remove the action from a key or dial. Staged only.')).not.toContain(
      'capability:credentials',
    );
    expect(c('update_key_result', "Update a key result's current progress.")).not.toContain('capability:credentials');
    expect(c('key_info', 'Whether a key exists, its type and its time to live in seconds.')).not.toContain(
      'capability:credentials',
    );
    // An SSH key and a store said to keep API keys keep it.
    expect(c('key_delete', 'Delete an SSH key')).toContain('capability:credentials');
    expect(
      c(
        'get_variable',
        'Variables are key-value pairs commonly used for configuration values, API keys, or other settings.',
      ),
    ).toContain('capability:credentials');
  });

  it("a company's, an agent's, a browser's or an OSCAL profile holds no person's data", () => {
    const company = {
      name: 'get_company_profile',
      description: "Read the org's company profile - the source Studio generation reads.",
      inputSchema: props({}),
    };
    expect(effects(capPersonalData, company)).not.toContain('capability:personal-data');
    const agent = {
      name: 'publish_profile',
      description: "Publish or update this agent's public profile on the network.",
      inputSchema: props({ description: { type: 'string' } }),
    };
    expect(effects(capPersonalData, agent)).not.toContain('capability:personal-data');
    const browser = {
      name: 'delete_profile',
      description: 'Deletes an existing persistent Hyperbrowser profile.',
      inputSchema: props({ profileId: { type: 'string' } }),
    };
    expect(effects(capPersonalData, browser)).not.toContain('capability:personal-data');
    // A person's profile keeps it.
    const person = {
      name: 'get_my_profile',
      description: "Get the authenticated user's own LinkedIn profile.",
      inputSchema: props({}),
    };
    expect(effects(capPersonalData, person)).toContain('capability:personal-data');
  });

  it("an instance parameter is a cloud's only beside a cloud's words", () => {
    // A disassembler's open database, a report's instance.
    const ida = {
      name: 'dbg_step_into',
      description: 'Step into instruction.',
      inputSchema: props({ instance_id: { type: 'string', description: 'Instance id override' } }),
    };
    expect(effects(capInfrastructure, ida)).not.toContain('capability:infrastructure');
    const report = {
      name: 'list_report_sign_offs',
      description: 'List all sign-offs for a report instance.',
      inputSchema: props({ instance_id: { type: 'string', description: 'ID of the report instance.' } }),
    };
    expect(effects(capInfrastructure, report)).not.toContain('capability:infrastructure');
    // A VM's or an RDS instance keeps it, by its own description or the tool's.
    const vm = {
      name: 'describe_thing',
      description: 'Describe it.',
      inputSchema: props({ instance_id: { type: 'string', description: 'Full VM instance KRN.' } }),
    };
    expect(effects(capInfrastructure, vm)).toContain('capability:infrastructure');
    const rds = {
      name: 'run_query',
      description: 'Run a SQL query.',
      inputSchema: props({ instance_identifier: { type: 'string', description: 'RDS instance identifier' } }),
    };
    expect(effects(capInfrastructure, rds)).toContain('capability:infrastructure');
  });

  it('a bracketed tag with its own colon ("[Tool Role]: Shows …") is a label before the opening', () => {
    const tool = {
      name: 'dag_calendar',
      description: '[Tool Role]: Shows DAG schedule and execution calendar for a date range.',
      inputSchema: props({ dag_id: { type: 'string' } }),
    };
    expect(extractSignals(tool).leadWords.slice(0, 2)).toEqual(['shows', 'dag']);
    expect(v(tool).category).toBe('read');
  });

  it('a domain is a host the call reaches only when its description says so', () => {
    const registrar = {
      name: 'list_dns_records',
      description: 'List the DNS records of a domain.',
      inputSchema: props({ domain: { type: 'string', description: 'Domain name' } }),
    };
    expect(effects(capNetworkEgress, registrar)).not.toContain('capability:network-egress');
    const knowledge = {
      name: 'search_tools',
      description: 'Search the tools.',
      inputSchema: props({ domain: { type: 'string', description: "Filter by domain (e.g. 'security')" } }),
    };
    expect(effects(capNetworkEgress, knowledge)).not.toContain('capability:network-egress');
    const lookup = {
      name: 'dns_lookup',
      description: 'Resolve a domain.',
      inputSchema: props({ domain: { type: 'string', description: 'Domain to resolve' } }),
    };
    expect(effects(capNetworkEgress, lookup)).toContain('capability:network-egress');
  });

  it('a bare force flag is a loss only when a description says what it overrides', () => {
    const force = { force: { type: 'boolean' }, channel_id: { type: 'string' } };
    const move = { name: 'move_channel', description: 'Move a channel to another team.', inputSchema: props(force) };
    expect(effects(forceFlag, move)).not.toContain('destructive');
    expect(v(move).category).toBe('write');
    const refuses = {
      name: 'set_place_tags',
      description: 'Set tags on a place. Refuses if the place is acquired by another identity unless force=True.',
      inputSchema: props(force),
    };
    expect(effects(forceFlag, refuses)).toContain('destructive');
    const kept = {
      name: 'schedule_reboot',
      description: 'Schedule a reboot. If one exists and force is False, the existing schedule is preserved.',
      inputSchema: props(force),
    };
    expect(effects(forceFlag, kept)).toContain('destructive');
    // Its own description naming a loss still counts.
    const described = props({ force: { type: 'boolean', description: 'Discard unsaved data' } });
    expect(effects(forceFlag, { name: 'load_run', description: 'Load a run.', inputSchema: described })).toContain(
      'destructive',
    );
  });

  it('a read that consumes what it reads (a buffer emptied, a changeset drained, a stream advanced) changes it', () => {
    for (const description of [
      "Pop-up messages the GUI raised. Reading empties the GUI's buffer (it keeps five).",
      'Collect everything the watch tools have found: call it to drain the changeset for every watch.',
      'Consume raw SWO trace for a bounded time. Trace consumption advances the stream.',
    ])
      expect(effects(sideEffectPhrase, { name: 'read_messages', description })).toEqual(['write']);
    // What another action does to the queue is not this call's.
    const other = 'Papers the server could not fetch. Registering it automatically clears the queue item.';
    expect(effects(sideEffectPhrase, { name: 'list_download_queue', description: other })).toEqual([]);
  });

  it('fixes from the eighth verdict review', () => {
    // A read-only query stated in Portuguese is a guard, as in English or Chinese.
    const fb = v({
      name: 'fb_query',
      description:
        'Executa consulta SELECT de leitura no Firebird com limite seguro de linhas. Seguro: Rejeita comandos de alteração de dados.',
      inputSchema: props({ sql: { type: 'string' }, limit: { type: 'number' } }),
    });
    expect(fb.category).toBe('read');
    expect(fb.capabilities).not.toContain('code-execution');
    // What is left out of a whole mapping is "no longer" kept: removed.
    const map = v({
      name: 'save_event_field_map',
      description:
        'Save the mapping. REPLACES the whole mapping for this event: any column you leave out is no longer pushed.',
      inputSchema: props({ event_id: { type: 'string' }, mapping: { type: 'object' } }),
    });
    expect(map.category).toBe('destructive');
    // A force flag its tool's docstring explains ("force: If True, skip …") says what it overrides.
    const install = {
      name: 'install_package',
      description: 'Install a package on the device. Args: force: If True, skip the version check.',
      inputSchema: props({ force: { type: 'boolean' }, package: { type: 'string' } }),
    };
    expect(effects(forceFlag, install)).toContain('destructive');
  });

  it('a session id in a tool whose opening is in a script the rules cannot read: the name decides', () => {
    const tool = {
      name: 'analyze_http_traffic',
      description: '统计慢请求 Top 5、状态码分布、高频端点 Top 10 与总吞吐流量。',
      inputSchema: { type: 'object', properties: { session_id: { type: 'string' } }, required: ['session_id'] },
    };
    expect(effects(sessionState, tool)).toEqual([]);
    // A name that does not say it looks still meets a session id.
    const run = { ...tool, name: 'apply_patch' };
    expect(effects(sessionState, run)).toEqual(['write']);
  });

  it('droplets are infrastructure; subscribers are people, but not an event subscriber', () => {
    expect(
      effects(capInfrastructure, { name: 'power_off_droplets_tag', description: 'Power off droplets by tag.' }),
    ).toContain('capability:infrastructure');
    expect(
      effects(capPersonalData, { name: 'list_subscribers', description: 'List the subscribers of a list.' }),
    ).toContain('capability:personal-data');
    const code = {
      name: 'module_event_subscriber_create',
      description: 'Create an event subscriber class in a module.',
    };
    expect(effects(capPersonalData, code)).not.toContain('capability:personal-data');
  });

  it('managed cloud services and network devices are infrastructure; wellness records are people; a portfolio with money is money', () => {
    const infra = (name: string, description: string) => effects(capInfrastructure, { name, description });
    expect(
      infra('mysql', 'MySQL operations - Commands for managing Azure Database for MySQL Flexible Server resources.'),
    ).toContain('capability:infrastructure');
    expect(infra('run_script_inline', 'Run a RouterOS script on the router.')).toContain('capability:infrastructure');
    expect(infra('list_interfaces', 'Lists interfaces on the MikroTik device.')).toContain('capability:infrastructure');
    expect(infra('run_compliance_plan', 'Execute a compliance plan against network devices.')).toContain(
      'capability:infrastructure',
    );
    // A database query names no managed service, and a service managed by hand is not a cloud's.
    expect(infra('run_query', 'Run a SQL query against the database.')).not.toContain('capability:infrastructure');
    expect(infra('manage_tasks', 'Manage tasks and their devices.')).not.toContain('capability:infrastructure');
    const people = (name: string, description: string) => effects(capPersonalData, { name, description });
    expect(people('icu_get_wellness_for_date', 'Fetch the wellness record for one date: HRV, sleep.')).toContain(
      'capability:personal-data',
    );
    // An agent's wellness score is software's.
    expect(people('get_wellness_score', 'Check the reliability score for a session.')).not.toContain(
      'capability:personal-data',
    );
    const money = (name: string, description: string) => effects(capFinancial, { name, description });
    expect(money('get_portfolio_history', 'Retrieves account portfolio history (equity and P/L).')).toContain(
      'capability:financial',
    );
    expect(money('get_portfolio', "A designer's portfolio of drawings.")).not.toContain('capability:financial');
    // Orders placed on a market are money; leverage as a manner of speaking is not.
    expect(money('open_delta_neutral', 'Open a funding arbitrage position. Both legs are market orders.')).toContain(
      'capability:financial',
    );
    expect(money('generate_image', 'Generate an image, leveraging the latest model.')).not.toContain(
      'capability:financial',
    );
  });

  it('ninth review: design tokens, trust zones, a match instance, funnel pages are not what they sound like; friends are people', () => {
    expect(
      effects(capCredentials, {
        name: 'figma_import_tokens',
        description: 'Push design tokens into Figma as variables.',
      }),
    ).not.toContain('capability:credentials');
    expect(
      effects(capInfrastructure, {
        name: 'format_text',
        description: 'Format text in a document.',
        inputSchema: props({ matchInstance: { type: 'integer' } }),
      }),
    ).not.toContain('capability:infrastructure');
    expect(
      effects(capInfrastructure, {
        name: 'crm_deleteShippingRate',
        description: 'Delete shipping rate.',
        inputSchema: props({ shippingZoneId: { type: 'string' } }),
      }),
    ).not.toContain('capability:infrastructure');
    expect(
      effects(capInfrastructure, {
        name: 'set_node',
        description: 'Move a node.',
        inputSchema: props({ zone: { type: 'string' } }),
      }),
    ).toContain('capability:infrastructure');
    expect(
      effects(capBrowser, { name: 'crm_getPagesCountByFunnelId', description: 'Fetch count of all funnel pages.' }),
    ).not.toContain('capability:browser');
    expect(
      effects(capBrowser, { name: 'browser_pages', description: 'List the open pages of the browser.' }),
    ).toContain('capability:browser');
    expect(
      effects(capPersonalData, { name: 'splitwise_create_friends', description: 'Add several people as friends.' }),
    ).toContain('capability:personal-data');
    expect(
      effects(capPersonalData, {
        name: 'get_target_group',
        description: 'Get the current target group and matched people.',
      }),
    ).toContain('capability:personal-data');
    expect(
      effects(capPersonalData, { name: 'get_network_stats', description: 'Connection counts only, never the people.' }),
    ).not.toContain('capability:personal-data');
    expect(
      effects(capInfrastructure, { name: 'volume-delete', description: 'Delete a block storage volume by ID.' }),
    ).toContain('capability:infrastructure');
    // A subscription is a cloud's only where the tool or the parameter says so.
    const sub = (description: string, paramDescription: string) =>
      effects(capInfrastructure, {
        name: 'unsubscribe',
        description,
        inputSchema: props({ subscription_id: { type: 'string', description: paramDescription } }),
      });
    expect(sub('Cancel one market data subscription, or all of them.', 'The subscription to cancel.')).not.toContain(
      'capability:infrastructure',
    );
    expect(sub('List all resource groups.', 'The Azure subscription ID.')).toContain('capability:infrastructure');
    expect(
      run(bulkScope, { name: 'delete-many', description: 'Removes all documents that match the filter.' }),
    ).not.toEqual([]);
  });

  it('screening a wallet or a paper against criteria is a look, not a change or a screen', () => {
    const kyt = v({
      name: 'kyt_screen_wallet',
      description: 'Screen a single wallet address against OFAC SDN and community labels. Returns a 0-100 risk score.',
      inputSchema: props({ address: { type: 'string' }, chain: { type: 'string' } }),
    });
    expect(kyt.category).toBe('read');
    expect(kyt.capabilities).not.toContain('browser');
    // A device's screen is still a screen.
    expect(effects(capBrowser, { name: 'read_screen', description: 'Read the text on the device screen.' })).toContain(
      'capability:browser',
    );
  });

  it("'fetch' in a name is no reach to the web; a URL parameter is", () => {
    const own = {
      name: 'qmetry_fetch_test_suite_details',
      description: 'Fetch full detail data for a QMetry test suite.',
    };
    expect(effects(capNetworkEgress, own)).not.toContain('capability:network-egress');
    const web = { name: 'fetch', description: 'Fetches a URL.', inputSchema: props({ url: { type: 'string' } }) };
    expect(effects(capNetworkEgress, web)).toContain('capability:network-egress');
  });

  it('Spanish and Portuguese verbs that open a name say what the call does', () => {
    expect(v({ name: 'listar_empleados', description: 'Lista los empleados registrados en NotERP.' }).category).toBe(
      'read',
    );
    expect(v({ name: 'consultar_relatorio', description: 'Consulta um relatório.' }).category).toBe('read');
    expect(v({ name: 'adicionar_operacoes', description: 'Adiciona operações à carteira.' }).category).toBe('write');
    expect(v({ name: 'eliminar_cliente', description: 'Elimina un cliente.' }).category).toBe('destructive');
  });
  it('Spanish, Portuguese and Italian verbs that open a description say what the call does', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'concorsi', description });
    expect(lead('Cerca bandi di concorso pubblico (4a Serie Speciale).')).toContain('read');
    expect(lead('Retorna o artefato da última falha visual de um teste.')).toContain('read');
    expect(lead('Recupera a posicao atual dos ativos na carteira.')).toContain('read');
    expect(lead('Cria uma tarefa no projeto.')).toContain('write');
    expect(lead('Aggiorna lo stato di un ticket.')).toContain('write');
    expect(lead('Cancella la nota indicata.')).toContain('destructive');
  });
  it('French, German and more Romance verbs that open a description say what the call does, accents and all', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'fiche', description });
    expect(lead("Récupère le profil technique d'un(e) ressource, par son ID.")).toEqual(['read']);
    expect(lead('Recherche des livraisons dans BoondManager.')).toEqual(['read']);
    expect(lead('Crée une caméra neuve `name`.')).toEqual(['write']);
    expect(lead('Met à jour la fiche du contact.')).toEqual(['write']);
    expect(lead('Grava `<root>/okf.html`: página para abrir no navegador.')).toEqual(['write']);
    expect(lead('Löscht den Eintrag.')).toEqual(['destructive']);
    expect(lead('Supprime définitivement un document.')).toEqual(['destructive']);
  });
  it('a read-only label or a no-change sentence in another language states the call changes nothing', () => {
    const ro = (description: string) =>
      effects(readOnlyPhrase, { name: 'boond_resources_technical_data', description });
    expect(
      ro('Récupère le profil technique. Modifiable via `boond_resources_technical_data_update`. Lecture seule.'),
    ).toEqual(['read']);
    expect(ro('Markdown을 검증 가능한 초안으로 변환합니다. 파일은 쓰지 않습니다.')).toEqual(['read']);
    // A condition before it speaks of one mode only; "en mode lecture seule" is no label of the call.
    expect(ro('문서 끝에 문단을 추가합니다. dry_run=True이면 원본을 저장하지 않습니다.')).toEqual([]);
    expect(ro('Ouvre la base en mode lecture seule puis écrit le rapport.')).toEqual([]);
    expect(STATES_NO_CHANGE.test('Liste des projets. Lecture seule, idempotent, sans effet de bord.')).toBe(true);
  });
  it('a Chinese heading that names a ranking or an alert list opens a lookup', () => {
    const lead = (description: string) => effects(descriptionLeadVerb, { name: 'mes_report', description });
    expect(lead('良率排行，回答"哪道工序良率最差"。')).toContain('read');
    expect(lead('**过期物料预警**：哪些在库物料已过期、逾期多久。')).toContain('read');
    expect(lead('删除过期物料预警：清空列表。')).toContain('destructive');
  });
  it('an unannotated sample: downloads kept on this machine, examples in brackets, record as a verb, ids of endpoints', () => {
    // A download that opens by naming a local place keeps a copy there; one handed back does not.
    expect(
      effects(sideEffectPhrase, {
        name: 'download_media',
        description: 'Download Instagram post media to the local cache directory. Returns absolute local_paths.',
      }),
    ).toContain('write');
    expect(
      effects(sideEffectPhrase, {
        name: 'oahelper_sync',
        description: "Download one company's OAHelper content into the offline library, newest sets first.",
      }),
    ).toContain('write');
    expect(
      effects(sideEffectPhrase, {
        name: 'download_file',
        description: 'Download a file from the bucket and return its content as base64.',
      }),
    ).toEqual([]);
    // A capability word in a bracketed example names a topic, not what the call touches.
    expect(
      effects(capDatabase, {
        name: 'retrieve_context',
        description:
          'Retrieve memory around a topic. `anchor` is the topic (e.g. "Postgres connection pool exhaustion").',
      }),
    ).not.toContain('capability:database');
    expect(
      effects(capFinancial, {
        name: 'list_service_categories',
        description: 'List all service catalog categories (e.g. cloud, payments, devtools).',
      }),
    ).not.toContain('capability:financial');
    expect(
      effects(capDatabase, { name: 'run_query', description: 'Run a read-only query against the Postgres database.' }),
    ).toContain('capability:database');
    // "Record a completed span": the name's "record" is that verb, not a database's row.
    expect(
      effects(capDatabase, {
        name: 'amfs_record_span',
        description: "Record a completed span into this session's trace.",
      }),
    ).not.toContain('capability:database');
    expect(effects(capDatabase, { name: 'get_record', description: 'Get a record by ID.' })).toContain(
      'capability:database',
    );
    // A CRM tool that names only the user who calls it touches no data about people.
    expect(
      effects(capPersonalData, {
        name: 'crm_create_knowledge_base',
        description: "Create a new knowledge base. This becomes the user's personal AI trained on their business data.",
      }),
    ).not.toContain('capability:personal-data');
    expect(
      effects(capPersonalData, { name: 'crm_list_conversations', description: 'List conversations for a contact.' }),
    ).toContain('capability:personal-data');
    // A name that opens with "record" records something ("record_decision: Creates a Decision node"), and so does a
    // description that opens "Record whether …"; a domain's or a DNSSEC record is a zone's entry.
    expect(
      effects(capDatabase, { name: 'record_decision', description: 'Creates a Decision node in the graph.' }),
    ).not.toContain('capability:database');
    expect(
      effects(capDatabase, {
        name: 'ai_record_rule_outcome',
        description: 'Record whether a rule worked or failed so effectiveness can improve over time.',
      }),
    ).not.toContain('capability:database');
    expect(
      effects(capDatabase, { name: 'domain-record-create', description: 'Create a new domain record' }),
    ).not.toContain('capability:database');
    expect(
      effects(capDatabase, { name: 'delete_record', description: 'Record by id: delete it from the Odoo model.' }),
    ).toContain('capability:database');
    // An endpoint or a host named by its id is a record of a service; an endpoint URL beside it still is a host.
    expect(
      effects(capNetworkEgress, {
        name: 'list_extensions',
        description: 'List available PostgreSQL extensions.',
        inputSchema: props({ endpoint_id: { type: 'string' }, project_id: { type: 'string' } }),
      }),
    ).not.toContain('capability:network-egress');
    expect(
      effects(capNetworkEgress, {
        name: 'synthesize',
        description: 'Convert text to speech.',
        inputSchema: props({
          endpoint: { type: 'string', description: 'The service endpoint URL' },
          endpointId: { type: 'string' },
        }),
      }),
    ).toContain('capability:network-egress');
    // Virtual machines named in a parameter are infrastructure; a CDN's page rule is no browser's page.
    expect(
      effects(capInfrastructure, {
        name: 'bulk_migrate_guests',
        description: 'Bulk migrate guests to a target node.',
        inputSchema: props({ target: { type: 'string' }, vms: { type: 'string' } }),
      }),
    ).toContain('capability:infrastructure');
    expect(
      effects(capBrowser, { name: 'create_page_rule_tool', description: 'Create a new page rule.' }),
    ).not.toContain('capability:browser');
    // A notes app's collection is no database's.
    expect(
      effects(capDatabase, {
        name: 'delete_note',
        description: 'Soft-delete a note: moves it to the .trash/ folder.',
        inputSchema: props({ collection: { type: 'string' }, note: { type: 'string' } }),
      }),
    ).not.toContain('capability:database');
    // A lock's fencing token, a terminal's screen and an approved request are no secret, browser or HTTP request.
    expect(
      run(capCredentials, { name: 'release_lease', inputSchema: props({ fencing_token: { type: 'integer' } }) }),
    ).toEqual([]);
    expect(
      effects(capBrowser, { name: 'read_screen', description: 'Read the terminal screen state over SSH.' }),
    ).not.toContain('capability:browser');
    expect(
      effects(capNetworkEgress, { name: 'approve_request_completion', description: 'Finalize the entire request.' }),
    ).not.toContain('capability:network-egress');
  });
});

describe('losses that are no loss of the call (development M3, write called destructive)', () => {
  it('a force flag that only redoes current work or overrides an unmet condition is no loss', () => {
    const flagged = (description: string) =>
      effects(forceFlag, {
        name: 'download_country',
        description: 'Download a dataset and load it into the local database.',
        inputSchema: props({ force: { type: 'boolean', description } }),
      });
    expect(flagged('Re-download even if the local copy is current')).not.toContain('destructive');
    expect(flagged('Download again even if current')).not.toContain('destructive');
    expect(flagged('When true, run simulation even if the condition is not currently met')).not.toContain(
      'destructive',
    );
    // Forcing past what would be lost stays a loss.
    expect(flagged('Replace the local copy even if it has edits')).toContain('destructive');
    expect(flagged('Force the output file to be written to, even if the file already exists.')).toContain(
      'destructive',
    );
  });

  it('an overwrite that only would happen, or that is the field a partial update sets, is no loss', () => {
    const would =
      'Creates a new project. A local server refuses when the session is already signed in, because it keeps one session and would overwrite it.';
    expect(run(destructivePhrase, { name: 'create_project', description: would })).toEqual([]);
    const partial =
      'Update fields on an EXISTING contact (partial update). Args: first_name, city: Fields to overwrite (omit to leave as-is).';
    expect(run(destructivePhrase, { name: 'update_contact', description: partial })).toEqual([]);
    expect(
      run(destructivePhrase, {
        name: 'update_draft',
        description: 'Update a draft (partial patch). Pass reply_to to overwrite Reply-To.',
      }),
    ).toEqual([]);
    // Not a partial patch: the replacement is the loss.
    expect(
      effects(destructivePhrase, {
        name: 'update_metadata',
        description:
          'metadata is a complete replacement on every update; it overwrites the stored blob, not a partial patch.',
      }),
    ).toContain('destructive');
    expect(
      effects(destructivePhrase, {
        name: 'write_file',
        description: 'Write a file. It will overwrite existing files.',
      }),
    ).toContain('destructive');
  });

  it('a force past a duplicate check adds a second one; "irrecoverable from" a source is no loss', () => {
    const force = props({ force: { type: 'boolean' } });
    const create = (description: string) =>
      effects(forceFlag, { name: 'create_event', description, inputSchema: force });
    expect(
      create(
        'Create an event. Refuses an event with the same title and start already in the calendar unless force=true.',
      ),
    ).not.toContain('destructive');
    expect(create('Create an event. Refuses if the slot is held by another calendar unless force=true.')).toContain(
      'destructive',
    );
    const sidecar =
      'Write a sidecar file beside an SVG. Text is rendered as paths, so label strings are irrecoverable from a finished SVG.';
    expect(run(destructivePhrase, { name: 'save_annotations', description: sidecar })).toEqual([]);
    expect(
      effects(destructivePhrase, { name: 'purge', description: 'Purge the record; it is irrecoverable afterwards.' }),
    ).toContain('destructive');
  });

  it('clearing a selection or a highlight deselects, it loses nothing', () => {
    expect(effects(nameVerb, { name: 'clear_selection', description: 'Deselect everything in the window.' })).toEqual([
      'write',
    ]);
    expect(
      effects(nameVerb, { name: 'clear_highlights', description: 'Remove the highlights from a buffer.' }),
    ).toEqual(['write']);
    expect(effects(nameVerb, { name: 'clear_cache', description: 'Clear the cache.' })).toEqual(['destructive']);
  });

  it('taking a logo, a watermark or the background out of a picture edits it, it deletes no record', () => {
    expect(effects(nameVerb, { name: 'remove_image_logo', description: 'Remove logos from images.' })).toEqual([
      'write',
    ]);
    expect(effects(nameVerb, { name: 'remove_background' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Remove watermarks from PDF files.' })).toEqual([
      'write',
    ]);
    expect(effects(nameVerb, { name: 'remove_object', description: 'Remove an object from a bucket.' })).toEqual([
      'destructive',
    ]);
  });

  it('a cancellation that says what it keeps ("without removing it", "while preserving the …") is a change', () => {
    const kept = 'Cancel an active fast while preserving the recurring schedule.';
    expect(effects(nameVerb, { name: 'cancel_active_fast', description: kept })).toEqual(['write']);
    const draft = 'Cancel a scheduled broadcast, without removing it. Cancelling reverts it to draft.';
    expect(effects(nameVerb, { name: 'cancel_job', description: draft })).toEqual(['write']);
    expect(effects(nameVerb, { name: 'cancel_job', description: 'Cancel a scheduled broadcast.' })).toEqual([
      'destructive',
    ]);
  });

  it('a second unannotated sample: a read-only label with a gloss, scene node paths, bookkeeping, pages and namespaces', () => {
    // "Read-only (…)" labels the call, as "Read-only." does; an exception in the brackets does not.
    const label = (description: string) => run(readOnlyPhrase, { name: 'signin_by_ip', description }).at(0)?.weight;
    expect(label('Every sign-in from one source IP. Read-only (AuditLog.Read.All application permission).')).toBe(4);
    expect(label('Run a sandbox replay over a time window. Read-only (sandbox-only mutations).')).toBe(4);
    expect(label('Plan the import. Read-only (unless apply=true is passed).')).toBe(1);
    // A node path in a scene or a network tree is no file path; a file the call says it writes is.
    const node = props({ node_path: { type: 'string' } });
    expect(
      effects(capFilesystem, { name: 'get_top_logs', description: 'Cook logs for a TOP node.', inputSchema: node }),
    ).not.toContain('capability:filesystem');
    expect(
      effects(capFilesystem, {
        name: 'update_hda',
        description: "Save the node back to its HDA definition. The definition's library file is written by this call.",
        inputSchema: node,
      }),
    ).toContain('capability:filesystem');
    expect(
      effects(capFilesystem, {
        name: 'export_scene',
        description: 'Return the document for the client. No file is written.',
      }),
    ).not.toContain('capability:filesystem');
    expect(
      effects(capFilesystem, {
        name: 'update_mcp_json',
        description:
          'Update an MCP JSON configuration. Example: { "args": ["@modelcontextprotocol/server-filesystem"] }',
      }),
    ).not.toContain('capability:filesystem');
    // A credit note and a journal entry's debits and credits are money.
    expect(
      effects(capFinancial, { name: 'create-credit-note', description: 'Create a credit note in Xero.' }),
    ).toContain('capability:financial');
    // A tool that calls itself a financial operation handles money.
    expect(
      effects(capFinancial, {
        name: 'transfer_domain',
        description: 'Initiate an inbound domain transfer. Transfers take 5–7 days. This is a financial operation.',
      }),
    ).toContain('capability:financial');
    // An undo ticket returned by an earlier change is no secret.
    expect(
      run(capCredentials, { name: 'restore_deleted_sheet', inputSchema: props({ restore_token: { type: 'string' } }) }),
    ).toEqual([]);
    expect(
      effects(capFinancial, {
        name: 'erpnext_journal_entry_create',
        description: 'Create a new Journal Entry. Requires accounts with debit/credit amounts.',
      }),
    ).toContain('capability:financial');
    // What is owed or due: aged payables and receivables.
    expect(
      effects(capFinancial, {
        name: 'list-aged-payables-by-contact',
        description: 'Lists the aged payables in Xero. This shows aged payables for a certain contact.',
      }),
    ).toContain('capability:financial');
    // An e-mail named by up to two words after its article is still mail sent to people; a message to a model is not.
    expect(
      effects(capMessaging, {
        name: 'send_attendee_followup',
        description: 'Send one personalized follow-up email to a single attendee.',
      }),
    ).toContain('capability:messaging');
    expect(
      effects(capMessaging, {
        name: 'create_chat_completion',
        description: 'Send one user message to a model through the gateway and return the reply text.',
      }),
    ).not.toContain('capability:messaging');
    expect(
      effects(capMessaging, {
        name: 'get_attendance_report',
        description: 'Attendance per event. Luma and Partiful send their own emails, which we cannot see.',
      }),
    ).not.toContain('capability:messaging');
    // A Facebook page, a presentation's slide pages and a page budget are no browser's.
    expect(
      effects(capBrowser, {
        name: 'crm_fbCreatePageLeadForm',
        description: 'Create a new lead gen form on a Facebook page',
      }),
    ).not.toContain('capability:browser');
    expect(
      effects(capBrowser, {
        name: 'crm_attachLinkedinPageProfile',
        description: 'Attach linkedin pages and profile.',
      }),
    ).not.toContain('capability:browser');
    expect(effects(capBrowser, { name: 'list_slide_pages', description: 'List slides in a presentation' })).toEqual([]);
    expect(
      effects(capBrowser, {
        name: 'signin_logs',
        description: '`capped` marks a listing cut short by the page budget.',
      }),
    ).toEqual([]);
    expect(effects(capBrowser, { name: 'list_pages', description: 'List the open pages.' })).toContain(
      'capability:browser',
    );
    // A product collection or a collection of notebooks is no database's; a storage namespace of a contract no cluster's.
    expect(
      effects(capDatabase, {
        name: 'crm_updateProductCollection',
        description: 'Update a specific product collection with Id :collectionId',
      }),
    ).not.toContain('capability:database');
    expect(
      effects(capInfrastructure, {
        name: 'solidity-rwa',
        description: 'Make a real-world asset token that uses the ERC-20 standard.',
        inputSchema: props({ namespacePrefix: { type: 'string' } }),
      }),
    ).not.toContain('capability:infrastructure');
    expect(
      effects(capInfrastructure, {
        name: 'list_pods',
        description: 'List pods.',
        inputSchema: props({ namespace: { type: 'string' } }),
      }),
    ).toContain('capability:infrastructure');
    // A secret the description says is never returned is not handed out.
    expect(
      effects(capCredentials, {
        name: 'get_job_request',
        description: 'The request a job ran under. A parse password is never returned.',
      }),
    ).not.toContain('capability:credentials');
  });
});

describe('critical verdicts from a word out of context (a review of every critical verdict)', () => {
  it('a query the name says runs over logs reads them', () => {
    const logs = (name: string, description: string) =>
      classify(
        {
          name,
          description,
          inputSchema: props({ query_string: { type: 'string' }, log_group_names: { type: 'array' } }),
        },
        { ignoreAnnotations: true },
      );
    const insights = logs(
      'execute_log_insights_query',
      'Executes a CloudWatch Logs Insights query and waits for the results.',
    );
    expect([insights.category, insights.risk]).toEqual(['read', 'medium']);
    expect(logs('run_logs_query', 'Run a new logs query with specified filters.').category).toBe('read');
    // A query with nothing said of what it runs over still runs arbitrarily.
    expect(logs('execute_query', 'Executes a query and waits for the results.').risk).toBe('critical');
  });

  it('"without running shell commands" runs none, whatever the name says of a shell', () => {
    const tool = (description: string) => ({
      name: 'bash_direct_write',
      description,
      inputSchema: props({ path: { type: 'string' }, content: { type: 'string' } }),
    });
    const v = classify(
      tool('Write a file directly to the persistent bash filesystem (without running shell commands).'),
      {
        ignoreAnnotations: true,
      },
    );
    expect([v.category, v.risk]).toEqual(['write', 'medium']);
    expect(v.capabilities).not.toContain('code-execution');
    expect(
      run(capCodeExecution, tool('Write a file to the bash filesystem, then run shell commands on it.')),
    ).not.toEqual([]);
  });

  it('browser commands run in the page, not on the machine', () => {
    const scrape = {
      name: 'scrape_url_html',
      description:
        'Scrape a website and retrieve the result as HTML. BROWSER COMMANDS: You can optionally provide browser commands to interact with the page before scraping. JavaScript: {"javascript": "…"} - Execute custom JS',
      inputSchema: props({
        url: { type: 'string', description: 'The URL to scrape' },
        browserCommands: {
          type: 'string',
          description: 'Optional JSON array of browser commands to execute before scraping.',
        },
      }),
    };
    const v = classify(scrape, { ignoreAnnotations: true });
    expect(v.risk).not.toBe('critical');
    expect(v.capabilities).not.toContain('code-execution');
  });

  it("a transaction started is a database's, not money", () => {
    expect(run(capFinancial, { name: 'start-transaction', description: 'Start a new transaction' })).toEqual([]);
    expect(run(capFinancial, { name: 'transaction_start', description: 'Start a new transaction' })).toEqual([]);
    expect(run(capFinancial, { name: 'list_transactions', description: 'List the account transactions.' })).not.toEqual(
      [],
    );
  });

  it("bulk makes a destruction critical only when the rules find the destruction, not the author's hint alone", () => {
    const align = {
      name: 'set_table_alignment_all',
      description: 'Set text alignment for all cells in a table.',
      inputSchema: props({ filename: { type: 'string' }, table_index: { type: 'integer' } }),
      annotations: { readOnlyHint: false, destructiveHint: true },
    };
    const v = classify(align);
    expect([v.category, v.risk]).toEqual(['destructive', 'high']);
    const purge = {
      name: 'delete_all_files',
      description: 'Delete all files in a directory.',
      inputSchema: props({ path: { type: 'string' } }),
      annotations: { readOnlyHint: false, destructiveHint: true },
    };
    expect(classify(purge).risk).toBe('critical');
  });
});

describe('critical verdicts, second pass (stored, named and data-only objects)', () => {
  it('a formula evaluated over a data model is no code', () => {
    const evaluate = (description: string) =>
      classify(
        {
          name: 'evaluate_expression',
          description,
          inputSchema: props({ app_id: { type: 'string' }, expressions: { type: 'array', items: { type: 'string' } } }),
        },
        { ignoreAnnotations: true },
      );
    const qlik = evaluate(
      "Evaluate one or more Qlik expressions against the app's data model and return their computed values. Use this to test measure formulas.",
    );
    expect([qlik.category, qlik.risk]).toEqual(['read', 'low']);
    // An expression in a debugger, or one that may be Python, still runs as code.
    expect(evaluate('Evaluate an expression in Houdini: hscript or python formulas.').risk).toBe('critical');
    expect(evaluate('Evaluate an expression in the current debug context.').risk).toBe('critical');
  });

  it('a script kept with a cron expression is stored code, not run now', () => {
    const tap = (extra: Record<string, unknown>) =>
      classify(
        {
          name: 'create_tap',
          description: 'Create a tap: a Python script the platform executes to pull data into a pipeline.',
          inputSchema: props({ name: { type: 'string' }, script: { type: 'string' }, ...extra }),
        },
        { ignoreAnnotations: true },
      );
    const stored = tap({ cron_expression: { type: 'string' } });
    expect([stored.category, stored.risk]).toEqual(['write', 'high']);
    expect(tap({}).risk).toBe('critical');
  });

  it('"Executes the script" of a tool picked by name runs the one the server holds', () => {
    const trigger = (params: Record<string, unknown>) =>
      classify(
        {
          name: 'run_tap',
          description: 'Manually trigger a tap. Executes the script and returns its logs.',
          inputSchema: props(params),
        },
        { ignoreAnnotations: true },
      );
    expect(trigger({ name: { type: 'string' }, reason: { type: 'string' } }).risk).toBe('high');
    // Beside a parameter that carries code, it still runs code.
    expect(trigger({ name: { type: 'string' }, python_transform: { type: 'string' } }).risk).toBe('critical');
  });

  it('an image refreshed or downloaded is data, not a container run', () => {
    const image = (name: string) =>
      classify(
        {
          name,
          description: 'Refresh local vulnerability data: the full database image, staged and swapped.',
          inputSchema: props({ image: { type: 'string', description: 'OCI image URL override' } }),
        },
        { ignoreAnnotations: true },
      );
    expect(image('db_refresh').risk).not.toBe('critical');
    expect(image('deploy_service').risk).toBe('critical');
  });

  it('the way a call is preferred over is no loss of its own', () => {
    const comment = (description: string) =>
      classify(
        {
          name: 'comment',
          description,
          inputSchema: props({ issue_id: { type: 'string' }, text: { type: 'string' } }),
        },
        { ignoreAnnotations: true },
      );
    expect(
      comment('Add a comment to an issue. Prefer this over overwriting notes; comments accumulate.').category,
    ).toBe('write');
    expect(comment('Add a comment to an issue, overwriting its notes.').category).toBe('destructive');
  });

  it('a secret typed at a terminal prompt is no command run there', () => {
    const terminal = (name: string) => ({
      name,
      description: 'Send a pass entry value at a live password prompt.',
      inputSchema: props({ entry: { type: 'string' }, session_id: { type: 'string' } }),
    });
    expect(run(capCodeExecution, terminal('terminal_write_secret'))).toEqual([]);
    expect(run(capCodeExecution, terminal('terminal_write'))).not.toEqual([]);
  });

  it('an undescribed image is what the description says the tool deploys', () => {
    const deploy = (description: string) => ({
      name: 'deploy_image',
      description,
      inputSchema: props({ image: { type: 'string' }, name: { type: 'string' } }),
    });
    expect(run(containerImage, deploy('Deploy a pullable image after private mirroring.'))).not.toEqual([]);
    expect(run(containerImage, deploy('Deploy an image to the gallery.'))).toEqual([]);
  });

  it("a token described as its noun's thing is that thing's identifier", () => {
    const archive = (description: string) => ({
      name: 'archive_report',
      description,
      inputSchema: props({ report_token: { type: 'string' } }),
    });
    expect(run(capCredentials, archive('Archive a report. Args: report_token: The report to archive.'))).toEqual([]);
    expect(run(capCredentials, archive('Archive a report. Args: report_token: The report token.'))).not.toEqual([]);
    expect(
      run(capCredentials, {
        name: 'connect',
        description: 'Connect a service.',
        inputSchema: props({ client_secret: { type: 'string', description: 'Client secret of the OAuth app' } }),
      }),
    ).not.toEqual([]);
  });

  it('a word quoted inside an example literal is no capability of the call', () => {
    const testCase = (description: string) => ({
      name: 'create_test_case',
      description,
      inputSchema: props({ name: { type: 'string' }, steps: { type: 'array' } }),
    });
    expect(
      run(
        capCredentials,
        testCase(
          "Create a test case. Example: name='Login' → [{orderId:1, description:'Open login page'}, {orderId:2, description:'Enter credentials'}]",
        ),
      ),
    ).toEqual([]);
    // After the literal closes, the words are the tool's own again.
    expect(
      run(
        capCredentials,
        testCase('Create a test case. Examples: params = {"offset": 50} error handling: 401 → rotate the api key.'),
      ),
    ).not.toEqual([]);
  });
});

describe('risk sample (seed 99): capabilities that set the risk of reads', () => {
  it('a catalogue browsed and a request people make reach no caller-chosen host; an API request does', () => {
    const browse = { name: 'mk_browse', description: 'List the products of a category, brand or tag with sorting.' };
    expect(effects(capNetworkEgress, browse)).not.toContain('capability:network-egress');
    expect(classify(browse, { ignoreAnnotations: true }).risk).toBe('low');
    expect(
      effects(capNetworkEgress, {
        name: 'parse_natural_language_osm_request',
        description: 'Parse a natural language request into structured OSM data.',
      }),
    ).not.toContain('capability:network-egress');
    expect(
      effects(capNetworkEgress, { name: 'request_human_review', description: 'Ask a person to review the draft.' }),
    ).not.toContain('capability:network-egress');
    expect(
      effects(capNetworkEgress, {
        name: 'api_request',
        description: 'Send an HTTP request to the API with custom headers.',
      }),
    ).toContain('capability:network-egress');
  });

  it("a chain's token holders are no secret, nor are values said to be non-secret", () => {
    expect(
      effects(capCredentials, {
        name: 'get_token_holders',
        description: 'Top token holders with balance and %-supply. EVM-only, Pro tier.',
      }),
    ).not.toContain('capability:credentials');
    expect(
      effects(capCredentials, {
        name: 'server_info',
        description: 'Describe this server: version, non-secret configuration and the connected data sources.',
      }),
    ).not.toContain('capability:credentials');
    expect(effects(capCredentials, { name: 'get_secret', description: 'Read a secret from the vault.' })).toContain(
      'capability:credentials',
    );
  });

  it("a fourth unannotated sample: a key's owner, a sort direction and a design's component instances", () => {
    // The person an API key belongs to is no secret the call handles; a key the call creates is.
    expect(
      effects(capCredentials, {
        name: 'add_ticket_comment',
        description: 'Add a comment to a ticket. With attachment_file_path it may be omitted (API key owner).',
      }),
    ).not.toContain('capability:credentials');
    expect(
      effects(capCredentials, { name: 'create_key', description: 'Create a new API key for the project.' }),
    ).toContain('capability:credentials');
    // "sortDir" is a sort's direction, not a directory; "outputDir" is one.
    expect(
      effects(capFilesystem, {
        name: 'hosts',
        description: 'List hosts.',
        inputSchema: props({ sortDir: { type: 'string', description: 'Sort direction' } }),
      }),
    ).not.toContain('capability:filesystem');
    expect(
      effects(capFilesystem, {
        name: 'export_report',
        description: 'Export the report.',
        inputSchema: props({ outputDir: { type: 'string' } }),
      }),
    ).toContain('capability:filesystem');
    // A design's component instances are no cloud instances.
    expect(
      effects(capInfrastructure, {
        name: 'set_instance_overrides',
        description: 'Apply previously copied overrides to selected component instances.',
        inputSchema: props({
          sourceInstanceId: { type: 'string', description: 'ID of the source component instance' },
        }),
      }),
    ).not.toContain('capability:infrastructure');
    // A page the description itself places in a printed book is no browser's page, in the description as in the name;
    // an id alone does not take a description's "local file path" away.
    expect(
      effects(capBrowser, {
        name: 'show_passage',
        description: 'Show the cited passage as it appears in the printed rulebook: an image of the page region.',
      }),
    ).not.toContain('capability:browser');
    expect(
      effects(capBrowser, { name: 'session_goto', description: "Navigate to a URL. Returns the page's title." }),
    ).toContain('capability:browser');
    expect(
      effects(capFilesystem, {
        name: 'get_drive_file_download_url',
        description: 'Downloads a Drive file and saves it; returns the local file path.',
        inputSchema: props({ file_id: { type: 'string' } }),
      }),
    ).toContain('capability:filesystem');
  });

  it("students and a body's measures from a wearable are people's data; Student's t and model weights are not", () => {
    expect(
      effects(capPersonalData, { name: 'get_student_timetable', description: "Get a student's timetable by name." }),
    ).toContain('capability:personal-data');
    expect(
      effects(capPersonalData, {
        name: 'optimize_students_df',
        description: 'Degrees of freedom for a Student-t that best matches empirical VaR.',
      }),
    ).not.toContain('capability:personal-data');
    const menstrual = {
      name: 'get_menstrual_last_confirmed',
      description: 'Garmin Connect API: get_menstrual_last_confirmed.',
    };
    expect(classify(menstrual, { ignoreAnnotations: true }).risk).toBe('medium');
    expect(
      effects(capPersonalData, {
        name: 'get_weight_snapshot',
        description: 'Garmin Connect API: get_weight_snapshot.',
      }),
    ).toContain('capability:personal-data');
    expect(
      effects(capPersonalData, {
        name: 'load_model_weights',
        description: 'Load the model weights from a checkpoint.',
      }),
    ).not.toContain('capability:personal-data');
  });

  it('leverage set for futures trading is money; a Figma file is no file on disk; an accessibility tree is a screen', () => {
    expect(effects(capFinancial, { name: 'set-leverage', description: 'Set leverage for futures trading' })).toContain(
      'capability:financial',
    );
    expect(
      effects(capFinancial, { name: 'summarize', description: 'Leverage AI to summarize the text.' }),
    ).not.toContain('capability:financial');
    expect(
      effects(capFilesystem, {
        name: 'figma_get_file_at_version',
        description: 'Fetch a Figma file (or specific nodes) as it existed at a past version_id.',
      }),
    ).not.toContain('capability:filesystem');
    expect(
      effects(capBrowser, {
        name: 'extract_accessibility_tree',
        description: 'Extract interactive elements (buttons, links, inputs) as an Accessibility Object Model (AOM).',
      }),
    ).toContain('capability:browser');
  });
});

describe('capability triggers narrowed by what the word names', () => {
  it('"crm" in a name means personal data only when the description names people', () => {
    expect(
      run(capPersonalData, {
        name: 'crm_googleGetConversionGoals',
        description: 'Get conversion goals. Retrieve Google Ads conversion goals for a location',
      }),
    ).toEqual([]);
    expect(
      run(capPersonalData, {
        name: 'score_all_crm',
        description: "AI-score the org's CRM contacts 0-10 against its ICP.",
      }),
    ).not.toEqual([]);
  });

  it("a tool's, a wallet's or a CPU profile is no person's; a wallet address is no one's address", () => {
    expect(
      run(capPersonalData, { name: 'get_wallet_profile', description: 'Wallet summary: native balance.' }),
    ).toEqual([]);
    expect(
      run(capPersonalData, { name: 'list_pyroscope_profile_types', description: 'Lists all available profile types.' }),
    ).toEqual([]);
    expect(
      run(capPersonalData, {
        name: 'submit_authorization',
        description: 'Mint a runtime key.',
        inputSchema: props({ wallet_address: { type: 'string' } }),
      }),
    ).toEqual([]);
    expect(run(capPersonalData, { name: 'get_my_profile', description: 'Get your own profile.' })).not.toEqual([]);
  });

  it("a result page's notice, a scanned page's image and a report page's visuals are no browser's page", () => {
    const notice = 'Reads the next page; the page notice names the offset to use.';
    expect(run(capBrowser, { name: 'find_callers', description: notice })).toEqual([]);
    expect(run(capBrowser, { name: 'search_tags', description: 'Check the page image before citing a name.' })).toEqual(
      [],
    );
    expect(
      run(capBrowser, { name: 'format_visual', description: 'visual_index: zero-based visual index on the page' }),
    ).toEqual([]);
    expect(run(capBrowser, { name: 'snapshot', description: 'Get a complete snapshot of the page.' })).not.toEqual([]);
  });

  it("a document's page break, a PDF's, a report's or a diagram's pages are no browser's", () => {
    expect(run(capBrowser, { name: 'add_page_break', description: 'Add a page break to the document.' })).toEqual([]);
    expect(run(capBrowser, { name: 'pbix_add_page', description: 'Add a new blank page to the report.' })).toEqual([]);
    expect(run(capBrowser, { name: 'delete_pdf_pages', description: 'Delete unwanted pages from PDF files.' })).toEqual(
      [],
    );
    expect(
      run(capBrowser, { name: 'save_page_pdf', description: 'Save the current page as a PDF (headless only).' }),
    ).not.toEqual([]);
  });

  it("routing, ARP, pivot and cap tables, and a spreadsheet's or a document's cells, are no database's tables", () => {
    expect(run(capDatabase, { name: 'routing_table', description: "The firewall's active routing table." })).toEqual(
      [],
    );
    expect(
      run(capDatabase, { name: 'get_cap_table', description: 'Shows ownership breakdown by stakeholder.' }),
    ).toEqual([]);
    expect(
      run(capDatabase, {
        name: 'set_table_alignment_all',
        description: 'Set text alignment for all cells in a table.',
      }),
    ).toEqual([]);
    expect(
      run(capDatabase, {
        name: 'figjam_create_table',
        description: 'Create a table on a FigJam board with optional cell data.',
      }),
    ).toEqual([]);
    expect(
      run(capDatabase, { name: 'describe_table', description: 'Show the schema for a specific table' }),
    ).not.toEqual([]);
  });

  it("a namespace parameter is a cluster's only on a cluster or a cloud", () => {
    const wiki = {
      name: 'list_pages_tool',
      description: 'List wiki pages with optional prefix filter.',
      inputSchema: props({ namespace: { type: 'integer', description: 'Namespace to list (0=Main, default: 0)' } }),
    };
    expect(run(capInfrastructure, wiki)).toEqual([]);
    const k8s = {
      name: 'list_services',
      description: 'List the services in a cube.',
      inputSchema: props({ namespace: { type: 'string', description: 'Optional Kubernetes namespace to filter to.' } }),
    };
    expect(run(capInfrastructure, k8s)).not.toEqual([]);
    const durable = {
      name: 'do_list_objects',
      description: 'List Durable Object instances',
      inputSchema: props({ namespaceId: { type: 'string', description: 'ID of the Durable Objects namespace' } }),
    };
    expect(run(capInfrastructure, durable)).not.toEqual([]);
  });
});

describe('a third unannotated sample (seed 424242)', () => {
  it('open interest is a market figure, not an opening', () => {
    expect(effects(nameVerb, { name: 'hl_open_interest' })).toEqual([]);
    expect(
      effects(descriptionLeadVerb, { name: 'open_interest', description: 'Open interest in contracts and USD.' }),
    ).toEqual([]);
    expect(effects(nameVerb, { name: 'open_position' })).toEqual(['write']);
  });
  it('a version guard in a lookup checks what is read', () => {
    const guarded = props({ path: { type: 'string' }, expected_revision: { type: 'string' } });
    expect(
      run(changeOnlyParam, {
        name: 'get_document_node',
        description: 'Get one bounded HWPX semantic node by canonical path.',
        inputSchema: guarded,
      }),
    ).toEqual([]);
    expect(
      effects(changeOnlyParam, {
        name: 'set_paragraph_format',
        description: 'Set the format of a paragraph.',
        inputSchema: guarded,
      }),
    ).toEqual(['write']);
  });
  it('a change offered as an option after the opening is one the call can make', () => {
    expect(
      effects(descriptionLeadVerb, {
        name: 'pbix_svg_measure',
        description: 'Generate DAX for an SVG data-URI image measure — optionally add it.',
      }),
    ).toContain('write');
  });
  it('the learned raise yields to an opening that only analyses or extracts', () => {
    const sure = learnedRaise({ about: '', threshold: 0.5, lowerThreshold: 0.1, bias: 5, weights: {} });
    const raised = (tool: Parameters<typeof run>[1]) => run(sure, tool).length > 0;
    expect(raised({ name: 'dag_task_duration', description: 'Analyzes task durations within a DAG run.' })).toBe(false);
    expect(raised({ name: 'browser_links', description: 'Extract all links from a web page' })).toBe(false);
    expect(raised({ name: 'unpack', description: 'Extract an archive, then save the files to a folder.' })).toBe(true);
  });
  it('mail folders, file notes, DNS records, data profiles and cached sessions are not what they seem', () => {
    expect(
      effects(capFilesystem, {
        name: 'get_email_attachments',
        description: 'Get list of attachments for a specific email. folder: Mail folder (default: INBOX)',
        inputSchema: props({ email_id: { type: 'string' }, folder: { type: 'string' } }),
      }),
    ).not.toContain('capability:filesystem');
    expect(
      effects(capFilesystem, { name: 'create_file_note', description: 'Create a file note on an action.' }),
    ).toEqual([]);
    expect(effects(capFilesystem, { name: 'read_file', description: 'Read a file.' })).toContain(
      'capability:filesystem',
    );
    expect(effects(capDatabase, { name: 'deleteDnsRecord', description: 'Deletes a DNS record' })).toEqual([]);
    expect(effects(capDatabase, { name: 'delete_record', description: 'Delete a record from a table' })).toContain(
      'capability:database',
    );
    expect(
      effects(capPersonalData, { name: 'profile_dataset', description: 'Profile a tabular data file in one call.' }),
    ).toEqual([]);
    expect(effects(capPersonalData, { name: 'get_profile', description: "Get the user's profile." })).toContain(
      'capability:personal-data',
    );
    const token = (description: string) =>
      effects(capCredentials, {
        name: 'sbox_update_session_status',
        description: 'Set a session result.',
        inputSchema: props({ token: { type: 'string', description } }),
      });
    expect(token('Optional. Omit to use cached session from sbox_open_login.')).toEqual([]);
    expect(token('The new token value to store.')).toContain('capability:credentials');
  });
  it("a browser's cookies are its; a link handed back for the user to open drives no browser", () => {
    expect(
      effects(capBrowser, { name: 'context_cookies_get', description: 'Read all cookies in a context.' }),
    ).toContain('capability:browser');
    expect(
      effects(capBrowser, {
        name: 'auth_url',
        description: 'Step 1 of OAuth: URL the user must open in a browser to allow access.',
      }),
    ).toEqual([]);
    expect(
      effects(capBrowser, { name: 'list_pages', description: 'Get a list of pages open in the browser.' }),
    ).toContain('capability:browser');
  });
  it('a URL the call only matches against or hands back is not one it reaches', () => {
    const net = (description: string) =>
      effects(capNetworkEgress, {
        name: 'list_captured',
        description: 'List captured requests.',
        inputSchema: props({ url: { type: 'string', description } }),
      });
    expect(net('URL substring filter.')).toEqual([]);
    expect(net('URL pattern to match in the response.')).toEqual([]);
    expect(net('The URL to fetch.')).toContain('capability:network-egress');
    // A URL that stands in for an item's id is looked up by the service, not fetched from a host the caller picks.
    expect(net('Paper ID or URL.')).toEqual([]);
    expect(net('Direct NotebookLM URL — overrides `notebook_id`.')).toEqual([]);
    expect(net('URL or path of the page to open.')).toContain('capability:network-egress');
    expect(
      effects(capNetworkEgress, {
        name: 'deploy_html',
        description: 'Deploy HTML content to EdgeOne Pages, return the public URL',
      }),
    ).toEqual([]);
    expect(effects(capNetworkEgress, { name: 'fetch', description: 'Fetch the given URL.' })).toContain(
      'capability:network-egress',
    );
  });
  it("a cluster's or a node's services are infrastructure", () => {
    expect(
      effects(capInfrastructure, {
        name: 'stop_all_services',
        description: 'Stops all services in an Ambari cluster.',
      }),
    ).toContain('capability:infrastructure');
    expect(
      effects(capInfrastructure, { name: 'list_service_categories', description: 'List service categories.' }),
    ).toEqual([]);
  });
});

describe('false changes from an unannotated sample of changes', () => {
  const sure = learnedRaise({ about: '', threshold: 0.5, lowerThreshold: 0.1, bias: 5, weights: {} });
  const raised = (tool: Parameters<typeof run>[1]) => run(sure, tool).length > 0;
  it('a first word hyphened to a participle is a compound adjective, no verb ("Forward-looking")', () => {
    const forecast = 'Forward-looking Monte Carlo forecast for a portfolio with cash flows.';
    expect(effects(descriptionLeadVerb, { name: 'x', description: forecast })).toEqual([]);
    expect(run(sendsToPeople, { name: 'monte_carlo_forecast', description: forecast })).toEqual([]);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Forward an email to a contact.' })).toEqual([
      'write',
    ]);
    expect(run(sendsToPeople, { name: 'x', description: 'Forward an email to a contact.' })).not.toEqual([]);
  });
  it('a read opening that stops short of creating what it describes is not raised', () => {
    const yaml = 'Generate the pipeline YAML without creating the pipeline — a dry run, for previewing the config.';
    expect(raised({ name: 'generate_pipeline_yaml', description: yaml })).toBe(false);
    expect(raised({ name: 'create_pipeline', description: 'Create a pipeline without creating a trigger.' })).toBe(
      true,
    );
  });
  it('a sentence that says the call is or remains a read-only step states that nothing changes', () => {
    expect(STATES_NO_CHANGE.test('resolve roles into candidates. this remains a read-only planning step.')).toBe(true);
    expect(STATES_NO_CHANGE.test('this is a read-only lookup of the queue.')).toBe(true);
    expect(STATES_NO_CHANGE.test('sets the field. it is not a read-only step.')).toBe(false);
  });
  it('a preview "before you actually" promote it, under a planning name, is not carried out', () => {
    const preview = 'Preview exactly where a sandbox config would rank — before you actually promote it.';
    expect(effects(readOnlyPhrase, { name: 'preview_sandbox_match', description: preview })).toContain('read');
    expect(effects(readOnlyPhrase, { name: 'promote_sandbox', description: preview })).not.toContain('read');
  });
  it('running code quality tools for a report reads', () => {
    const report = 'Run multiple code quality tools and generate combined report.';
    expect(effects(descriptionLeadVerb, { name: 'x', description: report })).not.toContain('write');
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Run the code in a sandbox.' })).toContain('write');
  });
  it('"No files created unless" a path is given, or a path that "optionally also" keeps a copy, saves nothing', () => {
    const shot = {
      name: 'take_screenshot',
      description:
        'Take a screenshot of a window. Returns base64 image data. No files created unless outputPath is specified.',
      inputSchema: props({ outputPath: { type: 'string', description: 'Path to save the screenshot (optional)' } }),
    };
    expect(effects(outputPathParam, shot)).toEqual(['capability:filesystem']);
    const plot = {
      name: 'plot_macro',
      description: 'Line chart of macro series. save_path: optionally also write the PNG and report the path.',
      inputSchema: props({ save_path: { type: 'string' } }),
    };
    expect(effects(outputPathParam, plot)).toEqual(['capability:filesystem']);
    const saved = { ...shot, description: 'Take a screenshot of a window and save it.' };
    expect(effects(outputPathParam, saved)).toContain('write');
  });
  it('an optional path that "also" writes a copy, or an output mode that hands back by default, saves nothing', () => {
    const plot = {
      name: 'plot_assets',
      description:
        'Wealth-index comparison chart. save_path: optional file path — also write the PNG there and report it.',
      inputSchema: props({ save_path: { type: 'string' } }),
    };
    expect(effects(outputPathParam, plot)).toEqual(['capability:filesystem']);
    const mode = (d: string) => ({
      name: 'list_dataset_items',
      description: 'List items in a dataset with pagination.',
      inputSchema: props({
        output_mode: {
          type: 'string',
          default: d,
          enum: ['compact', 'full_json_string', 'full_json_file'],
          description: "Output format: 'compact' truncates, 'full_json_file' writes to file",
        },
      }),
    });
    expect(effects(outputPathParam, mode('compact'))).toEqual(['capability:filesystem']);
    expect(effects(outputPathParam, mode('full_json_file'))).toContain('write');
  });
  it('a path whose own description says what comes back without it ("If not provided, returns …") saves nothing', () => {
    const artifact = {
      name: 'pipelines_artifact',
      description: 'Retrieve and download build artifacts.',
      inputSchema: props({
        destinationPath: {
          type: 'string',
          description: 'Relative local path to download the artifact to. If not provided, returns base64 content.',
        },
      }),
    };
    expect(effects(outputPathParam, artifact)).toEqual(['capability:filesystem']);
    const exported = {
      name: 'export_project',
      description: 'Export the project as a flat JSON array.',
      inputSchema: props({
        save_to_file: {
          type: 'boolean',
          description: 'If true, saves to a .export.json file. Default: false (returns JSON in response).',
        },
      }),
    };
    expect(effects(outputPathParam, exported)).toEqual(['capability:filesystem']);
    // Said only in the tool's description, it speaks of another parameter; a name that changes something still writes.
    const elsewhere = {
      ...artifact,
      description: 'Retrieve build artifacts. If omitted, returns all sections.',
      inputSchema: props({ destinationPath: { type: 'string', description: 'Local path to download to.' } }),
    };
    expect(effects(outputPathParam, elsewhere)).toContain('write');
    expect(effects(outputPathParam, { ...artifact, name: 'save_artifact' })).toContain('write');
  });
  it('"running" after a determiner describes what a read opening looks at, so what it returns is handed back', () => {
    const shot = 'Take a screenshot of any running Electron application window. Returns base64 image data.';
    expect(raised({ name: 'take_screenshot', description: shot })).toBe(false);
    expect(raised({ name: 'check_suite', description: 'Check a suite by running it. Returns the results.' })).toBe(
      true,
    );
  });

  it("code run inside a WebView runs in its page, a document's commands are edits, and a getter's clear-all flag is no bulk act", () => {
    const webview = {
      name: 'webview_evaluate_script',
      description: 'Run JS inside a WebView (DOM query, click, read text, etc).',
      inputSchema: props({ script: { type: 'string' } }),
    };
    expect(effects(codeExecution, webview)).toContain('execution:page');
    const tauri = {
      name: 'webview_execute_js',
      description: "Execute JavaScript in a Tauri app's webview context.",
      inputSchema: props({
        script: { type: 'string', description: 'JavaScript code to execute in the webview context.' },
      }),
    };
    expect(effects(codeExecution, tauri)).toContain('execution:arbitrary');
    const doc = {
      name: 'apply_document_commands',
      description: 'Apply one atomic command batch of set/add/remove edits.',
    };
    expect(effects(codeExecution, doc)).not.toContain('capability:code-execution');
    expect(effects(codeExecution, { name: 'apply_shell_commands', description: 'Apply them.' })).toContain(
      'capability:code-execution',
    );
    const clearAll = { clear_all: { type: 'boolean', description: 'Wipe the entire ledger.' } };
    expect(effects(forceFlag, { name: 'get_tap_ledger', inputSchema: props(clearAll) })).not.toContain('bulk');
    expect(effects(forceFlag, { name: 'reset_tap_ledger', inputSchema: props(clearAll) })).toContain('bulk');
  });

  it('a launcher prefix is no code, and a run-named query stated as one SELECT reads with a weak guard', () => {
    const cp2k = {
      name: 'cp2k_dos_from_file',
      description: 'Compute DOS using a CP2K input file.',
      inputSchema: props({ launcher_cmd: { type: 'string' }, input_file: { type: 'string' } }),
    };
    expect(effects(codeExecution, cp2k)).not.toContain('capability:code-execution');
    expect(
      effects(codeExecution, {
        ...cp2k,
        inputSchema: props({ shell_cmd: { type: 'string', description: 'Command to run.' } }),
      }),
    ).toContain('capability:code-execution');
    const custom = effects(codeExecution, {
      name: 'execute_query',
      description: 'Execute a custom SQL SELECT query with automatic limit (top 20 rows).',
      inputSchema: props({ query: { type: 'string', description: 'SQL SELECT query to execute' } }),
    });
    expect(custom).toContain('execution:read-only');
    expect(custom).not.toContain('guard:explicit');
    const unsaid = effects(codeExecution, {
      name: 'execute_query',
      description: 'Execute a custom SQL query.',
      inputSchema: props({ query: { type: 'string', description: 'SQL SELECT query to execute' } }),
    });
    expect(unsaid).toContain('execution:arbitrary');
    const explain = effects(codeExecution, {
      name: 'explain_query',
      description:
        'Return the execution plan/trace for a ``SELECT`` or ``WITH`` statement. The statement is actually executed under SET TRACE ON, then rolled back.',
      inputSchema: props({ sql: { type: 'string' } }),
    });
    expect(explain).toContain('execution:read-only');
  });

  it('an API key a Chinese description says the call is made by is how it is called, not a secret it touches', () => {
    expect(
      run(capCredentials, {
        name: 'create_forum_post',
        description: '在贴吧发布新帖子（身份由 API Key 绑定为当前 Agent）',
      }),
    ).toEqual([]);
    expect(run(capCredentials, { name: 'manage_keys', description: '创建或删除 API key' })).not.toEqual([]);
  });
});

describe('hidden changes from an unannotated sample of reads', () => {
  const v = (tool: Parameters<typeof classify>[0]) => classify(tool, { ignoreAnnotations: true });
  const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });

  it('"and save to file" with no object is the call writing a file, not a step left to the caller', () => {
    expect(said('Extract element styles and save to file, returning file path.')).not.toEqual([]);
    expect(said('Content is returned as base64. You can decode it and save to file.')).toEqual([]);
  });
  it('a read that reboots the device it reads says so ("so this reboots and reconnects")', () => {
    const note = 'NOTE: reads over CLI; exiting CLI reboots the FC, so this reboots and reconnects (~7s).';
    expect(said(`Read and explain the failsafe configuration. ${note}`)).not.toEqual([]);
    expect(said('Return received messages. Ids start again at 1 when the server restarts.')).toEqual([]);
    expect(said('Watches are process-local; they end if the server is stopped and it restarts.')).toEqual([]);
  });
  it('"trigger" opening a name starts the job the read word after it names', () => {
    const fetch = v({ name: 'trigger_plaid_fetch', description: 'Trigger a fetch of latest data from Plaid.' });
    expect(fetch.category).not.toBe('read');
    expect(v({ name: 'list_trigger_runs', description: 'List trigger runs.' }).category).toBe('read');
  });
  it('"Leave a room/the raid" opening a description changes membership; "leave" in a name or "Leave it" does not', () => {
    expect(effects(descriptionLeadVerb, { name: 'room_leave', description: 'Leave a room.' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Leave the raid.' })).toEqual(['write']);
    expect(effects(descriptionLeadVerb, { name: 'x', description: 'Leave it empty to use the default.' })).toEqual([]);
    expect(v({ name: 'list_leave_types', description: 'List leave types.' }).category).toBe('read');
  });
  it('running a detection finds things and changes nothing', () => {
    const description = 'Run regression detection across all databases and return the worst regressions found.';
    expect(effects(descriptionLeadVerb, { name: 'x', description })).toEqual(['read']);
  });
  it('a wealth, price or power index is a figure, not a database index', () => {
    const wealth = { name: 'get_portfolio_wealth_index', description: 'Wealth-index time series for the portfolio.' };
    expect(run(capDatabase, wealth)).toEqual([]);
    expect(
      run(capDatabase, { name: 'games_get_power_index', description: 'Fetch league team power index (FPI) ratings.' }),
    ).toEqual([]);
    expect(effects(capDatabase, { name: 'create_index', description: 'Create an index on a table column.' })).toContain(
      'capability:database',
    );
  });
  it('an instance given as a web app base URL in the Args is no cloud instance', () => {
    const description = 'Search people. Args: query: Text. instance: Gramps Web base URL for this call.';
    expect(
      run(capInfrastructure, { name: 'search', description, inputSchema: props({ instance: { type: 'string' } }) }),
    ).toEqual([]);
    expect(
      effects(capInfrastructure, {
        name: 'x',
        description: 'Start a VM.',
        inputSchema: props({ instance: { type: 'string' } }),
      }),
    ).toContain('capability:infrastructure');
  });
});

describe('MONEY_RECORDS', () => {
  const risk = (tool: Parameters<typeof run>[1]) => classify(tool, { ignoreAnnotations: true }).risk;
  it("reading a party's own money records is medium risk; public prices stay low", () => {
    expect(effects(moneyRecords, { name: 'list_invoices_for_project' })).toEqual(['money-records']);
    expect(risk({ name: 'list_invoices_for_project', description: 'List all invoices for a specific project.' })).toBe(
      'medium',
    );
    const aging = 'Accounts Receivable Aging: outstanding invoices by customer. Shows who owes you money.';
    expect(effects(moneyRecords, { name: 'erpnext_ar_aging', description: aging })).toEqual(['money-records']);
    expect(risk({ name: 'get_gold_prices', description: 'Get the live 18k gold price per gram, in Toman.' })).toBe(
      'low',
    );
  });
  it("a balance sheet, a refund policy or a database transaction is no one's money record", () => {
    expect(run(moneyRecords, { name: 'get_balance_sheet' })).toEqual([]);
    expect(run(moneyRecords, { name: 'refund_policy_get' })).toEqual([]);
    expect(run(moneyRecords, { name: 'weight_and_balance' })).toEqual([]);
    expect(run(moneyRecords, { name: 'begin_transaction' })).toEqual([]);
  });
});

describe('MONEY_BOOKKEEPING', () => {
  const risk = (tool: Parameters<typeof run>[1]) => classify(tool, { ignoreAnnotations: true }).risk;
  it('a budget entry, an expense or a payment written down is a medium write, not money moved', () => {
    const bulk = 'Update multiple transactions in a single call (1-500). Each entry must include `id`.';
    expect(effects(moneyBookkeeping, { name: 'update_transactions_bulk', description: bulk })).toEqual([
      'money-bookkeeping',
    ]);
    expect(risk({ name: 'update_transactions_bulk', description: bulk })).toBe('medium');
    const paid =
      'Record a cash, check, credit card or bank transfer payment on an invoice; paid in full moves to Paid.';
    expect(effects(moneyBookkeeping, { name: 'record_payment', description: paid })).toEqual(['money-bookkeeping']);
    const status = 'Change an invoice status (e.g. mark paid). This does NOT email anyone: it only records the status.';
    expect(effects(moneyBookkeeping, { name: 'set_invoice_status', description: status })).toEqual([
      'money-bookkeeping',
    ]);
  });
  it('a transaction that charges, pays or trades still moves money', () => {
    const sale = "Create a sale transaction: charges the customer's card for the amount.";
    expect(run(moneyBookkeeping, { name: 'create_transaction', description: sale })).toEqual([]);
    expect(
      run(moneyBookkeeping, { name: 'send_transaction', description: 'Send funds on-chain to an address.' }),
    ).toEqual([]);
    expect(run(moneyBookkeeping, { name: 'create_refund', description: 'Refund a payment.' })).toEqual([]);
  });
  it('a bare sum, a currency, a payment setting, a denied money word or an invoice template moves no money', () => {
    const store = {
      name: 'commerce_store_update',
      description: 'Update a commerce store.',
      inputSchema: {
        type: 'object',
        properties: { store_id: { type: 'string' }, default_currency: { type: 'string' } },
      },
    };
    expect(effects(moneyBookkeeping, store)).toEqual(['money-bookkeeping']);
    expect(risk(store)).toBe('medium');
    const round = {
      name: 'create_funding_round',
      description: 'Create a new funding round on an entity.',
      inputSchema: {
        type: 'object',
        properties: { raised_amount: { type: 'number' }, target_amount: { type: 'number' } },
      },
    };
    expect(effects(moneyBookkeeping, round)).toEqual(['money-bookkeeping']);
    const free = 'Claim a free domain and register it. Unlike purchasing a domain, no payment method is required.';
    expect(effects(moneyBookkeeping, { name: 'claim_free_domain', description: free })).toEqual(['money-bookkeeping']);
    expect(effects(moneyBookkeeping, { name: 'create_invoice_template', description: 'Create template.' })).toEqual([
      'money-bookkeeping',
    ]);
  });
  it('a price set, a tip, a paid budget or a named payment still moves money', () => {
    const priced = (name: string, description: string, param: string) => ({
      name,
      description,
      inputSchema: { type: 'object', properties: { [param]: { type: 'number' } } },
    });
    expect(run(moneyBookkeeping, priced('commerce_product_update', 'Update a commerce product.', 'price'))).toEqual([]);
    expect(run(moneyBookkeeping, priced('set_tip', 'Set the tip amount on the cart.', 'tip_amount'))).toEqual([]);
    expect(run(moneyBookkeeping, priced('post_task', 'Post a task; budget is the ceiling.', 'currency'))).toEqual([]);
    expect(run(moneyBookkeeping, priced('create_payment', 'Create a payment.', 'amount'))).toEqual([]);
  });
});

describe('CAP_FINANCIAL transactions', () => {
  it("a family tree's or a patent prosecution's transactions move no money", () => {
    const tree = 'Recent writes to the tree: what changed, when, by which user.';
    expect(run(capFinancial, { name: 'list_transactions', description: tree })).toEqual([]);
    expect(effects(capFinancial, { name: 'list_transactions', description: 'List bank transactions.' })).toContain(
      'capability:financial',
    );
  });

  it('risk review: a login a call connects with, a switch for credentials and a watch on updates are no secret or money', () => {
    const ssh = (name: string, description: string) => ({
      name,
      description,
      inputSchema: props({
        host: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        sudo_password: { type: 'string' },
        remote_path: { type: 'string' },
      }),
    });
    expect(effects(capCredentials, ssh('write_file', 'Write content to a remote file over SSH.'))).not.toContain(
      'capability:credentials',
    );
    // A tool about users or the hosts it keeps sets or keeps the password.
    expect(effects(capCredentials, ssh('user_create', 'Creates a MySQL user.'))).toContain('capability:credentials');
    expect(effects(capCredentials, ssh('add_host', 'Register and persist a new SSH host configuration.'))).toContain(
      'capability:credentials',
    );
    expect(
      effects(capCredentials, {
        name: 'create_portal',
        description: 'credentialsEnabled (boolean): Whether authentication credentials are enabled for the portal.',
        inputSchema: props({ credentialsEnabled: { type: 'boolean' } }),
      }),
    ).not.toContain('capability:credentials');
    expect(
      run(capFinancial, { name: 'set_article_subscription', description: 'Subscribe to article updates.' }),
    ).toEqual([]);
    expect(run(capFinancial, { name: 'create_webhook_subscription' })).toEqual([]);
    expect(
      effects(capFinancial, { name: 'update_subscription', description: 'Update a Stripe subscription.' }),
    ).toContain('capability:financial');
  });

  it('unannotated sample (seed 4321): relocating is moving; frontmatter vaults, theme regions, Ansible collections', () => {
    // "Request relocation of an HA resource to a different node" moves it; "relocate" is not "re-locate".
    expect(effects(nameVerb, { name: 'relocate_ha_resource' })).toEqual(['write']);
    expect(
      effects(capCredentials, {
        name: 'vault_property_read',
        description: 'Read a single frontmatter property value. Returns the raw value of the specified property.',
      }),
    ).not.toContain('capability:credentials');
    expect(
      effects(capInfrastructure, {
        name: 'theme_region_create',
        description: 'Add a region to theme.',
        inputSchema: props({ region_name: { type: 'string' }, path: { type: 'string' } }),
      }),
    ).not.toContain('capability:infrastructure');
    expect(
      effects(capInfrastructure, {
        name: 'generate_timeline',
        description: 'Draw a timeline of a run. Args: region: AWS region. theme: Color theme.',
        inputSchema: props({ region: { type: 'string' }, theme: { type: 'string' } }),
      }),
    ).toContain('capability:infrastructure');
    expect(
      effects(capDatabase, {
        name: 'validate_ansible_collection_compatibility',
        description:
          'Validate collection compatibility with target Ansible version. Checks whether Ansible collections specified in requirements.yml are compatible.',
      }),
    ).not.toContain('capability:database');
  });
});

describe('name change words used as a grouping key', () => {
  it('a name word the description uses only after "by" or "per" is the key, not the verb', () => {
    expect(
      effects(nameVerb, {
        name: 'firefly_iii_insight_expense_tag',
        description: 'Insight into expenses, grouped by tag.',
      }),
    ).toEqual([]);
    expect(effects(nameVerb, { name: 'shutdown-droplets-tag', description: 'Shutdown droplets by tag' })).toEqual([
      'write',
    ]);
    expect(effects(nameVerb, { name: 'tag_expense', description: 'Tag an expense, listed by date.' })).toEqual([
      'write',
    ]);
  });
});

describe('side effects the system has, not the call', () => {
  const said = (description: string) => run(sideEffectPhrase, { name: 'x', description });

  it('what a log holds, work done before the call and steps set for the caller admit no side effect', () => {
    expect(said('View recent events. Every write, outcome, and cross-agent read is recorded as an event.')).toEqual([]);
    expect(said('Every call that reaches the API is recorded as spend.')).not.toEqual([]);
    const swept =
      'Reports are gathered before the gatherer is called: filters run in code, and the results are stored on the run.';
    expect(said(swept)).toEqual([]);
    expect(said('Filters run in code, and the results are stored on the run.')).not.toEqual([]);
    const steps = 'To fulfil one: obtain the PDF (or open the source URL in a browser and save it), then register it.';
    expect(said(steps)).toEqual([]);
    expect(said('Set probe_apps=true to discover and persist missing targets.')).not.toEqual([]);
  });
  it('an output path used only when the answer is too large, or an output switch whose default returns inline, saves nothing', () => {
    const source = {
      name: 'Debugger_getScriptSource',
      description: 'Get the source code of a script. Use `saveToTmp` if the response is too large.',
      inputSchema: props({
        saveToTmp: {
          type: 'boolean',
          description: 'Whether to save the script source to a temporary file if it is large.',
        },
      }),
    };
    expect(effects(outputPathParam, source)).toEqual(['capability:filesystem']);
    const memory = {
      name: 'read_memory',
      description: 'Read memory bytes.',
      inputSchema: props({
        output_file: {
          type: 'string',
          enum: ['value', 'file'],
          description: "'value' (default) returns the byte list inline. 'file' saves raw bytes under output/.",
        },
      }),
    };
    expect(effects(outputPathParam, memory)).toEqual(['capability:filesystem']);
    expect(effects(outputPathParam, { ...source, name: 'save_script_source' })).toContain('write');
  });
});

describe('capability words the tool describes without saying', () => {
  const s = { type: 'string' };
  it("an undescribed selector is a page element's where the tool acts on one, or beside the browser it acts in", () => {
    for (const description of [
      'Type text into an element (character by character when humanize=True).',
      'Type text into an input found by selector.',
      'Visible text of the current page, or of the first element matching the CSS ``selector`` if given.',
      'Press a keyboard key while an element is focused (e.g. Enter, Tab, Escape).',
    ])
      expect(
        effects(capBrowser, { name: 'act', description, inputSchema: props({ selector: s }) }),
        description,
      ).toContain('capability:browser');
    expect(
      effects(capBrowser, {
        name: 'element_info',
        description: 'Return detailed information about an element.',
        inputSchema: props({ selector: s, tab_id: s, browser_id: s }),
      }),
    ).toContain('capability:browser');
    expect(
      effects(capBrowser, {
        name: 'get_logs',
        description: 'Requests from the current tab.',
        inputSchema: props({ tabId: { type: 'string', description: 'Which browser tab to use' } }),
      }),
    ).toContain('capability:browser');
    // A selector over a CAD model, a mesh's nodes or a document's paragraphs, and a document's tab, are no page's.
    for (const description of [
      'Evaluate a selector expression against a named object and return a geometry descriptor.',
      'Delete nodes (by id list or selector). Nodes still used by elements are refused.',
      'Query bounded semantic nodes with selector v1 and return canonical paths.',
    ])
      expect(
        run(capBrowser, { name: 'resolve', description, inputSchema: props({ selector: s }) }),
        description,
      ).toEqual([]);
    expect(
      run(capBrowser, {
        name: 'insertText',
        description: 'Inserts text at a specific index within the document body.',
        inputSchema: props({ tabId: { type: 'string', description: 'The ID of the specific tab to insert into.' } }),
      }),
    ).toEqual([]);
  });

  it("an association's or an object's key and a key's name are no secrets", () => {
    for (const name of [
      'crm_getAssociationKeyByKeyName',
      'crm_getAssociationByObjectKeys',
      'crm_getCustomFieldsByObjectKey',
    ])
      expect(run(capCredentials, { name, description: 'Get association by key.' }), name).toEqual([]);
    expect(effects(capCredentials, { name: 'get_api_key' })).toContain('capability:credentials');
  });

  it("an archive's or a library's catalogue record is no database's", () => {
    for (const description of [
      'Read one Catalog record in full, by NAID.',
      'Search historical records by name, events, relatives, type or collection.',
      "Read a OneSearch record's bibliographic metadata, descriptions, subjects.",
    ])
      expect(run(capDatabase, { name: 'get_record', description }), description).toEqual([]);
    expect(effects(capDatabase, { name: 'get_record', description: 'Read one row of the model.' })).toContain(
      'capability:database',
    );
  });

  it('a message to an agent that answers within the call messages nobody', () => {
    const description = 'Execute an Agent Studio agent. Send a message and get a response.';
    expect(run(capMessaging, { name: 'crm_execute_agent', description })).toEqual([]);
    expect(run(sendsToPeople, { name: 'crm_execute_agent', description })).toEqual([]);
    const sent = 'Send a message to the contact.';
    expect(effects(capMessaging, { name: 'crm_deliver', description: sent })).toContain('capability:messaging');
    expect(effects(sendsToPeople, { name: 'crm_deliver', description: sent })).toContain('sends');
  });
});

describe('learned-raise yields from a sample of tools only the raise called changes', () => {
  const sure = learnedRaise({ about: '', threshold: 0.5, lowerThreshold: 0.1, bias: 5, weights: {} });
  const raised = (tool: Parameters<typeof run>[1]) => run(sure, tool).length > 0;
  it('an audit "for" a component, or a scan for indicators, hands back findings', () => {
    const audit = 'Deep accessibility audit for a specific component or component set. Produces a scorecard.';
    expect(raised({ name: 'audit_component_accessibility', description: audit })).toBe(false);
    const sybil = 'Scan a Base wallet for Sybil indicators. Analyzes wallet age and funding source.';
    expect(raised({ name: 'wallet_sybil', description: sybil })).toBe(false);
    expect(raised({ name: 'x', description: 'Scan a wallet for tokens and sweep them.' })).toBe(true);
  });
  it('an opening that returns something, or decompiles or disassembles code, only looks up', () => {
    const tables = 'Return every user table in the connected database.';
    expect(raised({ name: 'all_table_names', description: tables })).toBe(false);
    expect(raised({ name: 'decompile', description: 'Decompile function(s) at given address(es).' })).toBe(false);
    expect(raised({ name: 'acpi_disassemble', description: "Disassemble a DSDT's AML to ASL source." })).toBe(false);
    expect(raised({ name: 'x', description: 'Return or refund an order.' })).toBe(true);
  });
  it('a noun-phrase opening whose next sentence says what comes back is not raised', () => {
    const positions = 'Desk positions across venues. Returns the server-side cached snapshot.';
    expect(raised({ name: 'paradigm_positions', description: positions })).toBe(false);
    const scaffold = 'Scaffold a report folder. Returns its path.';
    expect(raised({ name: 'report_folder', description: scaffold })).toBe(true);
    expect(raised({ name: 'delete_positions', description: positions })).toBe(true);
  });
});

describe('read risk from a sample of reads rated low and medium', () => {
  const reads = (tool: Parameters<typeof run>[1]) => classify(tool, { ignoreAnnotations: true }).risk;
  it("a body's weigh-ins, body fat and biometrics are a person's health records", () => {
    const weight = 'Get every weigh-in and body-fat reading, as Google recorded each one.';
    expect(effects(capPersonalData, { name: 'health_get_weight_readings', description: weight })).toContain(
      'capability:personal-data',
    );
    expect(reads({ name: 'health_get_weight_readings', description: weight })).toBe('medium');
    const sections = 'Get a section of the data. Sections include: biometrics, hormones, lipids.';
    expect(effects(capPersonalData, { name: 'section', description: sections })).toContain('capability:personal-data');
  });
  it('candidates are people only where the text speaks of hiring', () => {
    const filings = 'Return the documents of a filing as candidates to pick one from.';
    expect(effects(capPersonalData, { name: 'list_document_candidates', description: filings })).not.toContain(
      'capability:personal-data',
    );
    const hiring = 'Search candidates by name or email for an open job.';
    expect(effects(capPersonalData, { name: 'search_candidates', description: hiring })).toContain(
      'capability:personal-data',
    );
  });
  it("a company's or a stock's profile is not a person's", () => {
    const stock = 'Reference profile for a US stock or ETF: name, exchange, sector, industry.';
    expect(effects(capPersonalData, { name: 'company_profile', description: stock })).not.toContain(
      'capability:personal-data',
    );
    expect(effects(capPersonalData, { name: 'get_profile', description: 'Get the signed-in user profile.' })).toContain(
      'capability:personal-data',
    );
  });
  it("a server's message and an image's channel are not messaging", () => {
    const notice = 'Get a specific server message by name.';
    expect(effects(capMessaging, { name: 'get_server_message', description: notice })).not.toContain(
      'capability:messaging',
    );
    const view = 'Look at a buffer as an image. channel: render one storage channel as grayscale.';
    expect(
      effects(capMessaging, { name: 'view', description: view, inputSchema: props({ channel: { type: 'string' } }) }),
    ).not.toContain('capability:messaging');
    expect(effects(capMessaging, { name: 'get_message', description: 'Get one chat message.' })).toContain(
      'capability:messaging',
    );
  });
});

describe('read risk, second pass: auth parameters, screens and mail attachments', () => {
  const verdict = (tool: Parameters<typeof classify>[0]) => classify(tool);
  it('a read handed a token or a password as a parameter reads no secret', () => {
    const lyrics = verdict({
      name: 'fetch_lyrics',
      description: 'Search a song and return its LRC lyrics.',
      inputSchema: props({ keyword: { type: 'string' }, token: { type: 'string' } }),
      annotations: { readOnlyHint: true },
    });
    expect(lyrics.capabilities).not.toContain('credentials');
    expect(lyrics.risk).toBe('low');
    // A read whose name says it reads secrets keeps them.
    expect(
      verdict({ name: 'list_api_keys', inputSchema: props({ token: { type: 'string' } }) }).capabilities,
    ).toContain('credentials');
  });
  it('"screen" is a display only where the text speaks of one', () => {
    const vetting = 'Screen a ticker universe for material estimate momentum.';
    expect(effects(capBrowser, { name: 'screen_estimate_revisions', description: vetting })).not.toContain(
      'capability:browser',
    );
    const device = 'Get the screen size of the mobile device in pixels';
    expect(effects(capBrowser, { name: 'get_screen_size', description: device })).toContain('capability:browser');
    const firebird = 'Inspeciona a estrutura de uma tabela: colunas, tipos exatos, domínios e nullability.';
    expect(effects(capBrowser, { name: 'inspect_table', description: firebird })).not.toContain('capability:browser');
  });
  it("a mail's attachment is someone's mail; an issue's is not", () => {
    const mail = 'Download a specific attachment from an email.';
    expect(effects(capMessaging, { name: 'get_attachment', description: mail })).toContain('capability:messaging');
    const issue = 'Get all attachments for an issue.';
    expect(effects(capMessaging, { name: 'get_attachments', description: issue })).not.toContain(
      'capability:messaging',
    );
  });
});
