// The body of a tool page as one string (the page wraps it in the Base layout): 35,000 tool pages are most of a build,
// and one html`` pass over the view model costs a fraction of a tree of Astro components. Every value is escaped by
// html``.
import { confidenceWords } from '../core/classify/confidence-words.ts';
import type { ToolChangeView } from './history.ts';
import { html, type Html } from './html.ts';
import { policyBlock, riskBadge, toolChanges, toolList } from './markup.ts';
import { pageHtml } from './page-shell.ts';
import { policyFileViews, type PolicyDocs } from './policies.ts';
import { routes } from './routes.ts';
import { oneLine } from './text.ts';
import {
  POISONING_PATTERN_HREF,
  TOOL_OTHER_FORMATS_INLINE_LIMIT,
  TOOL_POLICY_INLINE_LIMIT,
  toolPageModel,
  type PageServer,
  type PageTool,
  type ToolPageModel,
} from './tool-page.ts';

/**
 * A whole tool page: the page shell around its body. `policy`: the tool's starter policy with at least its main format
 * rendered (the page shows that one). The tool-files workers write it for every tool; the dev server's route renders it.
 */
export function toolPageHtml(
  t: PageTool,
  server: PageServer,
  policy: PolicyDocs,
  changes: readonly ToolChangeView[],
  site: URL,
): string {
  const m = toolPageModel(t, server, policy);
  return pageHtml(
    { title: m.title, description: m.metaDescription, path: t.href, jsonLd: m.jsonLd },
    site,
    toolPageBody(t, server, m, changes).value,
  );
}

