// SIDE_EFFECT_PHRASE: descriptions that admit a side effect of an otherwise read-looking call ("a new portal is created
// automatically", "starts a new analysis").
import type { Rule } from '../types.ts';

const PATTERN = new RegExp(
  [
    String.raw`\bnew [a-z]+(?: [a-z]+)? (?:is|are|will be|gets|get) (?:automatically created|created automatically|created for you)\b`,
    // Not a fact about another event ("Jobs are created automatically when workflows are executed").
    String.raw`\b(?:is|are|will be|gets) (?:automatically created|created automatically(?! when (?:[a-z]+ ){1,3}(?:is|are) [a-z]+ed\b)|created if)`,
    String.raw`\bcreat(?:e|es|ing) (?:it|one|them|a new [a-z]+)? ?if (?:it |one |they )?(?:does not|doesn't|do not|don't) (?:already )?exist`,
    // The other way round: "A ref inside an ItemSpace that does not exist yet (Projection[3].x) creates it".
    String.raw`\b(?:does not|doesn't|do not|don't) (?:already )?exist yet\b[^;]{0,60}\bcreates (?:it|them)\b`,
    // "The first call starts it and returns report_token; call again with report_token until status is 'completed'".
    String.raw`\bthe first call (?:starts|creates|launches|queues|kicks off)\b`,
    // "The standing invitation (created on first use)", "the API creates it, empty, the first time it is asked for";
    // not what something else creates ("occurrences are created the first time a client opens").
    String.raw`\b(?:created|creates (?:it|them|one|the [a-z]+)|is created|are created)\b[^.;]{0,30}\b(?:on (?:the )?first (?:use|call|request|access)|the first time (?:it|they|this tool) (?:is|are) (?:asked|called|used|requested|read))\b`,
    // "Gets or creates a shareable link", "get-or-create": the lookup makes what it does not find.
    String.raw`\b(?:gets?|fetch(?:es)?|finds?|returns?|retrieves?|looks? up)(?: or |-or-)creat(?:e|es)\b`,
    String.raw`\b(?:starts?|triggers?|kicks? off|launch(?:es)?|initiates?|queues?|schedules?) (?:a |an |the )?new (?:[a-z]+ )?(?:analysis|run|job|build|workflow|pipeline|scan|task|deployment|process|session|operation)\b`,
    String.raw`(?:\band|\bthen|\balso|,) (?:tracks|records|stores|saves|persists|remembers) (?:the|your|it|them|this|each|every)\b`,
    // "Check whether this exact payment has been seen recently. WARNING: this records the fingerprint": a later
    // sentence whose subject is the call itself says what it keeps.
    String.raw`(?:^|[.;:!?] )this (?:also )?(?:tracks|records|stores|saves|persists|remembers) (?:the|your|its|each|every|an?)\b`,
    // "Read this week's promotions listing and save each page's raw data into promos_inbox/. Not read only: it writes
    // JSON files", "Not read-only — permanently deletes the SQLite database": the description denies being a read.
    String.raw`(?:^|[.;:!?] |\()(?:this (?:tool |call )?is )?not read[- ]?only(?=[.;:)—–-]| [—–-])`,
    // "View any agent's profile or update your own. Supports read and write modes.", "Write modes (new, reply) create
    // permanent content": a tool of several modes, some of which change things, is a change.
    String.raw`\b(?:read and write|read/write|read-write) modes\b|(?:^|[.;:!?] )write modes? (?:\([^)]{0,40}\) )?(?:create|change|modify|post|send|update|delete)s?\b`,
    // "Single-step `count` machine instructions and show where it stopped", "Steps over to the next line of code", "Step
    // into (source-level) forward or reverse": a debugger step runs the paused program on (not "Step 1 of OAuth").
    String.raw`^(?:single[- ]?steps?\b|steps? (?:over|into|out of|out|forward|backward|back) (?:to |the |a |one |an |\(|by |function|instruction|current|next|source|line))`,
    // The call records or persists something: "will be saved", "is automatically recorded", "updates your progress";
    // not when denied ("nothing will be saved", "no data is written to disk").
    // Not "Get saved filters" (an imperative "get" opening a sentence), nor "the logged in user" (signed in), nor a
    // relative clause naming a place ("Print the path to the data directory, where the generated files will be
    // stored"): what some other call keeps there.
    String.raw`(?<!\b(?:nothing|no [a-z]+) )(?<!\b(?:where|in which)\b[^.;:!?]{0,40})\b(?:will be|gets|(?<!(?:^|[.!?;:] ))get|is automatically|are automatically|is then|are then) (?:recorded|stored|saved|persisted|logged(?! in\b)|tracked)\b`,
    // "your rating is saved"; not "is logged in", nor "no data is stored".
    // Not when the clause denies it or makes it a condition ("nothing about the hosts is saved", "stale until the edit
    // is saved", "whether each secret is stored", "how many payment methods are saved"), nor how data is kept ("every
    // feat is stored as category 'class'", "cell data is stored base64-encoded", "both are stored free-form", "exposure
    // is stored under options", "the query is stored in two shapes"), nor "Choice IDs are stored values"; nor an audit
    // of the call itself ("It is recorded with the query so operators can see what an agent was doing", "recorded in
    // the audit log"): that keeps a trace of the call, not what the caller asked for; nor a state set against another
    // ("the query is saved but broken"); nor an indirect question about what a file already holds ("Use this to know
    // WHEN a QVD was last refreshed and what field types are stored"); nor what a log holds ("Every write, outcome, and
    // cross-agent read is recorded as an event": the timeline's contents, not this call's act), nor work done before
    // the call ("Swept reports are gathered before the gatherer is called: …, and the results are stored on the run").
    String.raw`(?<!\b(?:nothing|none|no [a-z]+|what|which|that) )(?<!\bwhat(?: [a-z]+){1,3} )(?<!\b(?:nothing|never|without|until|whether|how many|once|unless)\b[^.;:!?]{0,40})(?<!\bbefore (?:the |this )?(?:[a-z]+ )?(?:is|are) called\b[^.!?]{0,150})\b(?:is|are) (?:recorded(?! as (?:an? )?events?\b)(?![^.;:!?]{0,60}\b(?:audit (?:logs?|trails?|chains?)|so (?:that )?(?:operators|admins|administrators|auditors) can)\b)|stored(?! (?:as|under|values?|free-form|[a-z0-9]+-encoded|in (?:one|two|three|several|multiple|different|\d+) (?:shapes|forms|formats|ways))\b)|saved|persisted)\b(?! (?:in|on) (?:memory|the response)\b| but\b)`,
    String.raw`\b(?:stores|saves|persists|keeps) (?:it |them |the [a-z]+ |a copy )?locally\b`,
    // Not output printed rather than kept ("its output is written to the server process stderr rather than returned").
    String.raw`(?<!\b(?:nothing|no [a-z]+) )\b(?:is|are) (?:saved|written) to\b(?! be\b| (?:the |its |your )?(?:[a-z]+ ){0,2}(?:stderr|stdout|standard (?:error|output)|console|terminal)\b)`,
    String.raw`\b(?:records|stores|saves|persists) (?:it|this|them|the [a-z]+|your [a-z]+|a [a-z]+) (?:to|in|into|on) (?:the|your|this)\b`,
    String.raw`\b(?:writes|saves) (?:it|them|the [a-z]+|the results?|results|output) (?:to|into) `,
    String.raw`\b(?:updates|will update|also updates?) (?:the |your |its )?(?:session|state|progress|streak|score)\b`,
    // Output that lands in the caller's files: "generates a spec in the user's workspace", "writes the report to your
    // project". Not when denied or only possible ("without saving anything to disk", "can be saved to disk with
    // download_job"), nor left to the caller ("Returns the .adi file content — save to disk", "content ready to write to
    // disk", "decides where (if anywhere) to write it to disk"; "Use this to save notes to disk" is the call's own act).
    String.raw`(?<!\b(?:without|not|never|no|can be|could be|may be|might be|(?:ready|where|how|whether|anywhere\)) to) |[—–] )\b(?:generat|creat|writ|sav|add|plac|scaffold|emit|output)(?:e|es|ed|ing|s)? (?:a |an |the |new |it |them |[a-z]+ ){0,3}(?:in|into|to|under) (?:the |your |a |this )?(?:user's |current |local |caller's )?(?:workspace|project (?:directory|folder|root)|working directory|repository|repo|file ?system|disk)\b`,
    String.raw`\b(?:session|state|progress) (?:is|gets|will be) updated\b`,
    // Reading that changes what it reads: "and mark them read", "marks an unread document as read", "advances the
    // cursor".
    String.raw`(?<!\b(?:without|not|never|no|to|explicitly) )\b(?:marks?|marking|marked) (?:(?:it|them|the [a-z]+|each [a-z]+|an? [a-z]+(?: [a-z]+)?) )?(?:as )?(?:read|seen)\b`,
    String.raw`(?<!\b(?:without|not|never|no) )\badvanc(?:e|es|ing) (?:each [a-z]+'s |the |your |its |a )?(?:[a-z]+ )?cursors?\b`,
    // A read that consumes what it reads: "Reading empties the GUI's buffer", "call it to drain the changeset", "Trace
    // consumption advances the stream"; not what another action does ("Registering it clears the queue item").
    String.raw`\b(?:reading|a read|each read|consuming|consumption|each call|every call|calling it|call it to)(?: [a-z']+){0,2} (?:empties|drains?|advances|clears|consumes|dequeues)\b`,
    // Not in steps a sentence sets the caller towards a goal ("To fulfil one WITHOUT the browser extension: obtain the PDF
    // (…, or open the source URL in a connected browser and save it), then register it with register_paper_text").
    String.raw`(?<!(?:^|[.!?] )to [a-z]+\b[^.!?]{0,200})\band (?:persist|save|store|record) (?:it|them|missing|the|its|your)\b`,
    // "Extract element styles and save to file, returning file path": the call itself writes a file; not a step left to
    // the caller ("You can decode it and save to file").
    String.raw`(?<!\b(?:you|caller|user|client)\b[^.;:!?]{0,40})\band (?:save|store|write|persist) to (?:a |the )?(?:local )?(?:file|disk)\b`,
    // "Render markdown … and place both formats on the system clipboard": what was on the clipboard is replaced.
    String.raw`(?<!\b(?:not|never|without) )\b(?:place|places|put|puts|copy|copies|write|writes)(?: [a-z]+){0,3} (?:on|to|into|onto) the (?:system |os )?clipboard\b`,
    // "Compare two runs, storing the comparison for the release check": a participle that keeps what the call made.
    String.raw`, (?:storing|saving|persisting) (?:it|them|the|its|each|every|a|an|this)\b`,
    String.raw`, saved (?:under|to|in|into) (?:the|a|your)\b`,
    // "… and their speeches saved as one library per group", "the copy is saved as a draft": what the call made is kept
    // as a new thing; not a format a file happens to be in ("HTML saved as .xls").
    String.raw`\bsaved as (?:an?|one|new) `,
    // "Generation is asynchronous: poll get_remediation afterwards", "the build runs asynchronously, so poll
    // get_dataset_status": the call sets going work that outlives it; not calls the tool only reports on ("create/update
    // calls are asynchronous; poll the task id they return here").
    String.raw`\b(?:is|runs) asynchronous(?:ly)?(?: [—–-]|[,;:])? (?:so )?poll\b`,
    // "If it has been approved, it is executed now (once)": a pending change the call carries out; not "Nothing is sent
    // now".
    String.raw`(?<!\b(?:nothing|none|no [a-z]+) )\b(?:is|are|gets|get) (?:executed|applied|committed|sent|submitted|published|posted|placed) (?:now|immediately|right away|at once)\b`,
    // "Every run stores a reading per term", "each call appends a version row".
    String.raw`\b(?:each|every) (?:call|run|invocation|request) (?:also |then )?(?:stores|saves|records|persists|writes|appends|logs)\b`,
    String.raw`\b(?:this tool|this call|calling this tool) (?:will |also |then )?(?:automatically )?(?:creates?|updates?|modif(?:y|ies)|writes?|sends?|triggers?|deletes?|removes?|overwrites?|saves?)\b`,
    // "exiting CLI reboots the FC, so this reboots and reconnects": the call restarts the device it reads; not what
    // happens apart from the call ("Ids start again at 1 when the server restarts", "until it restarts").
    String.raw`(?<!\b(?:when|until|after|before|if|once|unless|whenever|not|never)\b[^.;:!?]{0,40})\b(?:so|and) (?:this|it|the call) (?:also )?(?:reboots|restarts|power-cycles)\b`,
    // "… and assigns the conflict set to 'screening_conflicts' in the R session", "Assigns crossref_registry to the R
    // global environment": a variable left in the caller's interpreter session outlives the call.
    String.raw`\bassigns? [^.;]{0,50}\b(?:to|in|into) (?:the |its |an? )?(?:r |python |julia )?(?:global )?(?:session|environment|workspace)\b`,
    // "returns the image, plus the path it was saved to": what the call made was kept somewhere.
    String.raw`\b(?:it|they) (?:was|were) (?:saved|written) (?:to|in|into)\b`,
    // "This queues a render rollout of the same checkpoint", "This starts an asynchronous verification process": a later
    // sentence that says what the call sets going, with its object; not "this starts nothing", nor a condition ("This
    // triggers both when both calls agree").
    String.raw`(?:^|[.;:!?] )this (?:queues|enqueues|schedules|spawns|submits|launches|starts|triggers|kicks off) (?:a|an|the|its|your|one|new)\b`,
    // "Set expand=true to expand the node first (requires write permission)", "Requires write access and Books to be
    // quit": the call needs leave to write because it writes. Not a write scope an API asks even of its reads
    // ("Required authorization scope: pickup:write (the API requires write scope even for reads)").
    String.raw`(?<!\b(?:not|never|no longer) )\brequires? write (?:permissions?|access|mode)\b`,
    // "Needed once per country", "This is required once before mobile_list_remote_devices will work", "(required once
    // before sending invoices)": a call needed only once sets something up that stays (a download kept, a callsign
    // saved, an opt-in); a read is needed every time. Only with the call itself as the elided subject.
    String.raw`(?:^|[.;:!?] |\()(?:this (?:tool |call )?is |it is )?(?:only )?(?:needed|required) (?:only )?once\b`,
    // "Rebuild all cost-basis lots … Transactions themselves are not changed", "The devices themselves are untouched":
    // what the call leaves alone is set against what it does change.
    String.raw`\b(?:themselves|itself) (?:is|are|stays?|remains?) (?:not (?:changed|modified|touched|altered)|(?:left )?(?:unchanged|untouched|unmodified))\b`,
    // "Download Instagram post media to the local cache directory", "Download one company's content into the offline
    // library": a download that opens by naming a place on this machine keeps a copy there; not one handed back.
    String.raw`^downloads? (?:[\w.'-]+ ){0,8}(?:to|into) (?:the |a |an |your |its |this )?(?:local|offline) (?:[\w-]+ ){0,2}(?:files?|disk|director(?:y|ies)|folders?|cache|library|storage|path|file ?system|workspace)\b`,
    // "Capture an instant, invisible ShadowGit snapshot of the workspace", "Take a snapshot of a droplet": a snapshot
    // of a workspace, repository, sandbox or machine is kept to return to later (a page's or a screen's snapshot is
    // handed back and stays a read).
    String.raw`\b(?:captur|tak|creat|sav|mak)(?:e|es|ing) (?:an? |the )?(?:[a-z0-9,-]+ ){0,3}snapshots? of (?:the |your |this |its |an? )?(?:current )?(?:[a-z-]+ )?(?:workspace|repository|repo|project|working (?:tree|directory|copy)|codebase|sandbox|environment|volume|disk|vm|instance|database|server|cluster|container|droplet|machine|file share|branch)s?\b`,
    // "Render the whole scene to an mp4 video", "Render a time series … into an animated GIF": a rendered video or
    // animation is a file the call writes (a chart rendered to an image is handed back and stays a read).
    String.raw`\brender(?:s|ing)?\b[^.;]{0,60}\b(?:to|into|as) (?:an?|the) (?:[a-z0-9.-]+ ){0,2}(?:video|mp4|gif|movie|animation)s?\b`,
    // "Point at something: the frame appears on the worker's page with your boxes drawn on it": what the call puts on
    // another person's screen is shown to them, as a message is sent (not a window opened for the caller to look at).
    String.raw`\b(?:appears?|shows? up|pops? up|(?:is|are) (?:shown|displayed)) on (?:the |their |your )?(?:user|worker|person|human|operator|customer|viewer|player|driver|recipient|attendee|participant)s?'s? (?:page|screen|display|device|phone|app|desktop|monitor)\b`,
    // "the push check may run `git fetch`, which updates FETCH_HEAD and remote-tracking refs": a step the call runs that
    // admits changing something changes it (not "another agent writes, which removes coordination latency", nor
    // "update_label_settings, which changes them": no step of this call).
    String.raw`\b(?:runs?|calls?|invokes?|executes?|triggers?|performs?) [^.;]{0,40}, which (?:updates|modifies|changes|writes|creates|deletes|overwrites|removes)\b`,
    // "Check in with AgentX: replies, unanswered messages, tasks", "Check in at the venue": checking in reports the
    // caller's presence, which the other side records as a check-in ("Check in the config whether…" looks).
    String.raw`^check(?:s|ing)? in (?:with|to|at)\b`,
    // The same in Chinese: "完成即把结果保存到原输出目录" (on completion it saves the result to the output directory); not
    // when denied ("不写入本地凭据": does not write the local credentials).
    String.raw`(?:把|将)[^。；，,;]{0,20}(?<![不未无])(?:保存|写入|存)(?:到|至|入)`,
  ].join('|'),
);
/** Every match of PATTERN, in order (matchAll clones it, so one module-level copy serves every call). */
const EVERY_PHRASE = new RegExp(PATTERN.source, `${PATTERN.flags}g`);

