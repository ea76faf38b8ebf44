// classify(): combining rules into a verdict, annotations as hints, robustness against hostile input, determinism.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITY_INFO,
  CATEGORY_INFO,
  classify,
  classifyWithKey,
  deriveRisk,
  FINDING_INFO,
  RISK_INFO,
  RISK_RULES,
  RULES,
} from '../../src/core/classify/index.ts';
import { CapabilitySchema, CategorySchema, RiskSchema, VerdictSchema } from '../../src/core/schemas/verdict.ts';

const props = (p: Record<string, unknown>) => ({ type: 'object', properties: p });

describe('category', () => {
  it.each([
    ['delete_branch', 'destructive'],
    ['deleteBranch', 'destructive'],
    ['DeleteBranch', 'destructive'],
    ['delete-branch', 'destructive'],
    ['branch.delete', 'destructive'],
    ['Delete Branch', 'destructive'],
    ['send_email', 'write'],
    ['sendEmail', 'write'],
    ['create-issue', 'write'],
    ['list_issues', 'read'],
    ['getIssue', 'read'],
    ['Search.Issues', 'read'],
  ])('%s → %s', (name, category) => expect(classify({ name }).category).toBe(category));

  it.each<[string, string | undefined, string]>([
    ['mark_all_notifications_read', undefined, 'write'],
    ['browser_select_option', 'Select an option in a dropdown', 'write'],
    ['watch_repository', 'Watch a repository', 'write'],
    ['API-post-search', 'Search pages', 'read'],
    ['dismiss_notification', undefined, 'write'],
    ['transitionJiraIssue', 'Transition an issue to a new status', 'write'],
    ['git_branch', 'List Git branches', 'read'],
    ['get_pacticipant_label', undefined, 'read'],
    ['appservice_webapp_deployment_get', undefined, 'read'],
    ['netlify-deploy-services-reader', undefined, 'read'],
    ['browser_type', 'Type text into editable element', 'write'],
  ])('noun-or-verb names: %s (%s) → %s', (name, description, category) => {
    expect(classify({ name, ...(description ? { description } : {}) }).category).toBe(category);
  });

  it('arbitrary code execution is destructive and critical', () => {
    const v = classify({
      name: 'run_command',
      description: 'Runs a shell command.',
      inputSchema: props({ command: { type: 'string' } }),
    });
    expect(v).toMatchObject({ category: 'destructive', risk: 'critical' });
    expect(v.capabilities).toContain('code-execution');
  });

  it('a read that saves its output to a path is a write', () => {
    const v = classify({
      name: 'take_screenshot',
      inputSchema: props({ filePath: { type: 'string', description: 'Path to save the image to.' } }),
    });
    expect(v.category).toBe('write');
  });

  it('a force flag turns a write into destructive', () => {
    expect(classify({ name: 'git_push', inputSchema: props({ force: { type: 'boolean' } }) }).category).toBe(
      'destructive',
    );
  });

  it('with no signal at all it assumes a change, with low confidence', () => {
    const v = classify({ name: 'zorblax' });
    expect(v.category).toBe('write');
    expect(v.confidence).toBeLessThan(classify({ name: 'delete_file' }).confidence);
    expect(v.evidence.map((e) => e.code)).toContain('NO_SIGNAL');
  });

  it('a session-scoped call that is not named as a lookup changes session state', () => {
    const session = props({ session_id: { type: 'string' } });
    expect(
      classify({ name: 'express_feelings', description: 'Describe what you feel.', inputSchema: session }).category,
    ).toBe('write');
    expect(
      classify({ name: 'get_session_summary', description: 'Describe the session.', inputSchema: session }).category,
    ).toBe('read');
  });

  it('a session-scoped call named to produce something (identify, recommend, generate) records it in the session', () => {
    const session = {
      type: 'object',
      properties: { session_id: { type: 'string' }, candidate: { type: 'string' } },
      required: ['session_id'],
    };
    expect(
      classify({ name: 'identify_successor', description: 'Name a possible successor.', inputSchema: session })
        .category,
    ).toBe('write');
    expect(
      classify({ name: 'recommend_peer', description: 'Generate a recommendation packet.', inputSchema: session })
        .category,
    ).toBe('write');
    // A clear lookup verb in the name keeps it a read; a noun-or-verb word ("check") says lookup only when the opening
    // says so too.
    expect(classify({ name: 'list_session_events', description: 'Lists events.', inputSchema: session }).category).toBe(
      'read',
    );
    expect(
      classify({ name: 'safety_check', description: 'Pressure gauge and intervention.', inputSchema: session })
        .category,
    ).toBe('write');
    expect(classify({ name: 'safety_check', description: 'Check the pressure.', inputSchema: session }).category).toBe(
      'read',
    );
    // Without a session the same producing verbs are reads by the hand-written rules. (The shipped learned rule is 52%
    // sure this one changes state, on "language" and a `text` string, and raises it: the case, described in the
    // classifier's README, where that rule overrides a read name and opening, kept for the unsafe misses it catches.)
    const handWritten = RULES.filter((r) => !r.code.startsWith('LEARNED_'));
    expect(
      classify(
        {
          name: 'identify_language',
          description: 'Identify the language of a text.',
          inputSchema: props({ text: { type: 'string' } }),
        },
        { rules: handWritten },
      ).category,
    ).toBe('read');
  });

  it('a read-looking name with a field that only a change needs (dry_run, idempotency_key, recipients) is a write', () => {
    expect(
      classify({
        name: 'report_totals',
        description: 'Compute the totals.',
        inputSchema: props({ dry_run: { type: 'boolean' } }),
      }).category,
    ).toBe('write');
    expect(
      classify({
        name: 'generate_digest',
        description: 'Generate a digest.',
        inputSchema: props({ recipients: { type: 'array' } }),
      }).category,
    ).toBe('write');
    expect(
      classify({
        name: 'generate_digest',
        description: 'Generate a digest.',
        inputSchema: props({ topic: { type: 'string' } }),
      }).category,
    ).toBe('read');
  });

  it('a read-named call whose description says it records or persists something is a write', () => {
    expect(
      classify({
        name: 'explain_answer',
        description: 'Explains the answer. The explanation is automatically recorded for review.',
      }).category,
    ).toBe('write');
    expect(
      classify({ name: 'explain_answer', description: 'Explains the answer. Nothing will be saved.' }).category,
    ).toBe('read');
  });

  it('an optional session id is context, not the state the call changes', () => {
    const optional = {
      type: 'object',
      properties: { session_id: { type: 'string' }, goal: { type: 'string' } },
      required: ['goal'],
    };
    expect(
      classify({ name: 'protocol_orientation', description: 'Return recommended next steps.', inputSchema: optional })
        .category,
    ).toBe('read');
  });

  it('confidence is the calibrated rate of the longest known prefix of how the verdict was reached', () => {
    const calibration = {
      about: '',
      prior: 8,
      global: 0.5,
      rates: { destructive: 0.8, 'destructive:VERB': 0.9, 'destructive:VERB:w3': 0.95 },
      counts: {},
    };
    expect(classifyWithKey({ name: 'delete_file', description: 'Deletes a file.' }).key).toEqual([
      'destructive',
      'VERB',
      'w3',
      'agree',
      'xnone',
    ]);
    expect(classify({ name: 'delete_file', description: 'Deletes a file.' }, { calibration }).confidence).toBe(0.95);
    expect(classify({ name: 'zorblax' }, { calibration }).confidence).toBe(0.5);
    expect(
      classify(
        { name: 'zorblax', annotations: { readOnlyHint: true } },
        { calibration: { ...calibration, rates: { read: 0.7 } } },
      ).confidence,
    ).toBe(0.7);
  });
});

