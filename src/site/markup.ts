// The markup of the small pieces every tool page repeats (risk badge, tool list, policy downloads, change diffs), as
// html`` functions: the tool page assembles its body from them in one pass, and the Astro components of the same name
// wrap them, so each piece's markup is written once.
import type { DiffPart } from '../core/text-diff.ts';
import type { Risk } from '../core/schemas/verdict.ts';
import type { ToolView } from './catalog.ts';
import type { ToolChangeView } from './history.ts';
import { html, type Html } from './html.ts';
import type { PolicyFileView } from './policies.ts';
import { oneLine, revealInvisible } from './text.ts';

/** A risk level as a coloured badge with its word (colour is never the only signal). */
export function riskBadge(risk: Risk): Html {
  return html`<span class="${`badge badge-${risk}`}">${risk} risk</span>`;
}

/** A compact list of tools: risk, category, name linking to its page, server, one-line summary. */
export function toolList(
  tools: readonly ListedTool[],
  options: { showServer?: boolean /** Shorter summaries where many lists share a page. */; summaryMax?: number } = {},
): Html {
  const { showServer = true, summaryMax } = options;
  const variant = `${showServer}|${summaryMax}`;
  return html`<ul class="tool-list">${tools.map((t) => {
    // A tool is listed on many pages (related tools, listings) with the same options: its item is made once per build.
    let items = itemMemo.get(t);
    if (!items) {
      items = new Map();
      itemMemo.set(t, items);
    }
    let item = items.get(variant);
    if (!item) {
      item = html`<li>${riskBadge(t.verdict.risk)} <span class="badge badge-cat">${t.verdict.category}</span> <a href="${t.href}"><code>${t.displayName}</code></a>${showServer && html`<span class="muted"> on <a href="${t.server.href}">${t.serverName}</a></span>`}${t.summary && html`<div class="muted">${summaryMax === undefined ? t.summary : oneLine(t.summary, summaryMax)}</div>`}</li>`;
      items.set(variant, item);
    }
    return item;
  })}</ul>`;
}

const itemMemo = new WeakMap<ListedTool, Map<string, Html>>();

/** What a tool list prints of a tool (a ToolView, or the plain copy the tool-files workers receive). */
export interface ListedTool extends Pick<ToolView, 'href' | 'displayName' | 'serverName' | 'summary'> {
  verdict: Pick<ToolView['verdict'], 'risk' | 'category'>;
  server: { href: string };
}

export interface PolicyBlockProps {
  /** Unique id prefix for this block on the page. */
  id: string;
  /** Every format's view, the main download first (from policyFileViews). */
  files: PolicyFileView[];
  /** Folder URL the files live in, ending in "/". */
  base: string;
  /** Heading text, e.g. "Tool policy". */
  label: string;
  /** Where the per-rule losses of formats this page did not render are listed (the server's policy section). */
  lossesHref?: string | undefined;
}

function copyButton(f: PolicyFileView, id: string, base: string): Html {
  return f.inline
    ? html`<button type="button" class="copy" data-copy="${`${id}-${f.id}`}">Copy ${f.fileName}</button>`
    : html`<button type="button" class="copy" data-copy="" data-copy-url="${`${base}${f.fileName}`}">Copy ${f.fileName}</button>`;
}

function downloadLink(f: PolicyFileView, base: string): Html {
  return html`<a class="button" href="${`${base}${f.fileName}`}" download="${f.fileName}" type="${f.mediaType}">Download ${f.fileName}</a>`;
}

/**
 * One policy document in every registered format: the main file shown and copyable, each other format in a disclosure
 * with its one-line "how to use" and what it cannot carry over. Downloads are plain links to static files beside the
 * page. A format the page did not render (tool pages render only the main one) shows its download and general limits;
 * its per-rule losses are listed by the server page's policy section and by `policy generate --format`.
 */
