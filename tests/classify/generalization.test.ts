// General rules that fix the kinds of mistakes seen on servers the classifier was never tuned on (issue 11): nouns that
// look like verbs, breadcrumb labels, changes hidden in phrases, and destruction that belongs to another action.
import { describe, expect, it } from 'vitest';
import { classify, RULES } from '../../src/core/classify/index.ts';

const props = (p: Record<string, unknown>) => ({ type: 'object', properties: p });
const cat = (name: string, description?: string, inputSchema?: unknown) =>
  classify({
    name,
    ...(description !== undefined ? { description } : {}),
    ...(inputSchema !== undefined ? { inputSchema } : {}),
  }).category;

/** What NAME_VERB says of a name alone, in order. */
const nameSays = (name: string) =>
  classify({ name })
    .evidence.filter((e) => e.code === 'NAME_VERB')
    .map((e) => e.effect);

describe('names', () => {
  it('a change word after an opening read verb is its object', () => {
    expect(cat('get_store_info')).toBe('read');
    expect(cat('list_upload_urls')).toBe('read');
    // Joined verbs are both verbs: replacing overwrites what was there.
    expect(cat('search_and_replace')).toBe('destructive');
    expect(cat('search_and_update')).toBe('write');
    expect(cat('get_delete_protection')).toBe('destructive');
    expect(cat('create_search_index')).toBe('write');
  });

  it('a name that ends with a read its description opens with reads; a change word before it is what is read about', () => {
    expect(cat('kafka_connect_list', 'List the connectors of Kafka Connect.')).toBe('read');
    expect(cat('block_get', 'Get one block by its id.')).toBe('read');
    expect(cat('repair_status', 'Read the state of the last repair.')).toBe('read');
    // The description opens with the change, or the last word is what a change starts: the change stands.
    expect(cat('block_get', 'Block a user and get the result.')).toBe('write');
    expect(cat('update_status', 'Update the status of a ticket.')).toBe('write');
    expect(cat('start_scan', 'Scan a page with JS rendering.')).toBe('write');
    // Advice about a change ends a name the same way, even with no opening verb.
    expect(cat('repair_hints', 'Given an error message, targeted fix suggestions.')).toBe('read');
    expect(cat('publish_checklist', 'What to check before a release goes out, one line per step.')).toBe('read');
    expect(cat('install_instructions', 'Install the plugin into the client.')).toBe('write');
    // Verbs joined by "and" are both verbs; destruction keeps its weight.
    expect(cat('delete_and_list', 'List what is left.')).toBe('destructive');
    expect(cat('delete_list', 'List the lists, then remove one.')).toBe('destructive');
  });

  it('filing a report ("report_bug", "report_incident") and allowing someone are changes; a report named alone is a read', () => {
    expect(nameSays('report_bug')).toEqual(['write']);
    expect(nameSays('report_incident')).toEqual(['write']);
    expect(nameSays('usage_report')).toEqual(['read']);
    expect(cat('report_issue', 'Get diagnostics and a finished issue text to file yourself.')).toBe('read');
    expect(cat('weekly_report')).toBe('read');
    expect(cat('allow_place', 'Allow another user to use a place.')).toBe('write');
    // Reporting consumption of a metered allowance files it against the limit.
    expect(cat('metering', 'Report consumption of a metered entitlement, and say where it stands.')).toBe('write');
    // Issuing a resource makes it exist, even when adjectives stand between the article and the thing.
    expect(cat('free_subdomain', 'Generate a unique free subdomain for hosting services.')).toBe('write');
    expect(cat('convert_puppet_resource_to_task', 'Convert a Puppet resource to an Ansible task snippet.')).toBe(
      'read',
    );
    // A snapshot of a machine, disk or environment is kept on the provider; one of a page is handed back.
    expect(cat('EndpointSnapshot', 'Snapshots an environment (endpoint).')).toBe('write');
    expect(cat('page_snapshot', 'Capture a text snapshot of the current page.')).toBe('read');
    expect(nameSays('snapshot_volume')).toEqual(['write']);
    // An export that says nothing but names a text format hands the text back; one that names a place keeps it there.
    expect(nameSays('export_campaign_markdown')).toEqual(['read']);
    expect(nameSays('export_campaign_to_file')).toEqual(['write']);
    // Things opened by their names are looked up; a file opened in place of another is a change.
    expect(cat('open_nodes', 'Open specific nodes in the knowledge graph by their names.')).toBe('read');
    expect(cat('open_file', 'Open a .blend by name in place of the open file.')).not.toBe('read');
    expect(cat('open_conversation', 'Open a DM with 1-8 people and return its conversation id.')).toBe('write');
  });

  it('an "eval" operation of a tool that runs no code evaluates an expression; one of a tool that runs code runs it', () => {
    const calc = {
      type: 'object',
      properties: {
        action: { type: 'string', enum: ['eval', 'statistics'] },
        expression: { type: 'string', description: 'Math expression to evaluate' },
      },
    };
    expect(cat('math', 'Evaluate math expressions or compute statistics on numbers.', calc)).toBe('read');
    const repl = {
      type: 'object',
      properties: {
        action: { type: 'string', enum: ['eval', 'reset'] },
        code: { type: 'string', description: 'Python code to evaluate' },
      },
    };
    expect(cat('python', 'Evaluate Python code.', repl)).toBe('destructive');
  });

  it('a dispatcher whose description opens with a lookup and names no change dispatches only lookups', () => {
    const cmd = {
      type: 'object',
      properties: { command: { type: 'string', description: 'The command to execute against the specified tool.' } },
    };
    expect(cat('documentation', 'Search official documentation and return the most relevant passages.', cmd)).toBe(
      'read',
    );
    expect(cat('storage', 'Storage operations: commands for creating, listing and deleting accounts.', cmd)).not.toBe(
      'read',
    );
  });

  it('running a check, an audit or a health check reads, even after a long qualifier', () => {
    expect(cat('kyb_findings', 'Run a fast KYB (Know Your Business) check on a company.')).toBe('read');
    expect(cat('x_doctor', 'Run connectivity/auth/version/crumb health checks against the server.')).toBe('read');
  });

  it('converting a stored record into another kind changes it; converting a format reads', () => {
    expect(nameSays('convert_bot_to_user')).toEqual(['write']);
    // "estimate" also reads as a verb, weakly; the conversion decides.
    expect(classify({ name: 'convert_estimate_to_invoice' }).category).toBe('write');
    expect(nameSays('convert_estimate_to_invoice')[0]).toBe('write');
    expect(nameSays('convert_units')).toEqual(['read']);
    expect(nameSays('convert_markdown_to_html')).toEqual(['read']);
  });

  it('"modify" is destructive, as authors who tell destructive writes apart mostly mark it; "edit" and "update" stay writes', () => {
    expect(cat('modify_cell')).toBe('destructive');
    expect(cat('edit_note')).toBe('write');
    expect(cat('update_note')).toBe('write');
  });

  it('testing a notification or an email sends one; testing a connection reads', () => {
    expect(cat('test_notification', 'Test a notification channel.')).toBe('write');
    expect(cat('test_connection', 'Test the connection to the server.')).toBe('read');
  });

  it('a pull or merge request is a thing: listing them reads, merging one changes', () => {
    expect(cat('list_pull_requests', 'Pull requests of the repository, newest first.')).toBe('read');
    expect(cat('get_merge_request')).toBe('read');
    expect(cat('merge_pull_request')).toBe('write');
    expect(cat('create_merge_request')).toBe('write');
  });

  it('a tool named for planning a change that says it writes nothing reads; one that commits a proposal changes', () => {
    expect(cat('plan_item_update', 'PLAN (writes nothing): update one catalogue item.')).toBe('read');
    expect(cat('commit_proposal', 'Write a proposal into the book. The proposing tool writes nothing.')).toBe('write');
  });

  it('a product written in camel case ("WordPress", "SharePoint") is one word, not a verb', () => {
    expect(cat('searchWordPressPlugins')).toBe('read');
    expect(cat('listSharePointSites')).toBe('read');
    expect(cat('pressButton')).toBe('write');
  });

  it('a verbless name that names an output (report, summary) is a read, unless the description says more', () => {
    expect(cat('domain_trust_report', 'Composite trust report with TLS and DNS signals.')).toBe('read');
    expect(cat('weekly_report', 'Submits the weekly report to your manager.')).toBe('write');
    expect(cat('zorblax')).toBe('write');
  });
});