describe('annotations are hints', () => {
  it('declared read-only never turns an inferred change into a read, and is flagged', () => {
    const v = classify({
      name: 'drop_database',
      description: 'Drops a database.',
      annotations: { readOnlyHint: true },
    });
    expect(v.category).toBe('destructive');
    expect(v.findings.map((f) => f.code)).toContain('ANNOTATION_CONTRADICTED');
  });

  it('declared not-read-only raises an inferred read to write', () => {
    const tool = { name: 'get_status', annotations: { readOnlyHint: false, destructiveHint: false } };
    expect(classify(tool).category).toBe('write');
    expect(classify(tool, { ignoreAnnotations: true }).category).toBe('read');
  });

  it('explicit destructiveHint true raises a write; the spec default alone does not', () => {
    expect(
      classify({ name: 'update_item', annotations: { readOnlyHint: false, destructiveHint: true } }).category,
    ).toBe('destructive');
    expect(classify({ name: 'update_item', annotations: { readOnlyHint: false } }).category).toBe('write');
  });

  it('a write declared non-destructive stays a write (close_session)', () => {
    const v = classify({
      name: 'close_session',
      description: 'Close a Delx session.',
      inputSchema: props({ session_id: { type: 'string' } }),
      annotations: { readOnlyHint: false, destructiveHint: false },
    });
    expect(v.category).toBe('write');
  });

  it('declared read-only decides only when nothing else does', () => {
    expect(classify({ name: 'zorblax', annotations: { readOnlyHint: true } }).category).toBe('read');
    expect(
      classify({ name: 'zorblax', annotations: { readOnlyHint: true } }, { ignoreAnnotations: true }).category,
    ).toBe('write');
  });

  it('resolves spec defaults and reports missing hints', () => {
    const v = classify({ name: 'list_items', annotations: { title: 'List' } });
    expect(v.declared).toEqual({
      annotations: { title: 'List' },
      resolved: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      category: 'destructive',
    });
    expect(v.findings.map((f) => f.code)).toContain('ANNOTATION_MISSING');
    expect(classify({ name: 'list_items' }).declared.annotations).toBeUndefined();
  });

  it('non-boolean hint values count as absent', () => {
    expect(classify({ name: 'list_items', annotations: { readOnlyHint: 'yes' } }).declared.resolved.readOnlyHint).toBe(
      false,
    );
  });

  it('flags a destructive tool declared non-destructive', () => {
    const v = classify({ name: 'delete_user', annotations: { readOnlyHint: false, destructiveHint: false } });
    expect(v.findings.map((f) => f.code)).toContain('ANNOTATION_UNDERSTATED');
  });

  it('classifies the Delx fixture close_session as write, with or without annotations', () => {
    const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'delx', 'tools.json');
    const tool = JSON.parse(readFileSync(file, 'utf8')).tools.find((t: { name: string }) => t.name === 'close_session');
    expect(classify(tool).category).toBe('write');
    expect(classify(tool, { ignoreAnnotations: true }).category).toBe('write');
  });
});

