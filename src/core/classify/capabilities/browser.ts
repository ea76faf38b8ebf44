// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_BROWSER: the tool drives a browser or device UI (pages, tabs, clicks, typing, screenshots, scripts in a page).
// A browser's cookies ("context_cookies_get: Read all cookies in a context") are its logged-in sessions.
import { capabilityRule } from '../capability-rule.ts';

export const capBrowser = capabilityRule({
  code: 'CAP_BROWSER',
  capability: 'browser',
  summary: 'Drives a browser or screen: pages, tabs, clicks, typing, navigation, screenshots, DOM snapshots (Playwright, Puppeteer, DevTools).',
  nameWords: new Set(['browser', 'tab', 'tabs', 'page', 'pages', 'click', 'navigate', 'hover', 'screenshot', 'screencast', 'dom', 'playwright', 'puppeteer', 'selenium', 'stagehand', 'webpage', 'drag', 'scroll', 'swipe', 'tap', 'dialog', 'viewport', 'lighthouse', 'console', 'cookie', 'cookies']),
  // A tab is a browser's where its description says so ("tabId: Which browser tab to use"), not a document's or a
  // report's ("tabId: The ID of the specific tab to read", Google Docs).
  paramWords: new Set(['selector', 'xpath', 'uid', 'viewport', 'tab']),
  paramDescriptionRequire: /\b(?:css|xpath|element|elements|page|dom|html|button|link|snapshot|viewport|screen|click|browser)\b/,
  // A selector described by nothing but the tool's own words is a page's where the tool acts on a page's element
  // ("element_type_text(selector, ref, tab_id): Type text into an element", "fill(selector): Type text into an input
  // found by selector", "read_text(selector): … of the first element matching the CSS selector"), not a selector over
  // a mesh's nodes, a document's paragraphs or a CAD model ("resolve(selector): Evaluate a selector expression against
  // a named object", "mdpa_delete_nodes(selector): Nodes still used by elements … are refused").
  // So is one beside the browser it acts in ("element_info(selector, ref, tab_id, browser_id): Return detailed
  // information about an element").
  undescribedParamBeside: new Set(['browser']),
  undescribedParamRequire: /\b(?:css|html|dom|javascript|web ?page|browsers?|(?:current|active) (?:page|tab)|inputs?|textarea|checkbox(?:es)?|form fields?|buttons?|localstorage|sessionstorage|elements? (?:is |are )?focused|(?:click|type|typ(?:es|ing)|hover|press)\w* (?:[a-z]+ ){0,3}(?:into|on|over|in) (?:an?|the) (?:[a-z]+ )?elements?)\b/,
  // An accessibility tree is what a page or a device screen shows, read element by element ("Extract interactive
  // elements (buttons, links, inputs) as an Accessibility Object Model").
  // "A listing cut short by the page budget": how many pages of results a call may read, not a browser's page.
  // Nor is a result page's notice or parameter ("reads the next page; the page notice names the offset to use", "use the
  // page parameter to retrieve additional results"), a scanned page's image ("check the page image before citing a
  // name"), a page builder's grid, or a report page holding visuals ("visual_index: zero-based visual index on the page").
  // A link the user is to open in a browser ("returns an authorization URL that must be opened in a browser", "editor_url:
  // URL to open in the browser", "a URL that the user needs to open in their browser") is handed back, and one approved
  // there ("Collect the key after the user approved in their browser") is done; the call drives no browser. Nor does a
  // host's count of "browser processes" (server metrics).
  // Nor is "dom" the start of a word with an accented letter, where \b sees a word end ("domínios", a Firebird table's
  // domains; Polish "domyślnie", by default).
  description: /\b(?:(?<!\b(?:(?:must|should|can|to|then) (?:be )?open(?:ed)?|opened|approved)(?: it| them)? in (?:the |your |their |a |any )?(?:web )?)browser(?! process)|web ?page|the (?:selected )?page(?! (?:size|number|token|cursor|limit|budget|notice|parameter|images?|grid|builder)\b)(?<!\b(?:items|results|records|entries|rows|entities|notes|visual) (?:[a-z]+ ){0,4}(?:in|on|per) the page)|dom(?![\u00c0-\u024f])|accessibility (?:tree|snapshot|object model))\b/,
  // "The page" alone is a browser's only beside a browser's own words ("Evaluate a JavaScript expression in the page",
  // "Press a real key using trusted CDP key events … so the page sees trusted events", "Get all text content from the
  // page"); a result page, an event's landing page, a report page or a scanned archive's page is not ("List the people
  // in the workspace, one cursor page at a time", "Show confirmed guests' first names on the page", "Read the page
  // before citing it").
  // A screen in a name is a display's only where the description speaks of one ("sap_get_screen_info: Get current SAP
  // screen info", "mobile_get_screen_size: Get the screen size of the mobile device in pixels", "Analisa captura de
  // tela"); elsewhere it is the verb, a vetting ("screen_estimate_revisions: Screen a ticker universe", "jev_screen:
  // Judge fetched or external text … (prompt injection)", "screen: Dry-run the anti-poisoning gate", 选股).
  onlyWhere: [
    { words: new Set(['screen']), where: /\b(?:(?:the|a|an|this|current|device|phone|computer|mobile|on|of|whole|full|main|home|lock|new) (?:[\w-]+ ){0,2}screens?|screen (?:sizes?|resolution|recording|buffer|capture|state|elements?)|screenshots?|displays?|pixels?|px|resolution|monitors?|windows?|emulators?|simulators?|devices?|computer use|tela)\b/ },
  ],
  descriptionOnlyWhere: [
    { match: /^the page$/, where: /\b(?:browsers?|(?:active|open|current|new|browser) tabs?|click|clicked|clicking|hover(?:s|ing)?|selectors?|javascript|dom|iframes?|captchas?|recaptcha|turnstile|screenshots?|navigate[sd]?|navigating|scroll(?:s|ed|ing)?|reload(?:s|ed|ing)?|playwright|puppeteer|devtools?|viewport|cdp|chromium|headless|(?:snapshot|text content|all text) (?:of|from) the page)\b/ },
  ],
  // "status_page", "search_pages", "help_page": a page of a service or a result set, not a browser's.
  // "create_page_rule", "list_page_rules": a CDN's rule for URLs that match, not a page in a browser.
  // "add_page_break", "page_setup_apply", "add_page_numbers": a printed document's layout, not a page in a browser.
  notBefore: new Set(['rule', 'rules', 'break', 'breaks', 'setup', 'numbers']),
  // "list_slide_pages": a presentation's slides.
  notAfter: new Set(['documentation', 'wiki', 'portal', 'next', 'landing', 'confluence', 'notion', 'status', 'search', 'help', 'error', 'sales', 'product', 'facebook', 'linkedin', 'company', 'record', 'results', 'result', 'catalog', 'book', 'home', 'app', 'slide']),
  // A market screener screens stocks or pairs, not a screen. A 3D editor's viewport or camera view is no browser's, nor
  // is a game engine's, an editor's, a board's serial line's, a mainframe's, Terraform's or Node's console.
  // A site's pages counted in search analytics, kept in a CMS or a sales funnel, or edited as settings and content
  // structure, or a Facebook or LinkedIn page ("crm_fbCreatePageLeadForm: Create a new lead gen form on a Facebook page",
  // "Attach linkedin pages and profile"), are data about pages, not a browser's; a data pipeline's tap (a source it
  // ingests from) is not a touch on a screen.
  elsewhere: [
    { words: new Set(['viewport']), where: /\b(?:3d|scene|camera|blender|godot|unity|unreal|o3de|cad)\b/ },
    // Screening stocks, candidates or a wallet against sanctions lists ("Screen a single wallet address against OFAC") is
    // vetting, not a screen.
    { words: new Set(['screen']), where: /\b(?:screener|stocks?|forex|crypto(?:currenc(?:y|ies))?|pairs|candidates|applicants|technical criteria|screen(?:s|ed|ing)? (?:[a-z0-9'-]+ ){1,5}against|sanctions?|watchlists?|ofac|aml|pep|adverse media|screening|inclusion criteria|exclusion criteria|title\/abstract)\b/ },
    // A terminal's screen ("Read the terminal screen state", a tmux pane's screen) is text in a shell session, not a
    // browser's or a device's display.
    { words: new Set(['screen']), where: /\b(?:terminal|tmux|pty|ssh|shell) (?:screen|pane|session|buffer)s?\b/ },
    { words: new Set(['console']), where: /\b(?:o3de|godot|unity|unreal|game engine|editor|serial|uart|tty|mainframe|z\/?os|zowe|terraform|hcl|rcon|minecraft|node\.?js|labgrid|board)\b/ },
    { words: new Set(['tap']), where: /\b(?:(?:data|document|singer|source) taps?|tap's (?:python )?script|pipelines?|ingest(?:ion|s)?)\b/ },
    { words: new Set(['page', 'pages']), where: /\b(?:search console|google search|impressions|ctr|pageviews|page views|cms|webflow|wordpress|confluence|notion|wiki|funnels?|seo|slug|page settings|content structure|(?:facebook|linkedin) pages?)\b/ },
    // Nor are the pages of a PDF, a report, a diagram, a notebook, a workbook, a presentation or a scanned book ("Delete
    // unwanted pages from PDF files", "Add a new blank page to the report", "Appends a new blank page to the current
    // Draw.io document").
    // Not the verb ("exactly as profiles_list reports it").
    { words: new Set(['page', 'pages']), where: /\b(?:pdf (?:files?|documents?)|reports?(?! (?:it|them)\b)|diagrams?|draw\.?io|notebooks?|workbooks?|presentations?|slides?|rulebooks?|schematic|figma|scanned)\b/ },
  ],
});