describe('descriptions', () => {
  it('a "Tag-Sub-" breadcrumb before the opening verb is a label, and noun openings ("Docs", "Status") are not verbs', () => {
    expect(cat('record_thing', '[Acme]-Docs-Base-Record-Update a record-Update a record')).toBe('write');
    expect(cat('doc_import', '[Acme]-Docs-Document-Import Document-Import cloud document')).toBe('write');
    expect(cat('pipeline_status', 'Status of the latest build.')).toBe('read');
    expect(
      classify({ name: 'pipeline_status', description: 'Status of the latest build.' }).evidence.map((e) => e.code),
    ).not.toContain('DESCRIPTION_LEAD_VERB');
  });

  it('computations said to work offline, without API calls, are reads', () => {
    expect(cat('difference_tool', 'Subtract one polygon from another. Works offline without API calls.')).toBe('read');
    expect(cat('nearest_point_tool', 'Snap a point to a line. Works offline without API calls.')).toBe('read');
  });

  it("output that lands in the caller's workspace is a change, whatever the opening verb", () => {
    expect(cat('generate_spec', "Generates an OpenAPI spec in the user's workspace.")).toBe('write');
    expect(cat('generate_spec', 'Generates an OpenAPI spec and returns it.')).toBe('read');
  });

  it('destruction a clause ascribes to another action ("releasing wipes the device") does not make this tool destructive', () => {
    expect(cat('allocate_device', "Reserve a device. Release it when done - releasing wipes the device's state.")).toBe(
      'write',
    );
    expect(cat('release_device', "Release the device - releasing wipes the device's state.")).toBe('destructive');
    expect(cat('standardize_api', 'Fix the definition; omitting newVersion will overwrite the current version.')).toBe(
      'destructive',
    );
  });
});