export function policyBlock({ id, files, base, label, lossesHref }: PolicyBlockProps): Html {
  const [main, ...others] = files;
  const mainBlock =
    main &&
    html`<h3>${label}: <code>${main.fileName}</code> <span class="muted">(${main.label})</span></h3>
<p class="muted" data-how-to-use="${main.id}">${main.howToUse}</p>
<div class="actions">${copyButton(main, id, base)} ${downloadLink(main, base)}</div>
${main.inline ? html`<pre tabindex="0"><code id="${`${id}-${main.id}`}">${main.text}</code></pre>` : html`<p class="muted">The document is ${main.size}, too long to repeat here; copy or download it.</p>`}
${main.lossCount > 0 && html`<p class="note">Not in this file: ${main.lossCount} rule${main.lossCount === 1 ? '' : 's'} of the starter policy (${main.lossReasons.map((r) => `${r.count} × ${r.reason}`).join('; ')}). ${others[0] && html`The <a href="${`${base}${others[0].fileName}`}" download="${others[0].fileName}">${others[0].fileName}</a> download below has them.`}</p>`}`;
  const otherBlocks = others.map(
    (
      f,
    ) => html`<details data-format="${f.id}"><summary>${f.label}: <code>${f.fileName}</code>${f.rendered && html` (${f.size})`}${f.lossCount > 0 && html`<span class="muted"> · ${f.lossCount} rule${f.lossCount === 1 ? '' : 's'} not carried over</span>`}</summary>
<p data-how-to-use="${f.id}">${f.howToUse}</p>
<div class="actions">${copyButton(f, id, base)} ${downloadLink(f, base)}</div>
${f.cannotExpress.length > 0 && html`<p class="muted">This format cannot express: ${f.cannotExpress.join(' ')}</p>`}
${!f.rendered && html`<p class="muted">Which rules of this policy it leaves out: ${lossesHref ? html`<a href="${lossesHref}">the server's policy</a>` : "the server's policy"} lists them, as does <code>policy generate --format ${f.id}</code>.</p>`}
${f.lossCount > 0 && html`<p>Rules of this policy it does not carry over:</p><ul class="losses">${f.lossReasons.map((r) => html`<li>${r.count} × ${r.reason}</li>`)}</ul><p class="muted">Rules: ${f.losses.map((l, i) => html`${i > 0 && ', '}<code>${l}</code>`)}${f.moreLosses > 0 && html` and ${f.moreLosses} more (all listed by <code>policy generate --format ${f.id}</code>)`}.</p>`}
${f.inline && html`<pre tabindex="0"><code id="${`${id}-${f.id}`}">${f.text}</code></pre>`}</details>`,
  );
  return html`${mainBlock}${others.length > 0 && html`<h4>The same policy for other gateways and clients</h4>`}${otherBlocks}`;
}

/** One field's change as a readable diff: removed text struck through, added text underlined (and labelled for screen readers). */
export function diffView(field: string, parts: readonly DiffPart[]): Html {
  return html`<div class="diff"><p class="muted"><code>${field}</code></p><pre tabindex="0" class="diff-text">${parts.map(
    (p) =>
      p.op === 'same'
        ? revealInvisible(p.text)
        : p.op === 'del'
          ? html`<del><span class="visually-hidden">[removed: </span>${revealInvisible(p.text)}<span class="visually-hidden">]</span></del>`
          : html`<ins><span class="visually-hidden">[added: </span>${revealInvisible(p.text)}<span class="visually-hidden">]</span></ins>`,
  )}</pre></div>`;
}

/** The changes a tool went through between scans, newest first, each changed field as a diff. */
export function toolChanges(changes: readonly ToolChangeView[]): Html {
  const body =
    changes.length === 0
      ? html`<p class="muted">No change recorded since Toolgate started tracking this server.</p>`
      : html`<ol class="changes">${changes.map(
          (c) =>
            html`<li><p><time datetime="${c.date}">${c.date.slice(0, 10)}</time>, version ${c.previousVersion ? html`${c.previousVersion} → ${c.version}` : c.version}: ${c.kind === 'added' ? 'the tool appeared.' : html`the definition changed (hash <code>${c.oldHash?.slice(0, 12)}</code> → <code>${c.newHash.slice(0, 12)}</code>).`}</p>${c.fields.map((f) => diffView(f.field, f.parts))}</li>`,
        )}</ol>`;
  return html`<h2 id="changes">Changes</h2>${body}`;
}