/** Classification, evidence, annotations, findings, parameters, starter policy, attack patterns, related tools, FAQ, changes. */
export function toolPageBody(
  t: PageTool,
  server: PageServer,
  m: ToolPageModel,
  changes: readonly ToolChangeView[],
): Html {
  const v = t.verdict;
  return html`<nav aria-label="Breadcrumb" class="muted"><a href="${routes.servers()}">Servers</a> › <a href="${server.href}">${server.name}</a> › <span>${t.displayName}</span></nav>
<article>
<ul class="badges" aria-label="Classification"><li>${riskBadge(v.risk)}</li><li><a class="badge badge-cat" href="${routes.category(v.category)}">${m.category.label}</a></li>${m.capabilities.map((c) => html`<li><a class="badge badge-cap" href="${routes.capability(c.id)}">${c.label}</a></li>`)}</ul>
<h1><code>${t.displayName}</code></h1>
<p>MCP tool, part of the server <a href="${server.href}">${server.name}</a> (id <code>${server.id}</code>).${t.title && html` Title: <q>${oneLine(t.title, 200)}</q>.`}</p>
<h2>Description</h2>
${m.description.empty ? html`<p class="muted">The server gives no description.</p>` : html`<p class="description">${m.description.text}</p>`}
${m.description.truncated && html`<p class="note">Shortened: the full description is ${m.description.fullLength.toLocaleString('en-US')} characters; the first ${m.description.text.length.toLocaleString('en-US')} are shown. The snapshot holds all of it.</p>`}
<div>
<h2>What it can do</h2>
<p><strong>${m.category.label}.</strong> ${m.category.description}</p>
${m.capabilities.length > 0 ? html`<dl class="facts">${m.capabilities.map((c) => html`<dt><a href="${routes.capability(c.id)}">${c.label}</a></dt><dd>${c.description}</dd>`)}</dl>` : html`<p>No specific capability (files, network, code, money, credentials…) was detected.</p>`}
<h2>What could go wrong without a policy</h2>
<p>${m.categoryRisk}</p>
${m.capabilities.length > 0 && html`<ul>${m.capabilities.map((c) => html`<li><strong>${c.label}:</strong> ${c.risks}</li>`)}</ul>`}
<h2>Why it is ${m.risk.label.toLowerCase()} risk</h2>
<p>${m.risk.description}</p>
${m.riskRule && html`<p>The rule that applies, <code>${m.riskRule.id}</code>: ${m.riskRule.when} Its category is ${m.category.label.toLowerCase()}${m.capabilities.length > 0 && html` and it touches ${m.capabilities.map((c) => c.label.toLowerCase()).join(', ')}`}. See <a href="${routes.risks()}">how risk is derived</a>.</p>`}
<h2>Evidence</h2>
${
  m.evidence.length > 0
    ? html`<div class="table-wrap"><table><caption class="visually-hidden">Classifier rules that fired</caption><thead><tr><th scope="col">Rule</th><th scope="col">Concluded</th><th scope="col">Matched</th><th scope="col">Where</th></tr></thead><tbody>${m.evidence.map((e) => html`<tr><td><code>${e.code}</code></td><td>${e.effect}</td><td>${e.matched}</td><td>${e.source}</td></tr>`)}</tbody></table></div>`
    : html`<p>No rule fired; the classification falls back to the defaults.</p>`
}
<p class="muted">Confidence: ${confidenceWords(v.confidence, v.category)} (${Math.round(v.confidence * 100)}%).</p>
<h2>Annotations: declared and inferred</h2>
${!m.annotationsSent && html`<p>The server sent no annotations, so MCP clients assume the spec defaults (not read-only, destructive, open-world).</p>`}
<div class="table-wrap"><table><thead><tr><th scope="col">Hint</th><th scope="col">Sent by the server</th><th scope="col">Resolved</th><th scope="col">Toolgate infers</th></tr></thead><tbody>${m.annotations.map(
    (a) =>
      html`<tr><th scope="row"><code>${a.hint}</code></th><td>${a.declared}</td><td>${String(a.resolved)}</td><td>${a.inferred === undefined ? '—' : String(a.inferred)}${a.contradicted && html`<strong> ⚠ contradicts the declared value</strong>`}</td></tr>`,
  )}</tbody></table></div>
${m.annotationFindings.length > 0 && html`<ul>${m.annotationFindings.map((f) => html`<li><strong>${f.title}</strong> (<a href="${f.href}"><code>${f.code}</code></a>): ${f.message}</li>`)}</ul>`}
</div>
${
  m.poisoning.length > 0 &&
  html`<h2>Tool poisoning indicators</h2>
<p class="note">The tool's metadata contains text that looks like instructions aimed at the AI model. See <a href="${POISONING_PATTERN_HREF}">tool metadata poisoning</a>.</p>
<ul>${m.poisoning.map((f) => html`<li><strong>${f.title}</strong> (<a href="${f.href}"><code>${f.code}</code></a>, ${f.severity})${f.fields && html` in <code>${f.fields}</code>`}${f.sample && html`: <code>${f.sample}</code>`}</li>`)}</ul>`
}
<div>
${
  m.otherFindings.length > 0 &&
  html`<h2>Other findings</h2>
<p class="muted">From the classifier and from the scan of this tool; each code is explained under <a href="${routes.verdicts()}">how verdicts are made</a>.</p>
<ul>${m.otherFindings.map((f) => html`<li><strong>${f.title}</strong> (<a href="${f.href}"><code>${f.code}</code></a>, ${f.severity}): ${f.message}</li>`)}</ul>`
}
<h2>Parameters</h2>
${
  m.params.note
    ? html`<p>${m.params.note}</p>`
    : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Constraints</th><th scope="col">Description</th></tr></thead><tbody>${m.params.rows.map(
        (p) =>
          html`<tr><td data-label="Name"><code>${p.name}</code></td><td data-label="Type">${p.type}</td><td data-label="Required">${p.required ? 'yes' : 'no'}</td><td data-label="Constraints">${p.constraints.join('; ')}</td><td data-label="Description">${p.description}</td></tr>`,
      )}</tbody></table></div>`
}
${m.params.omitted > 0 && html`<p class="muted">${m.params.omitted} more parameters are not listed.</p>`}
</div>
<div>
<h2>Starter policy</h2>
<p>${m.policySummary.summary}</p>
${m.policyRules.shown.length > 0 && html`<ul>${m.policyRules.shown.map((r) => html`<li>${r}</li>`)}</ul>`}
${m.policyRules.more > 0 && html`<p class="muted">…and ${m.policyRules.more} more rules, all in the policy below.</p>`}
${policyBlock({ id: 'tool-policy', label: 'Tool policy', files: policyFileViews(m.policy, { main: TOOL_POLICY_INLINE_LIMIT, others: TOOL_OTHER_FORMATS_INLINE_LIMIT }), base: t.href, lossesHref: `${server.href}#policy` })}
<p>For every tool of this server in one document, see the <a href="${`${server.href}#policy`}">full ${server.name} policy</a> (<a href="${`${server.href}policy.json`}">policy.json</a>).</p>
<h2>Attack patterns this access enables</h2>
${
  t.patterns.length > 0
    ? html`<p>These attack patterns abuse exactly the kind of access this tool gives an agent.</p><ul>${t.patterns.map((p) => html`<li><a href="${p.href}">${p.name}</a>: ${p.summary}</li>`)}</ul>`
    : html`<p>No pattern in the <a href="${routes.attacks()}">attack database</a> matches this tool's access.</p>`
}
<h2>Related tools</h2>
${t.related.length > 0 ? html`<p>Other ${v.category} tools with the same access across the catalogue.</p>${toolList(t.related, { summaryMax: 100 })}` : html`<p>No other tool in the catalogue has the same classification yet.</p>`}
<h2>FAQ</h2>
<dl class="faq">${m.faq.map((f) => html`<dt>${f.question}</dt><dd>${f.answer}</dd>`)}</dl>
${toolChanges(changes)}
<h2>Content hash</h2>
<p>sha256 <code>${t.hash}</code>, over the tool's name, title, description, schemas and annotations as the server sent them on ${server.snapshot.scannedAt.slice(0, 10)}. If a later scan shows a different hash, the tool changed.</p>
</div>
</article>`;
}