describe('flags and parameters', () => {
  it('a force flag described without loss is not destruction; one described with loss is', () => {
    const add = props({ force: { type: 'boolean', description: 'Allow adding otherwise ignored files.' } });
    const push = props({ force: { type: 'boolean', description: 'Force push (overwrites remote history).' } });
    expect(cat('git_add', 'Stage files.', add)).toBe('write');
    expect(cat('git_push', 'Push commits.', push)).toBe('destructive');
  });

  it('a "script" that names a script is not code to run; one described as code is', () => {
    const named = props({ script: { type: 'string', description: 'The Worker script that implements this object' } });
    const code = props({ script: { type: 'string', description: 'The script content to execute' } });
    expect(
      classify({ name: 'create_namespace', description: 'Create a namespace', inputSchema: named }).capabilities,
    ).not.toContain('code-execution');
    expect(classify({ name: 'create_job', description: 'Create a job', inputSchema: code }).capabilities).toContain(
      'code-execution',
    );
  });
});

describe('verbs that are often nouns, and nouns that are often verbs', () => {
  it('"store" counts only when nothing clearer does', () => {
    expect(cat('store_list')).toBe('read');
    expect(cat('get_store')).toBe('read');
    expect(cat('store_memory', 'Store a memory for later.')).toBe('write');
  });

  it('"log" is writing to a log; "logs" is reading them', () => {
    expect(cat('log_event', 'Logs an event to the audit trail.')).toBe('write');
    expect(cat('get_logs', 'Get the logs')).toBe('read');
    expect(cat('tail_log')).toBe('read');
  });

  it('"your rating is saved" admits a change; "no data is stored" and "logged in" do not', () => {
    expect(cat('rate_answer', 'Rate the answer from 1 to 5; your rating is saved.')).toBe('write');
    expect(cat('get_thing', 'Returns a thing. No data is stored.')).toBe('read');
    expect(cat('check_status', 'Check whether the CLI is installed and the user is logged in.')).toBe('read');
  });
});