/**
 * A write the caller opts into, in a sentence that hands the result back otherwise: "If save_to is given, writes the
 * script to that path and returns {script_path, blocks}; otherwise returns {script, blocks}", "By default returns the
 * content as base64. If savePath is provided, saves it there": keeping a copy is the caller's choice, as with
 * OUTPUT_PATH_PARAM's optional path, not what the call does.
 */
const OPT_IN =
  /^(?:if|when) (?:the )?[`'"]?[a-z][a-z0-9_]*[`'"]? (?:is|are) (?:given|provided|set|specified|passed|supplied)\b/;
/** The result handed back when the caller does not opt in: "otherwise returns {script}", "By default returns". */
const HANDED_BACK = /\botherwise\b[^.]{0,60}\breturns?\b|\bby default\b[^.]{0,20}\breturns?\b/;
/** Whether the phrase at `index` opens "If <param> is given, …" and the result is handed back otherwise. */
function optedIn(description: string, index: number): boolean {
  const start = Math.max(
    description.lastIndexOf('. ', index) + 1,
    description.lastIndexOf('\n', index) + 1,
    description.lastIndexOf('; ', index) + 1,
  );
  const sentence = description.slice(start).trimStart();
  if (!OPT_IN.test(sentence.toLowerCase())) return false;
  const end = description.indexOf('. ', index);
  return HANDED_BACK.test(description.slice(0, end < 0 ? undefined : end).toLowerCase());
}

export const sideEffectPhrase: Rule = {
  code: 'SIDE_EFFECT_PHRASE',
  role: 'raise',
  summary:
    'Description admits a side effect: "a new … is created automatically", "creates it if it does not exist", "starts a new analysis/run/job", "this tool will update…", "… will be saved/recorded", "the path it was saved to", "assigns … to the R session", "updates your session/progress", a call "needed once" that sets something up.',
  apply: (s) => {
    // The first phrase the caller does not merely opt into (matches are read one at a time, up to that one).
    for (const m of s.description.matchAll(EVERY_PHRASE))
      if (!optedIn(s.description, m.index))
        return [{ effect: 'write', matched: [m[0]], source: 'description', weight: 2 }];
    return [];
  },
};
