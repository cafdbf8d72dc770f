// The search page of `morgue-search --serve` (docs/web.md). No framework and
// no build step. Safety rule: article text and queries only ever reach the
// page as text (textContent / text nodes); the one piece of markup we render
// is <mark>, rebuilt from the server's escaped snippets without innerHTML.
'use strict';

(function () {
  const PAGE_SIZE = 10;
  // The API refuses offsets past 10,000.
  const MAX_PAGE = Math.floor(10000 / PAGE_SIZE) + 1;
  // Filters travel as their own parameters (section=World), never inside q:
  // the server applies them as data.
  const FILTER_FIELDS = ['section', 'person', 'author', 'site', 'date'];
  const FIELD_NAMES = { section: 'Section', person: 'Person', author: 'Author', site: 'Site', date: 'Date' };
  // A pasted text longer than this stays out of the page's URL (it lives in
  // the history entry instead), and an API request longer than API_GET_MAX
  // is sent as a POST: the server takes request lines of at most 8 KiB.
  const URL_Q_MAX = 2000;
  const API_GET_MAX = 6000;
  const $ = (id) => document.getElementById(id);

  // ---- state <-> URL ---------------------------------------------------------

  // {q, sort, page, like, filters: [{field, value}]} from a query string
  // (and a long q from the history entry).
  function stateFromLocation() {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get('q') || '', sort: params.get('sort') || 'relevance', page: 1, filters: [],
                    like: params.get('like') || '' };
    if (!state.q && history.state && typeof history.state.q === 'string') state.q = history.state.q;
    if (!/^[0-9a-f]{16}$/.test(state.like)) state.like = '';
    const page = parseInt(params.get('page') || '1', 10);
    if (Number.isFinite(page) && page > 1) state.page = Math.min(page, MAX_PAGE);
    // The orders the page offers are the options of its own menu (the server
    // accepts those and more: sort_order_names()); anything else is the default.
    if (![...$('sort').options].some((o) => o.value === state.sort)) state.sort = 'relevance';
    for (const field of FILTER_FIELDS) {
      for (const value of params.getAll(field)) if (value) state.filters.push({ field, value });
    }
    return state;
  }

  function filterParams(state, params) {
    for (const f of state.filters) params.append(f.field, f.value);
    return params;
  }

  function pageUrl(state) {
    const params = new URLSearchParams();
    if (state.q && state.q.length <= URL_Q_MAX) params.set('q', state.q);
    if (state.like) params.set('like', state.like);
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (state.page > 1) params.set('page', String(state.page));
    filterParams(state, params);
    const text = params.toString();
    return text ? '/?' + text : '/';
  }

  // The search as a fetch: GET, or POST with the same parameters in the body
  // when they would not fit in a request line.
  function apiRequest(state, signal) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    params.set('sort', state.sort);
    params.set('offset', String((state.page - 1) * PAGE_SIZE));
    params.set('limit', String(PAGE_SIZE));
    params.set('facets', '1');
    filterParams(state, params);
    const path = state.like ? '/api/similar/' + state.like : '/api/search';
    const headers = { Accept: 'application/json' };
    const url = path + '?' + params.toString();
    if (url.length <= API_GET_MAX) return fetch(url, { signal, headers });
    return fetch(path, { method: 'POST', body: params, signal, headers });
  }

  const hasQuery = (state) => state.q.trim() !== '' || state.filters.length > 0 || state.like !== '';

  let current = stateFromLocation();

  // Typing updates the results (and the URL) as it goes; the first search of
  // a burst of typing gets a history entry, the rest replace it, so Back goes
  // to the search before rather than through every keystroke.
  const TYPING_DELAY = 200;
  let typing = false;
  let typingTimer = 0;

  // Changes the state, records it in the history (shareable URL, back button)
  // and searches.
  function go(next, options) {
    current = next;
    const entry = current.q.length > URL_Q_MAX ? { q: current.q } : null;
    if (options && options.replace) history.replaceState(entry, '', pageUrl(current));
    else history.pushState(entry, '', pageUrl(current));
    typing = false;
    render();
  }

  // The box's text as the search, while the reader types.
  function searchAsTyped() {
    typingTimer = 0;
    const q = $('q').value.trim();
    if (q === current.q || (q.length === 1 && !current.filters.length)) return;
    const wasTyping = typing;
    go({ ...current, q, like: q ? '' : current.like, page: 1 }, { replace: wasTyping });
    typing = true;
  }

  function withFilter(state, field, value) {
    // One section and one date span at a time (a story has one of each);
    // people add up.
    const filters = state.filters.filter((f) => field === 'person' ? !(f.field === field && f.value === value)
                                                                  : f.field !== field);
    filters.push({ field, value });
    return { ...state, filters, page: 1 };
  }

  // ---- text helpers ----------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  // The server escapes &, <, >, " and ' (html_escape in printer.h). Decoding
  // into a string that only ever becomes a text node cannot create markup.
  function unescapeHtml(text) {
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, name) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
    });
  }

  // "a <mark>b</mark> c" (escaped HTML) -> text nodes and <mark> elements.
  function snippetNodes(html) {
    const nodes = [];
    let inMark = false;
    for (const part of html.split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') inMark = true;
      else if (part === '</mark>') inMark = false;
      else if (part) nodes.push(inMark ? el('mark', { text: unescapeHtml(part) }) : document.createTextNode(unescapeHtml(part)));
    }
    return nodes;
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? `${parseInt(m[3], 10)} ${MONTHS[parseInt(m[2], 10) - 1]} ${m[1]}` : '';
  }

  function formatBucket(value) {
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    return m ? `${MONTHS[parseInt(m[2], 10) - 1]} ${m[1]}` : value;
  }

  // Only web links: a stored "javascript:" URL must never become a link.
  function safeHttpUrl(text) {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  // "395 stories", or "about 12,000 stories" when the server only estimated.
  const storyCount = (n, exact) => (exact === false ? 'about ' : '') + plural(n, 'story', 'stories');

  // ---- rendering ---------------------------------------------------------------

  function storyUrl(id) {
    const q = current.q && current.q.length <= URL_Q_MAX ? '?q=' + encodeURIComponent(current.q) : '';
    return '/story/' + encodeURIComponent(id) + q;
  }

  // Headlines of stories seen on this page, for the "like" chip.
  const titles = new Map();

  function chip(field, label, remove) {
    const button = el('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${field}: ${label}` },
                      el('span', { class: 'chip-field', text: field + ':' }), ' ' + label,
                      el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
    button.addEventListener('click', remove);
    return el('li', null, button);
  }

  // The filters of the request, each removable; they are in the URL too.
  function renderChips() {
    const chips = $('chips');
    chips.replaceChildren();
    const active = current.filters.length;
    $('filters-toggle').textContent = active ? `Filters (${active})` : 'Filters';
    if (current.like) {
      chips.append(chip('Like', titles.get(current.like) || 'story ' + current.like,
                        () => go({ ...current, page: 1, like: '' })));
    }
    for (const f of current.filters) {
      const label = f.field === 'date' ? formatBucket(f.value) : f.value;
      chips.append(chip(FIELD_NAMES[f.field] || f.field, label,
                        () => go({ ...current, page: 1, filters: current.filters.filter((g) => g !== f) })));
    }
  }

  // Filters the server found in the query text ("date:2022", "floods last
  // month") and the words a pasted text was reduced to: shown, not removable
  // (they are part of q).
  function renderApplied(data) {
    const parts = [];
    for (const f of data.filters || []) {
      if (f.origin === 'request') continue;
      let text = `${FIELD_NAMES[f.field] || f.field} ${f.field === 'date' ? formatBucket(f.value) : f.value}`;
      if (/[a-z]/i.test(f.value) && (f.from || f.to)) text += ` (${formatDate(f.from) || '…'} to ${formatDate(f.to) || '…'})`;
      if (f.origin === 'words') text += ', from your words';
      if (f.dropped) text += ', dropped: no story matched it';
      parts.push(text);
    }
    const applied = $('applied');
    applied.textContent = parts.length ? 'Filtered by ' + parts.join('; ') + '.' : '';
    applied.hidden = !parts.length;
    const reduced = $('reduced');
    const terms = data.reduced_terms || [];
    reduced.textContent = terms.length ? 'Searched for the most distinctive words of your text: ' + terms.join(', ') + '.' : '';
    reduced.hidden = !terms.length;
  }

  function renderHit(hit, firstOfTier) {
    titles.set(hit.id, hit.title || '(untitled)');
    // The story's own page, which highlights the query's words.
    const link = el('a', { href: storyUrl(hit.id), class: 'hit-link', 'data-id': hit.id, text: hit.title || '(untitled)' });
    const meta = el('p', { class: 'hit-meta' });
    const parts = [];
    if (hit.date) parts.push(el('time', { datetime: hit.date, text: formatDate(hit.date) }));
    if (hit.section) parts.push(el('span', { class: 'hit-section', text: hit.section }));
    if (hit.versions > 1) parts.push(el('span', { class: 'hit-versions', text: `${hit.versions} versions` }));
    parts.forEach((part, i) => { if (i) meta.append(' · '); meta.append(part); });
    const snippet = el('p', { class: 'hit-snippet' }, ...snippetNodes(hit.snippet || ''));
    const people = hit.people && hit.people.length ? el('p', { class: 'hit-people' }, 'People: ') : null;
    (hit.people || []).slice(0, 6).forEach((name, i) => {
      if (i) people.append(', ');
      people.append(el('a', { href: '/person/' + encodeURIComponent(name), text: name }));
    });
    if (people && hit.people.length > 6) people.append(', …');
    const like = el('button', { type: 'button', class: 'hit-like', text: 'More like this',
                                'aria-label': `More like this: ${hit.title || 'this story'}` });
    like.addEventListener('click', () => {
      go({ ...current, q: '', like: hit.id, page: 1 });
      $('results').focus();
    });
    // Short queries list the stories with every word first.
    const tier = firstOfTier ? el('p', { class: 'tier-note', text: 'Stories that match some of the words' }) : null;
    return el('li', { class: hit.match === 'some' ? 'hit hit-some' : 'hit' }, tier, el('h3', { class: 'hit-title' }, link),
              meta, snippet, people, like);
  }

  function renderFacetList(list, values, field) {
    list.replaceChildren();
    for (const v of values) {
      const active = current.filters.some((f) => f.field === field && f.value === v.value);
      const button = el('button', { type: 'button', class: 'facet', 'aria-pressed': String(active) },
                        el('span', { class: 'facet-value', text: v.value }), el('span', { class: 'facet-count', text: String(v.count) }));
      button.addEventListener('click', () => go(active
        ? { ...current, page: 1, filters: current.filters.filter((f) => !(f.field === field && f.value === v.value)) }
        : withFilter(current, field, v.value)));
      list.append(el('li', null, button));
    }
    list.closest('section').hidden = values.length === 0;
  }

  // The server lists only buckets with matches; a chart needs the empty ones too.
  function fillGaps(unit, counts) {
    if (counts.length < 2) return counts;
    const have = new Map(counts.map((c) => [c.value, c.count]));
    const key = (n) => unit === 'year' ? String(n) : `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const index = (value) => unit === 'year' ? parseInt(value, 10)
                                             : parseInt(value.slice(0, 4), 10) * 12 + parseInt(value.slice(5, 7), 10) - 1;
    const first = index(counts[0].value);
    const last = index(counts[counts.length - 1].value);
    if (!(last >= first) || last - first > 600) return counts;
    const out = [];
    for (let n = first; n <= last; n++) out.push({ value: key(n), count: have.get(key(n)) || 0 });
    return out;
  }

  function renderTimeline(timeline) {
    const box = $('timeline-box');
    const chart = $('timeline');
    chart.replaceChildren();
    const counts = fillGaps(timeline && timeline.unit, (timeline && timeline.counts) || []);
    box.hidden = counts.length === 0;
    if (!counts.length) return;
    const max = Math.max(...counts.map((c) => c.count));
    for (const c of counts) {
      const label = `${formatBucket(c.value)}: ${plural(c.count, 'story', 'stories')}`;
      const bar = el('button', { type: 'button', class: 'bar', title: label, 'aria-label': label, 'data-value': c.value });
      if (c.count === 0) bar.disabled = true;
      // CSSOM, not a style attribute: allowed under the page's CSP.
      const fill = el('span', { class: 'bar-fill' });
      fill.style.height = c.count ? Math.max(4, Math.round((c.count / max) * 100)) + '%' : '0';
      bar.append(fill);
      bar.addEventListener('click', () => go(withFilter(current, 'date', c.value)));
      chart.append(bar);
    }
    $('timeline-first').textContent = formatBucket(counts[0].value);
    $('timeline-last').textContent = counts.length > 1 ? formatBucket(counts[counts.length - 1].value) : '';
  }

  function pageLink(label, page, rel) {
    const state = { ...current, page };
    const link = el('a', { href: pageUrl(state), class: 'page-link', text: label });
    if (rel) link.setAttribute('rel', rel);
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(state);
      $('results').focus();
    });
    return link;
  }

  // The page count stays the one first seen for a search while its pages
  // are turned: an estimated total moves with the offset, and the pager
  // should not.
  let counted = { key: '', total: 0 };

  function pageCount(data) {
    const key = JSON.stringify([current.q, current.like, current.sort, current.filters]);
    if (key !== counted.key) counted = { key, total: data.total || 0 };
    return Math.min(Math.ceil(counted.total / PAGE_SIZE), MAX_PAGE);
  }

  function renderPager(pages) {
    const pager = $('pager');
    pager.replaceChildren();
    if (current.page > pages && pages > 0) {
      pager.append(pageLink(`‹ Last page (${pages})`, pages, 'prev'));
      return;
    }
    if (pages <= 1) return;
    if (current.page > 1) pager.append(pageLink('‹ Previous', current.page - 1, 'prev'));
    pager.append(el('span', { class: 'page-info', 'aria-current': 'page', text: `Page ${current.page} of ${pages}` }));
    if (current.page < pages) pager.append(pageLink('Next ›', current.page + 1, 'next'));
  }

  function renderResponse(data) {
    const total = data.total || 0;
    const first = data.offset + 1;
    const last = data.offset + data.results.length;
    const count = storyCount(total, data.total_exact);
    $('status').textContent = total === 0 ? 'No stories match.'
      : data.results.length === 0 ? `No more results: ${count} match; this page starts at ${first.toLocaleString('en')}.`
      : `${first}–${last} of ${count}`;
    $('hits').replaceChildren(...data.results.map((hit, i) =>
      renderHit(hit, hit.match === 'some' && (i === 0 || data.results[i - 1].match !== 'some'))));
    $('hits').setAttribute('start', String(first));
    renderApplied(data);
    renderChips();  // the "like" chip may now know the story's headline

    const suggestion = $('suggestion');
    suggestion.hidden = !data.suggestion;
    if (data.suggestion) {
      const link = $('suggestion-link');
      const state = { ...current, q: data.suggestion, page: 1 };
      link.textContent = data.suggestion;
      link.href = pageUrl(state);
      link.onclick = (event) => { event.preventDefault(); go(state); };
    }
    $('warnings').replaceChildren(...(data.warnings || []).map((w) => el('li', { text: w })));

    const facets = data.facets || { sections: [], people: [], timeline: { counts: [] } };
    $('facets').hidden = !facets.sections.length && !facets.people.length;
    $('filters-toggle').hidden = $('facets').hidden;
    renderFacetList($('facet-sections'), facets.sections, 'section');
    renderFacetList($('facet-people'), facets.people, 'person');
    renderTimeline(facets.timeline);
    // The count budget was spent: the counts cover part of the matches.
    $('facets-partial').hidden = !facets.partial;
    $('timeline-partial').hidden = !facets.partial;
    renderPager(pageCount(data));
  }

  // An error is shown as one (role alert, its own style), with the server's reason.
  function showError(message) {
    clearResults(message);
    $('status').classList.add('is-error');
    $('status').setAttribute('role', 'alert');
  }

  function clearResults(message) {
    $('status').textContent = message;
    $('filters-toggle').hidden = true;
    $('hits').replaceChildren();
    $('pager').replaceChildren();
    $('warnings').replaceChildren();
    $('applied').hidden = true;
    $('reduced').hidden = true;
    $('suggestion').hidden = true;
    $('facets').hidden = true;
    $('timeline-box').hidden = true;
  }

  // The loading state shows only when a search takes a while (150 ms), so
  // quick answers do not flicker.
  function showLoading(on) {
    $('progress').hidden = !on;
    $('results').classList.toggle('is-loading', on);
    if (on) $('status').textContent = 'Searching…';
  }

  let inflight = null;

  // The headline for the "like" chip of a shared URL.
  async function loadTitle(id) {
    try {
      const response = await fetch('/api/article/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const a = await response.json();
      titles.set(id, a.title || '(untitled)');
      if (current.like === id) renderChips();
    } catch (error) {
      // The chip keeps showing the id.
    }
  }

  async function render() {
    // Not while it already says that (typing "fire " must keep its space).
    if ($('q').value.trim() !== current.q) $('q').value = current.q;
    $('sort').value = current.sort;
    renderChips();
    document.title = current.q ? `${current.q.slice(0, 80)} · Morgue` : 'Morgue: search the archive';
    if (inflight) inflight.abort();
    if (!hasQuery(current)) {
      clearResults('Type a query: words, "phrases", person:name, section:world, date:2022-02.');
      return;
    }
    if (current.like && !titles.has(current.like)) loadTitle(current.like);
    const controller = new AbortController();
    inflight = controller;
    $('results').setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => { if (controller === inflight) showLoading(true); }, 150);
    try {
      const response = await apiRequest(current, controller.signal);
      const data = await response.json();
      if (controller !== inflight) return;
      resetStatus();
      if (!response.ok) showError(errorText(data.error, response.status));
      else renderResponse(data);
    } catch (error) {
      if (error.name !== 'AbortError' && controller === inflight) {
        resetStatus();
        showError('The search service cannot be reached. Try again in a moment.');
      }
    } finally {
      clearTimeout(slow);
      if (controller === inflight) {
        showLoading(false);
        $('results').removeAttribute('aria-busy');
      }
    }
  }

  function resetStatus() {
    $('status').classList.remove('is-error');
    $('status').setAttribute('role', 'status');
  }

  // "bad query: ..." from the server, as a sentence.
  function errorText(message, status) {
    if (!message) return `The search failed (HTTP ${status}).`;
    return message.charAt(0).toUpperCase() + message.slice(1);
  }

  // ---- wiring --------------------------------------------------------------------

  function init() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typingTimer);
      const q = $('q').value.trim();
      // Enter after typing: the results are already there (or coming).
      if (typing && q === current.q && $('sort').value === current.sort) {
        typing = false;
        return;
      }
      go({ ...current, q, like: q ? '' : current.like, sort: $('sort').value, page: 1 }, { replace: typing });
    });
    $('q').addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(searchAsTyped, TYPING_DELAY);
    });
    $('filters-toggle').addEventListener('click', () => {
      const open = $('filters-toggle').getAttribute('aria-expanded') !== 'true';
      $('filters-toggle').setAttribute('aria-expanded', String(open));
      $('facets').classList.toggle('open', open);
      if (open) $('facets').focus();
    });
    $('sort').addEventListener('change', () => {
      if (hasQuery(current)) go({ ...current, sort: $('sort').value, page: 1 });
    });
    window.addEventListener('popstate', () => {
      clearTimeout(typingTimer);
      typing = false;
      current = stateFromLocation();
      render();
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
                     target instanceof HTMLSelectElement || target.isContentEditable;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        $('q').focus();
        $('q').select();
      }
    });
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