describe('changes hidden in verbs the first lexicon did not know', () => {
  it.each([
    ['spawn_agent', 'write'],
    ['halt_process', 'write'],
    ['ingest_documents', 'write'],
    ['vote', 'write'],
    ['abort_job', 'destructive'],
    ['forget_memory', 'destructive'],
    ['get_train_times', 'read'],
  ])('%s → %s', (name, category) => expect(cat(name)).toBe(category));

  it('"Provides current weather…" hands data back; "Provides a way to delete…" does not', () => {
    expect(cat('weather', 'Provides current weather for a city.')).toBe('read');
    expect(cat('forecasts', 'Provides a way to delete forecasts.')).not.toBe('read');
    expect(cat('weather_forecast')).toBe('read');
  });

  it('"writes it to …" admits a change', () => {
    expect(cat('generate_component', 'Generates a component and writes it to src/components.')).toBe('write');
  });
});

describe('fixes from the verdict review', () => {
  it('"type keys" is typing, not credentials', () => {
    expect(
      classify({ name: 'mobile_type_keys', description: 'Type text into the focused element' }).capabilities,
    ).not.toContain('credentials');
    expect(classify({ name: 'list_api_keys' }).capabilities).toContain('credentials');
  });

  it('"React" in a name is a library, not a reaction', () => {
    expect(cat('generateReactCode', 'generates React code from a prompt and returns the files.')).toBe('read');
    expect(cat('react_to_message', 'Adds an emoji reaction to a message.')).toBe('write');
  });

  it('an action value that opens with a read verb is a lookup ("get_type"); a merge method is how, not which action', () => {
    const wit = props({ action: { type: 'string', enum: ['get', 'get_batch', 'get_type'] } });
    expect(cat('wit_work_item', 'Retrieve work item data.', wit)).toBe('read');
    const merge = props({ merge_method: { type: 'string', enum: ['merge', 'squash', 'rebase'] } });
    expect(cat('merge_pull_request', 'Merge a pull request', merge)).toBe('write');
    const modes = props({ mode: { type: 'string', enum: ['list', 'delete'] } });
    expect(cat('branch', 'Manage branches.', modes)).toBe('destructive');
  });

  it('"all" that widens a listing is not a change in bulk', () => {
    const schema = props({
      mode: { type: 'string', enum: ['list', 'delete'] },
      all: { type: 'boolean', description: 'For list mode: show both local and remote branches.' },
    });
    const v = classify({
      name: 'git_branch',
      description: 'Manage branches: list all branches or delete a branch.',
      inputSchema: schema,
    });
    expect(v.category).toBe('destructive');
    expect(v.risk).toBe('high');
    expect(
      classify({
        name: 'delete_files',
        description: 'Deletes all files in a folder.',
        inputSchema: props({ path: { type: 'string' } }),
      }).risk,
    ).toBe('critical');
  });

  it("a time zone is no cloud zone, an IP or wallet address no person's, a YouTube channel no chat channel", () => {
    // The capabilities of a tool with one string parameter.
    const caps = (name: string, description: string, param: string) =>
      classify({ name, description, inputSchema: props({ [param]: { type: 'string' } }) }).capabilities;
    expect(caps('create_event', 'Create a calendar event.', 'time_zone')).not.toContain('infrastructure');
    expect(caps('create_vm', 'Create a VM.', 'zone')).toContain('infrastructure');
    expect(caps('get_ip', 'Get an IPv6 address by id.', 'address_id')).not.toContain('personal-data');
    expect(caps('update_contact', 'Update a contact.', 'address')).toContain('personal-data');
    expect(caps('get_channel_stats', 'Subscriber and video counts of YouTube channels.', 'channel_ids')).not.toContain(
      'messaging',
    );
    expect(caps('set_volume', "Set a mixer channel's volume.", 'channel')).not.toContain('messaging');
    expect(caps('post_note', 'Post a note.', 'channel')).toContain('messaging');
  });

  it('a table of contents is not a database table; an IP address is not personal data', () => {
    expect(classify({ name: 'list_table_of_contents' }).capabilities).not.toContain('database');
    expect(classify({ name: 'list_tables' }).capabilities).toContain('database');
    // The tables of a Word document, a slide, a PDF or a web page hold text, not a database's rows.
    for (const description of [
      'Add a table to a Word document.',
      'Extract the tables of a PDF.',
      'Read the HTML tables.',
    ])
      expect(classify({ name: 'add_table', description }).capabilities, description).not.toContain('database');
    const tableParam = props({ table: { type: 'string' } });
    expect(
      classify({ name: 'insert_row', description: 'Insert a row into a table of a slide.', inputSchema: tableParam })
        .capabilities,
    ).not.toContain('database');
    expect(
      classify({ name: 'insert_row', description: 'Insert a row into a table.', inputSchema: tableParam }).capabilities,
    ).toContain('database');
    const ip = props({ start_ip_address: { type: 'string', description: 'Start IP address of the range' } });
    expect(classify({ name: 'create_firewall_rule', inputSchema: ip }).capabilities).not.toContain('personal-data');
    expect(
      classify({
        name: 'update_contact',
        inputSchema: props({ address: { type: 'string', description: 'Postal address' } }),
      }).capabilities,
    ).toContain('personal-data');
  });
});