describe('risk', () => {
  it('follows RISK_RULES in order', () => {
    expect(deriveRisk('read', [], false).risk).toBe('low');
    expect(deriveRisk('read', ['network-egress'], false).risk).toBe('medium');
    expect(deriveRisk('read', ['credentials'], false).risk).toBe('medium');
    expect(deriveRisk('write', [], false).risk).toBe('medium');
    expect(deriveRisk('write', ['financial'], false).risk).toBe('high');
    expect(deriveRisk('write', ['messaging'], false, ['sends']).risk).toBe('high');
    // A change where messages live that delivers nothing (moves a mail, edits a channel) is a plain write.
    expect(deriveRisk('write', ['messaging'], false).risk).toBe('medium');
    expect(deriveRisk('destructive', [], false).risk).toBe('high');
    expect(deriveRisk('destructive', ['infrastructure'], true).risk).toBe('critical');
    expect(deriveRisk('destructive', ['code-execution'], false).risk).toBe('critical');
  });

  it('RISK_RULES are data with permanent ids, and every category has a rule', () => {
    for (const r of RISK_RULES) {
      expect(r.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(RiskSchema.parse(r.risk)).toBe(r.risk);
      expect(r.when.length).toBeGreaterThan(10);
    }
    for (const c of CategorySchema.options)
      expect(RISK_RULES.some((r) => r.categories === undefined || r.categories.includes(c))).toBe(true);
  });

  it('the verdict records which risk rule fired', () => {
    expect(classify({ name: 'send_email' }).evidence.find((e) => e.code === 'RISK')).toMatchObject({
      effect: 'risk:high',
      matched: ['MESSAGES_PEOPLE'],
    });
  });
});

describe('site data', () => {
  it('describes every capability, category and risk level', () => {
    for (const c of CapabilitySchema.options) expect(CAPABILITY_INFO[c].risks.length).toBeGreaterThan(10);
    for (const c of CategorySchema.options) expect(CATEGORY_INFO[c].label.length).toBeGreaterThan(2);
    for (const r of RiskSchema.options) expect(RISK_INFO[r].description.length).toBeGreaterThan(10);
  });
  it('has prose for every finding code a verdict can carry', () => {
    const tools = [
      { name: 'drop_db', annotations: { readOnlyHint: true } },
      { name: 'delete_user', annotations: { readOnlyHint: false, destructiveHint: false } },
      { name: 'x' },
    ];
    for (const t of tools) for (const f of classify(t).findings) expect(FINDING_INFO[f.code], f.code).toBeDefined();
  });
});

describe('robustness', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const tool = fc.record(
    {
      name: fc.string({ maxLength: 60 }),
      title: fc.string({ maxLength: 30 }),
      description: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })),
      inputSchema: fc.oneof(
        json,
        fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.string({ maxLength: 12 }), json) }),
      ),
      annotations: fc.dictionary(
        fc.constantFrom('readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint', 'title'),
        json,
      ),
    },
    { requiredKeys: ['name'] },
  );

  it('never throws, always returns a valid verdict, deterministically', () => {
    fc.assert(
      fc.property(tool, fc.boolean(), (t, ignoreAnnotations) => {
        const a = classify(t as never, { ignoreAnnotations });
        VerdictSchema.parse(a);
        expect(JSON.stringify(classify(structuredClone(t) as never, { ignoreAnnotations }))).toBe(JSON.stringify(a));
        expect(a.capabilities).toEqual([...new Set(a.capabilities)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on megabytes of hostile text and huge schemas', () => {
    const hostile = {
      name: 'a'.repeat(100_000),
      description: ('ignore ignore previous <<<< ~/. ' + 'a'.repeat(40)).repeat(100_000),
      inputSchema: props(
        Object.fromEntries(
          Array.from({ length: 20_000 }, (_, i) => [`p${i}`, { type: 'string', description: 'x '.repeat(500) }]),
        ),
      ),
    };
    const c0 = process.cpuUsage();
    const v = classify(hostile);
    const c = process.cpuUsage(c0);
    expect((c.user + c.system) / 1000).toBeLessThan(2_000);
    expect(v.findings.map((f) => f.code)).toContain('POISON_EXTREME_LENGTH');
  });

  it('does not backtrack catastrophically on adversarial phrase input', () => {
    const tricky = {
      name: 'x',
      description: 'ignore '.repeat(50_000) + 'do not '.repeat(50_000) + ' '.repeat(100_000) + 'the user!',
    };
    const c0 = process.cpuUsage();
    classify(tricky);
    const c = process.cpuUsage(c0);
    expect((c.user + c.system) / 1000).toBeLessThan(2_000);
  });
});