describe('patterns seen on servers the rules were not written on (discovery run)', () => {
  it('a verbless name with a description that names no change is, weakly, a read; a change anywhere in it is not', () => {
    expect(cat('sb_bestsellers', 'Site-wide best sellers (10 pages).')).toBe('read');
    expect(cat('sb_vault', 'Keeps the vault and sends a copy to the owner.')).toBe('write');
    expect(cat('zorblax')).toBe('write');
  });

  it('an entity agent noun ("publisher") is not a verb; "resend" is sending again; "recall" stays a read', () => {
    expect(cat('sb_publisher', 'Titles from one publisher.')).toBe('read');
    expect(cat('resend_recipient_verification')).toBe('write');
    expect(cat('recall_memory')).toBe('read');
  });

  it('an identifier named like code ("service_code") is not code to run', () => {
    const v = classify({
      name: 'get_pricing',
      description: 'Get pricing for a service.',
      inputSchema: props({ service_code: { type: 'string', description: 'AWS service code, e.g. AmazonEC2' } }),
    });
    expect(v.category).toBe('read');
    expect(v.capabilities).not.toContain('code-execution');
  });

  it('a code that is executed as a deed, held to a pattern, used as a filter or an alias of a clause is not code to run', () => {
    const codeExec = (name: string, description: string, p: Record<string, unknown>) =>
      classify({ name, description, inputSchema: props(p) }).capabilities.includes('code-execution');
    expect(
      codeExec('calculate_fee', 'Calculate the duty.', {
        state_code: { type: 'string', description: 'State code where the deed is executed (e.g. MH)' },
      }),
    ).toBe(false);
    expect(
      codeExec('fetch_record', 'Fetch one record by type: case, suite, run or plan.', {
        code: { type: 'string', pattern: '^[A-Z0-9_]+$', description: 'Project code' },
      }),
    ).toBe(false);
    expect(
      codeExec('status_meaning', 'Look up a status code you need to interpret.', { code: { type: 'string' } }),
    ).toBe(false);
    expect(codeExec('list_forms', 'List forms', { filter_command: { type: 'string' } })).toBe(false);
    expect(
      codeExec('json_get', 'Extract a JSON value by row.', {
        where: { type: 'string', description: 'WHERE clause to identify rows' },
        sql: { type: 'string', description: 'Alias for where' },
      }),
    ).toBe(false);
    // Still code: a code parameter the tool says it runs, and an alias of a code parameter.
    expect(codeExec('sandbox', 'Executes the given code in a sandbox.', { code: { type: 'string' } })).toBe(true);
    expect(
      codeExec('db_exec', 'Run statements.', {
        sql: { type: 'string', description: 'The SQL to run' },
        query: { type: 'string', description: 'Alias for sql' },
      }),
    ).toBe(true);
  });

  it('a recipient id is an entity reference, not a field only a change needs', () => {
    expect(cat('get_recipient', 'Get a recipient by id.', props({ recipient_id: { type: 'string' } }))).toBe('read');
  });

  it('a JSONPath is not an output path', () => {
    expect(
      cat(
        'get_dashboard_property',
        'Get part of a dashboard.',
        props({ jsonPath: { type: 'string', description: 'JSONPath to the property' } }),
      ),
    ).toBe('read');
    // Nor is a flag that includes something in the answer; a flag that saves a file is.
    const flag = (description: string) => props({ export_definition: { type: 'boolean', description } });
    expect(
      cat('get_workflow', 'Get a workflow.', flag('Whether to include a presigned URL for the definition file')),
    ).toBe('read');
    expect(cat('get_workflow', 'Get a workflow.', flag('Save the definition to a local file'))).toBe('write');
  });

  it('a flag described as overwriting makes even a download a change; "stores it locally" too', () => {
    const force = props({ force: { type: 'boolean', description: 'Re-download and overwrite the cached copy' } });
    expect(cat('download_paper', 'Download a paper and return its text.', force)).toBe('destructive');
    expect(cat('fetch_paper', 'Fetch a paper and return its text. Stores the paper locally.')).toBe('write');
    expect(cat('list_watches', 'List saved watches; use this to inspect what is saved.')).toBe('read');
  });

  it('an operation enum whose every value is a lookup makes the tool a read, whatever its name says', () => {
    const ops = props({ operation: { type: 'string', enum: ['get_policies', 'get_contact_points', 'list_routes'] } });
    expect(cat('manage_routing', 'Manage alert routing.', ops)).toBe('read');
    const mixed = props({ operation: { type: 'string', enum: ['get_policies', 'update_policy'] } });
    expect(cat('manage_routing', 'Manage alert routing.', mixed)).toBe('write');
  });

  it('verbs joined by "and" are all verbs ("trigger_dag_and_wait")', () => {
    expect(cat('trigger_dag_and_wait', 'Trigger a DAG run and wait for it.')).toBe('write');
  });

  it('"and" between nouns joins no verbs: a change word after it is still the object of the opening read', () => {
    const desc = 'List pathway memberships and Gene Ontology annotations for a target.';
    expect(cat('get_target_pathways_and_go_terms', desc)).toBe('read');
    // Verbs on both sides of the joiner are still verbs.
    expect(cat('get_and_delete_message', 'Get a message and delete it.')).toBe('destructive');
  });

  it('"create_chart" hands a chart back, unless the description says it adds the chart somewhere', () => {
    // The hand-written rules read it; the learned rule, which may only raise, is sure enough of "create" to call it a
    // write.
    const byRules = classify(
      { name: 'create_chart', description: 'Create a bar chart from data and return it as an image.' },
      { rules: RULES.filter((r) => !r.code.startsWith('LEARNED_')) },
    );
    expect(byRules.category).toBe('read');
    expect(cat('create_chart', 'Create a bar chart from data and return it as an image.')).not.toBe('destructive');
    expect(cat('create_chart', 'Add a chart to the worksheet.')).toBe('write');
  });

  it('"open" is a change (a page, a tab, a file handle)', () => {
    expect(cat('new_page', 'Open a new tab and load a URL.')).toBe('write');
  });
});
