// The deadline desk. A face of the API: every figure shown comes from
// /v1/...; the page only lays answers out. Text from data is inserted with
// DOM APIs (textContent, createElement), never as markup.

import { getJson, query, fieldOf } from './api.js';
import {
  LANGS, SELF_NAMES, t, pick, fmtDate, fmtDateTime, fmtWeekday, monthName, weekdayShort,
  fmtNumber, fmtTerm,
} from './i18n.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['working', 'weekend', 'holiday', 'religious_day_off', 'substitute_day_off',
  'transferred_day_off', 'transferred_working_day', 'working_weekend'];
// The request fields of the batch contract the page's address carries.
const FIELDS = ['regulation', 'term', 'submitted', 'channel', 'start', 'outcome', 'week', 'schedule',
  'as_known_on', 'horizon'];

const state = {
  lang: 'ru',
  regulations: [],
  last: null, // the request last answered (fields), re-asked on a language switch
  year: null,
};

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A text of the API in three languages, as a span marked with its language. */
function tri(obj) {
  const p = pick(obj, state.lang);
  if (!p) return null;
  return el('span', { lang: p.lang && p.lang !== state.lang ? p.lang : null }, p.text);
}

/** Text from the service that exists in English only (sources, warnings). */
function english(text) {
  return el('span', { lang: state.lang === 'en' ? null : 'en' }, text);
}

/** The sources of a day that did not count: the acts cited in the request's
 * language (the service renders them), else the data's English remark. */
function sourceOf(x) {
  const L = state.lang;
  const cites = Array.isArray(x.citations) ? x.citations.filter((c) => typeof c === 'string' && c.trim()) : [];
  if (cites.length) {
    return el('div', { class: 'source', 'data-citations': cites.length }, `${t(L, cites.length > 1 ? 'r_sources' : 'r_source')}: `, cites.join('; '));
  }
  return x.source ? el('div', { class: 'source' }, `${t(L, 'r_source')}: `, english(x.source)) : null;
}

function link(url, text) {
  const safe = typeof url === 'string' && /^https?:\/\//i.test(url);
  return safe ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text) : text;
}

// ---------------------------------------------------------------- language

function applyLang() {
  const L = state.lang;
  document.documentElement.lang = L;
  document.title = t(L, 'doc_title');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(L, e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(L, e.dataset.i18nLabel));
  for (const b of document.querySelectorAll('button.lang')) {
    b.textContent = SELF_NAMES[b.dataset.lang];
    b.setAttribute('aria-pressed', String(b.dataset.lang === L));
  }
  fillRegulations();
}

async function setLang(l) {
  if (!LANGS.includes(l)) return;
  document.body.dataset.ready = 'false';
  state.lang = l;
  try { localStorage.setItem('merzim.lang', l); } catch (e) { /* private mode */ }
  applyLang();
  const u = new URL(location.href);
  if (u.searchParams.has('lang') || state.last) {
    u.searchParams.set('lang', l);
    history.replaceState(null, '', u.pathname + u.search + u.hash);
  }
  const jobs = [];
  if (state.last) jobs.push(evaluate(state.last, { focus: false }));
  else clearErrors();
  if (state.year !== null) jobs.push(loadCalendar({ focus: false }));
  await Promise.all(jobs);
  document.body.dataset.ready = 'true';
}

function initialLang(params) {
  const q = params.get('lang');
  if (LANGS.includes(q)) return q;
  try {
    const s = localStorage.getItem('merzim.lang');
    if (LANGS.includes(s)) return s;
  } catch (e) { /* private mode */ }
  const n = (navigator.language || '').slice(0, 2).toLowerCase();
  return LANGS.includes(n) ? n : 'ru';
}

// ---------------------------------------------------------------- errors

const FIELD_INPUT = {
  regulation: 'f-regulation', term: 'f-term', channel: 'f-channel', submitted: 'f-submitted',
  start: 'f-start', outcome: 'f-outcome', week: 'f-week', schedule: 'f-schedule',
  as_known_on: 'f-as-known-on', horizon: 'f-horizon',
};

function clearErrors(root = document) {
  for (const e of root.querySelectorAll('.field-error')) { e.hidden = true; e.replaceChildren(); }
  for (const e of root.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
}

/** The message of an error in the page's language (and the service's own words). */
function errorMessage(err, field) {
  const L = state.lang;
  let key = 'err_generic';
  if (err.kind === 'network') key = 'err_network';
  else if (err.kind === 'bad_answer') key = 'err_bad_answer';
  else if (err.kind === 'out_of_coverage') key = 'err_out_of_coverage';
  else if (err.kind === 'not_found' && field === 'regulation') key = 'err_not_found';
  else if (err.kind === 'required') key = 'err_required';
  else if (err.kind === 'term_or_reg') key = 'err_term_or_reg';
  else if (err.kind === 'year') key = 'err_year';
  else if (err.kind === 'invalid_input') {
    key = { term: 'err_term', submitted: 'err_submitted', schedule: 'err_schedule', as_known_on: 'err_as_known_on', channel: 'err_channel' }[field] || 'err_invalid_input';
  }
  const parts = [el('span', {}, t(L, key))];
  if (key === 'err_schedule') parts.push(' ', el('code', {}, 'mon-fri 09:00-18:00'));
  if (err.message && !['required', 'term_or_reg', 'year'].includes(err.kind)) {
    parts.push(el('details', {}, el('summary', {}, t(L, 'err_details')), english(err.message)));
  }
  return parts;
}

/** Shows `err` next to `field` (an id of a .field-error without "err-"). */
function showError(field, err, inputId) {
  let box = $(`err-${field}`);
  if (!box) box = $('err-form');
  box.replaceChildren(...errorMessage(err, field));
  box.hidden = false;
  const input = inputId ? $(inputId) : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    const more = input.closest('details');
    if (more) more.open = true;
  }
  return input;
}

// ---------------------------------------------------------------- the form

function nowAlmaty() {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function fillRegulations() {
  const sel = $('f-regulation');
  const keep = sel.value || sel.dataset.want || '';
  const first = sel.options[0];
  first.textContent = t(state.lang, 'f_regulation_none');
  sel.replaceChildren(first);
  const items = state.regulations
    .map((r) => ({ id: r.id, title: pick(r.title, state.lang) }))
    .filter((r) => typeof r.id === 'string');
  items.sort((a, b) => (a.title?.text || a.id).localeCompare(b.title?.text || b.id, state.lang));
  for (const r of items) {
    const o = el('option', { value: r.id, lang: r.title && r.title.lang !== state.lang ? r.title.lang : null },
      r.title ? r.title.text : r.id);
    sel.append(o);
  }
  if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
  syncKind();
}

/** A regulation or a term: the fields that apply only to one are disabled for the other. */
function syncKind() {
  const reg = $('f-regulation').value !== '';
  $('f-term').disabled = reg;
  $('term-field').hidden = reg;
  $('f-start').disabled = reg;
  $('f-outcome').disabled = !reg;
}

function readForm() {
  const v = (id) => $(id).value.trim();
  const f = { submitted: v('f-submitted'), channel: v('f-channel') };
  if (v('f-regulation')) {
    f.regulation = v('f-regulation');
    if (v('f-outcome') === 'refuse') f.outcome = 'refuse';
  } else {
    f.term = v('f-term');
    if (v('f-start')) f.start = v('f-start');
  }
  if (v('f-week') === 'six') f.week = 'six';
  if (v('f-schedule')) f.schedule = v('f-schedule');
  if (v('f-as-known-on')) f.as_known_on = v('f-as-known-on');
  if (v('f-horizon') === 'provisional') f.horizon = 'provisional';
  return f;
}

function writeForm(f) {
  const set = (id, val, dflt = '') => { $(id).value = val ?? dflt; };
  const sel = $('f-regulation');
  sel.dataset.want = f.regulation || '';
  set('f-regulation', f.regulation || '');
  if (f.regulation && sel.value !== f.regulation) {
    // Not (yet) in the list: keep it as an option so that the request stays as given.
    sel.append(el('option', { value: f.regulation }, f.regulation));
    sel.value = f.regulation;
  }
  set('f-term', f.term);
  set('f-submitted', (f.submitted || '').slice(0, 16));
  set('f-channel', f.channel, 'provider');
  set('f-start', f.start);
  set('f-outcome', f.outcome, 'approve');
  set('f-week', f.week, 'five');
  set('f-schedule', f.schedule);
  set('f-as-known-on', f.as_known_on);
  set('f-horizon', f.horizon, 'coverage');
  for (const id of ['f-channel', 'f-outcome', 'f-week', 'f-horizon']) {
    if ($(id).selectedIndex < 0) $(id).selectedIndex = 0;
  }
  if (f.start || f.week || f.schedule || f.as_known_on || f.horizon || f.outcome) $('more').open = true;
  syncKind();
}

/** The page's address for a request (the batch contract's field names). */
function shareUrl(f) {
  const o = {};
  for (const k of FIELDS) if (f[k]) o[k] = f[k];
  o.lang = state.lang;
  return `/${query(o)}`;
}

async function evaluate(f, { focus = true } = {}) {
  clearErrors($('due-form'));
  // Only what the browser can see without asking: a field left empty.
  if (!f.submitted) {
    const i = showError('submitted', { kind: 'required' }, 'f-submitted');
    if (focus) i.focus();
    return;
  }
  if (!f.regulation && !f.term) {
    const i = showError('term', { kind: 'term_or_reg' }, 'f-term');
    if (focus) i.focus();
    return;
  }
  $('due-status').textContent = t(state.lang, 'loading');
  $('f-submit').disabled = true;
  const L = state.lang;
  const common = {
    submitted: f.submitted, channel: f.channel, week: f.week, schedule: f.schedule,
    as_known_on: f.as_known_on, horizon: f.horizon, explain: 'true', lang: L,
  };
  let res; let reg = null;
  if (f.regulation) {
    const [a, b] = await Promise.all([
      getJson(`/v1/regulations/${encodeURIComponent(f.regulation)}/timeline${query({ ...common, outcome: f.outcome })}`),
      getJson(`/v1/regulations/${encodeURIComponent(f.regulation)}`),
    ]);
    res = a; reg = b.ok ? b.data : null;
  } else {
    res = await getJson(`/v1/due${query({ ...common, term: f.term, start: f.start })}`);
  }
  $('f-submit').disabled = false;
  $('due-status').textContent = '';
  if (!res.ok) {
    const field = fieldOf(res, f.regulation ? 'regulation' : 'term');
    const target = field === 'term' && f.regulation ? 'regulation' : field;
    const i = showError(target, res, FIELD_INPUT[target]);
    if (focus && i) i.focus();
    $('result').hidden = true;
    state.last = null;
    return;
  }
  state.last = f;
  const url = shareUrl(f);
  history.replaceState(null, '', url + location.hash);
  try {
    renderResult(f, res.data, reg, url);
  } catch (e) {
    // An answer of an unexpected shape: say so, keep the page working.
    showError('form', { kind: 'bad_answer', message: String(e && e.message || e) });
    $('result').hidden = true;
    return;
  }
  if (focus) $('result').focus();
}

// ---------------------------------------------------------------- the answer

function fact(dl, key, value, iso) {
  if (value === undefined || value === null || value === '') return;
  dl.append(el('dt', {}, t(state.lang, key)),
    el('dd', { 'data-fact': key }, iso ? el('time', { datetime: iso }, value) : value));
}

function renderResult(f, r, reg, url) {
  const L = state.lang;
  // What was asked.
  const what = [];
  if (f.regulation) {
    const title = reg ? tri(reg.title) : null;
    what.push(title || el('code', {}, f.regulation));
  } else {
    what.push(`${t(L, 'f_term')}: `, fmtTerm(f.term, L) || el('q', {}, f.term));
  }
  what.push(' · ', t(L, `ch_${f.channel}`) || f.channel, ' · ', fmtDateTime(f.submitted, L));
  $('result-what').replaceChildren(...what);

  // The due date, large.
  const due = f.regulation ? (r.term_due || r.end) : r.due;
  // A regulation with no term of its own: the end of its steps.
  $('due-label').textContent = t(L, f.regulation && !r.term_due ? 'r_end' : 'r_due');
  const dv = $('due-value');
  dv.textContent = due ? fmtDateTime(due, L) : '—';
  if (due) dv.setAttribute('datetime', due); else dv.removeAttribute('datetime');
  $('due-weekday').textContent = due ? fmtWeekday(due, L) : '';

  const dl = $('result-facts');
  dl.replaceChildren();
  if (f.regulation) {
    if (r.term_due) fact(dl, 'r_end', fmtDateTime(r.end, L), r.end);
    if (typeof r.within_term === 'boolean') fact(dl, 'r_within', t(L, r.within_term ? 'r_yes' : 'r_no'));
  } else {
    fact(dl, 'r_registered', r.registered && fmtDate(r.registered, L), r.registered);
    fact(dl, 'r_day_one', r.day_one && fmtDate(r.day_one, L), r.day_one);
    fact(dl, 'r_last_day', r.last_day && fmtDate(r.last_day, L), r.last_day);
  }
  fact(dl, 'r_handoff', r.handoff && fmtDateTime(r.handoff, L), r.handoff);
  fact(dl, 'r_refusal', r.refusal_due && fmtDateTime(r.refusal_due, L), r.refusal_due);
  fact(dl, 'r_storage', r.storage_until && fmtDateTime(r.storage_until, L), r.storage_until);
  if (Array.isArray(r.alternatives) && r.alternatives.length) {
    const ul = el('ul', { class: 'plain' });
    for (const a of r.alternatives) {
      ul.append(el('li', {}, fmtTerm(a.term, L) || english(a.term), ': ',
        el('time', { datetime: a.due }, fmtDateTime(a.due, L))));
    }
    fact(dl, 'r_alternatives', ul);
  }
  fact(dl, 'r_provisional', t(L, r.provisional ? 'r_provisional_yes' : 'r_no'));

  // Warnings: the service writes each one in the page's language with a
  // stable code (warning_codes, same order); the page shows the text as
  // given (as text, never markup), marked by its code.
  const w = $('result-warnings');
  w.replaceChildren();
  const warnings = Array.isArray(r.warnings) ? r.warnings.filter((x) => typeof x === 'string') : [];
  const codes = Array.isArray(r.warning_codes) ? r.warning_codes : [];
  if (warnings.length) {
    const box = el('div', { class: 'warnings', role: 'note' }, el('h4', {}, t(L, 'r_warnings')));
    box.append(el('ul', {}, warnings.map((x, i) => {
      const code = typeof codes[i] === 'string' ? codes[i] : '';
      return el('li', { 'data-warning': WARNING_KIND[code] || code || 'other' }, el('strong', {}, x));
    })));
    w.append(box);
  }

  // The steps: who does what, when.
  const tl = $('result-timeline');
  tl.replaceChildren();
  if (Array.isArray(r.steps) && r.steps.length) {
    const defs = new Map((reg && Array.isArray(reg.step) ? reg.step : []).map((s) => [s.number, s]));
    const ol = el('ol', { class: 'timeline' });
    for (const s of r.steps) {
      const d = defs.get(s.number) || {};
      ol.append(el('li', {},
        el('div', { class: 'step-head' }, `${t(L, 'r_step')} ${fmtNumber(s.number, L)} · `,
          fmtTerm(s.duration, L) || english(s.duration)),
        d.actor ? el('div', {}, el('strong', {}, `${t(L, 'r_actor')}: `), tri(d.actor)) : null,
        d.action ? el('div', {}, el('strong', {}, `${t(L, 'r_action')}: `), tri(d.action)) : null,
        el('div', { class: 'step-when' }, el('time', { datetime: s.start }, fmtDateTime(s.start, L)), ' — ',
          el('time', { datetime: s.end }, fmtDateTime(s.end, L)))));
    }
    tl.append(el('h4', {}, t(L, 'r_timeline')), ol);
    if (reg && reg.act) {
      const a = reg.act;
      tl.append(el('p', { class: 'source' }, `${t(L, 'r_regulation_act')}: `, tri(a.body), ' ',
        a.number ? `№ ${a.number}` : '', a.date ? `, ${fmtDate(a.date, L)}` : ''));
    }
  }

  // What did not count: days off grouped (names and sources), and the office hours.
  const ex = $('result-explain');
  ex.replaceChildren(el('h4', {}, t(L, 'r_explain')));
  const items = Array.isArray(r.explain) ? r.explain : [];
  const office = items.filter((x) => x.reason === 'after_hours' || x.reason === 'lunch');
  const off = items.filter((x) => !(x.reason === 'after_hours' || x.reason === 'lunch'));
  const groups = [];
  for (const x of off) {
    const g = groups[groups.length - 1];
    const key = JSON.stringify([x.reason, x.names || null, x.source || null]);
    if (g && g.key === key && g.to === x.from) { g.to = x.to; g.last = x; g.n += 1; }
    else groups.push({ key, first: x, last: x, to: x.to, n: 1 });
  }
  ex.append(el('h5', {}, t(L, 'r_days_off')));
  if (!groups.length) ex.append(el('p', {}, t(L, 'r_none_off')));
  else {
    const ul = el('ul', { class: 'off-list' });
    for (const g of groups) {
      const from = g.first.from; const lastDay = g.last.from;
      const span = g.n > 1 ? `${fmtDate(from, L)} — ${fmtDate(lastDay, L)}` : fmtDate(from, L);
      const kind = KINDS.includes(g.first.reason) ? t(L, `kind_${g.first.reason}`) : g.first.reason;
      const flags = [g.first.provisional ? t(L, 'r_provisional_mark') : null, g.first.estimated ? t(L, 'r_estimated') : null].filter(Boolean);
      ul.append(el('li', { 'data-reason': g.first.reason },
        el('strong', {}, span), ' · ', kind,
        g.first.names ? [' — ', tri(g.first.names)] : null,
        flags.length ? ` (${flags.join(', ')})` : null,
        sourceOf(g.first)));
    }
    ex.append(ul);
  }
  if (office.length) {
    const det = el('details', {}, el('summary', {}, `${t(L, 'r_office')} (${fmtNumber(office.length, L)})`));
    det.append(el('p', { class: 'note' }, t(L, 'r_office_note')));
    const ul = el('ul', { class: 'off-list' });
    for (const x of office) {
      ul.append(el('li', {}, `${fmtDateTime(x.from, L)} — ${fmtDateTime(x.to, L)} · `, t(L, x.reason === 'lunch' ? 'r_lunch' : 'r_after_hours')));
    }
    det.append(ul);
    ex.append(det);
  }

  $('share-link').setAttribute('href', url);
  $('share-url-print').textContent = location.origin + url;
  $('result').hidden = false;
}

/** The page's name of each warning code of the service (others keep the code). */
const WARNING_KIND = {
  not_yet_in_force: 'not_yet', repealed: 'repealed', may_have_lapsed: 'lapse', storage_beyond_data: 'storage',
};

// ---------------------------------------------------------------- calendar

function calFields() {
  const year = $('c-year').value.trim();
  return { year, week: $('c-week').value, known: $('c-known').value, compare: $('c-compare').value };
}

async function loadCalendar({ focus = true } = {}) {
  const L = state.lang;
  clearErrors($('cal-form'));
  $('err-balance').hidden = true;
  const c = calFields();
  if (!/^\d{4}$/.test(c.year) || +c.year < 2000 || +c.year > 2100) {
    const i = showError('c-year', { kind: 'year' }, 'c-year');
    if (focus) i.focus();
    return;
  }
  state.year = +c.year;
  $('cal-status').textContent = t(L, 'loading');
  const q = { week: c.week === 'six' ? 'six' : null, as_known_on: c.known || null };
  const [cal, bal, cmp] = await Promise.all([
    getJson(`/v1/calendar/${c.year}${query(q)}`),
    getJson(`/v1/calendar/${c.year}/balance${query({ as_known_on: c.known || null })}`),
    c.compare ? getJson(`/v1/calendar/${c.year}${query({ ...q, as_known_on: c.compare })}`) : Promise.resolve(null),
  ]);
  $('cal-status').textContent = '';
  if (!cal.ok) {
    const field = fieldOf(cal, 'year');
    if (field === 'as_known_on') showError('c-known', cal, 'c-known');
    else showError('c-year', cal, 'c-year');
    for (const id of ['cal-grid']) $(id).replaceChildren();
    for (const id of ['cal-downloads', 'cal-legend', 'cal-detail', 'cal-changes']) $(id).hidden = true;
    $('bal-table').replaceChildren();
    return;
  }
  try {
    renderYear(cal.data, bal.ok ? bal.data : null, c);
    renderDownloads(c);
    if (cmp) {
      if (cmp.ok) renderChanges(cmp.data, cal.data, c);
      else { showError('c-compare', cmp, 'c-compare'); $('cal-changes').hidden = true; }
    } else $('cal-changes').hidden = true;
    if (bal.ok) renderBalance(bal.data);
    else { $('bal-table').replaceChildren(); showError('balance', bal); }
  } catch (e) {
    showError('c-year', { kind: 'bad_answer', message: String(e && e.message || e) }, 'c-year');
  }
}

function kindLabel(k) {
  return KINDS.includes(k) ? t(state.lang, `kind_${k}`) : (k || t(state.lang, 'kind_other'));
}

function renderYear(data, balance, c) {
  const L = state.lang;
  const days = Array.isArray(data.days) ? data.days : [];
  const byMonth = Array.from({ length: 12 }, () => []);
  for (const d of days) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date || '');
    if (m) byMonth[+m[2] - 1].push({ ...d, day: +m[3], y: +m[1], m: +m[2] });
  }
  const counts = new Map();
  if (balance && Array.isArray(balance.balance)) {
    for (const p of balance.balance) {
      const w = c.week === 'six' ? p.six_day : p.five_day;
      if (w) counts.set(p.period, w.working_days);
    }
  }
  const wd = weekdayShort(L);
  const grid = $('cal-grid');
  grid.replaceChildren();
  byMonth.forEach((list, i) => {
    if (!list.length) return;
    const period = `${list[0].y}-${String(i + 1).padStart(2, '0')}`;
    const n = counts.get(period);
    const cap = el('caption', {}, monthName(i + 1, L),
      n === undefined ? null : el('span', { class: 'count', 'data-working-days': n }, `${t(L, 'cal_month_working')}: ${fmtNumber(n, L)}`));
    const table = el('table', { 'data-month': period }, cap,
      el('thead', {}, el('tr', {}, wd.map((x) => el('th', { scope: 'col' }, x)))));
    const tbody = el('tbody');
    // The layout of the month: the weekday of its first day (Monday first).
    let col = (new Date(Date.UTC(list[0].y, i, 1)).getUTCDay() + 6) % 7;
    let tr = el('tr');
    for (let k = 0; k < col; k += 1) tr.append(el('td'));
    for (const d of list) {
      const name = pick(d.names, L);
      const label = `${fmtDate(d.date, L)}: ${kindLabel(d.kind)}${name ? ` — ${name.text}` : ''}`;
      const special = !(d.kind === 'working' || d.kind === 'weekend') || d.names || d.source;
      const cls = `d k-${KINDS.includes(d.kind) ? d.kind : 'other'}`;
      const cell = special
        ? el('button', { type: 'button', class: cls, title: label, 'data-date': d.date, 'data-kind': d.kind, onclick: () => showDay(d) },
          String(d.day), el('span', { class: 'visually-hidden' }, ` ${label}`))
        : el('span', { class: cls, title: label, 'data-date': d.date, 'data-kind': d.kind }, String(d.day),
          d.kind === 'weekend' ? el('span', { class: 'visually-hidden' }, ` ${kindLabel(d.kind)}`) : null);
      tr.append(el('td', {}, cell));
      col += 1;
      if (col === 7) { tbody.append(tr); tr = el('tr'); col = 0; }
    }
    if (col) { for (; col < 7; col += 1) tr.append(el('td')); tbody.append(tr); }
    table.append(tbody);
    grid.append(el('div', { class: 'month' }, table));
  });
  // The legend: the kinds this year has.
  const present = KINDS.filter((k) => days.some((d) => d.kind === k));
  const lg = $('cal-legend');
  lg.replaceChildren(el('h3', {}, t(L, 'cal_legend')),
    el('ul', { class: 'legend' }, present.map((k) => el('li', {}, el('span', { class: `swatch k-${k}`, 'aria-hidden': 'true' }), kindLabel(k)))),
    el('p', { class: 'note' }, t(L, 'cal_detail_hint')));
  lg.hidden = false;
  $('cal-detail').hidden = true;
}

function showDay(d) {
  const L = state.lang;
  const box = $('cal-detail');
  const name = d.names ? tri(d.names) : null;
  const parts = [el('h4', {}, `${fmtDate(d.date, L)}, ${fmtWeekday(d.date, L)}`),
    el('p', {}, el('strong', {}, kindLabel(d.kind)), name ? [' — ', name] : null)];
  if (d.provisional || d.estimated) {
    parts.push(el('p', { class: 'note' }, [d.provisional ? t(L, 'r_provisional_mark') : null, d.estimated ? t(L, 'r_estimated') : null].filter(Boolean).join(', ')));
  }
  if (d.act && typeof d.act === 'object') {
    const a = d.act;
    const title = tri(a.title);
    parts.push(el('p', {}, `${t(L, 'r_act')}: `, a.url ? link(a.url, title || a.id || '') : title,
      a.number ? ` № ${a.number}` : '', a.date ? `, ${fmtDate(a.date, L)}` : ''));
  }
  // The acts the day rests on, as the library cites them in the reader's
  // language (formal style, how sure the data is); the data's English remark
  // only for a day without citations (an overlay's entry).
  const cites = (Array.isArray(d.citations) ? d.citations : []).filter((c) => c && typeof c === 'object' && pick(c.text, L));
  if (cites.length) {
    parts.push(el('div', { class: 'source', 'data-citations': cites.length }, `${t(L, cites.length > 1 ? 'r_sources' : 'r_source')}:`,
      el('ul', { class: 'citations' }, cites.map((c) => el('li', {}, tri(c.text),
        typeof c.url === 'string' ? [' ', link(c.url, c.url)] : null)))));
  } else if (d.source) {
    parts.push(el('p', { class: 'source' }, `${t(L, 'r_source')}: `, english(d.source),
      d.source_url && !(d.act && d.act.url === d.source_url) ? [' ', link(d.source_url, d.source_url)] : null));
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

function renderDownloads(c) {
  const q = query({ lang: state.lang, week: c.week === 'six' ? 'six' : null, as_known_on: c.known || null });
  $('dl-csv').setAttribute('href', `/v1/calendar/${c.year}.csv${q}`);
  const qx = query({ lang: state.lang, week: c.week === 'six' ? 'six' : null, as_known_on: c.known || null, csv: 'excel' });
  $('dl-excel').setAttribute('href', `/v1/calendar/${c.year}.csv${qx}`);
  $('dl-excel').setAttribute('download', `kz-calendar-${c.year}-excel.csv`);
  $('dl-ics').setAttribute('href', `/v1/calendar/${c.year}.ics${q}`);
  $('dl-1c').setAttribute('href', `/v1/calendar/${c.year}.xml${q}`);
  $('dl-csv').setAttribute('download', `kz-calendar-${c.year}.csv`);
  $('dl-ics').setAttribute('download', `kz-calendar-${c.year}.ics`);
  $('dl-1c').setAttribute('download', `kz-calendar-${c.year}-1c.xml`);
  $('cal-downloads').hidden = false;
}

/** What changed between two answers of the calendar for the same year. */
function renderChanges(older, newer, c) {
  const L = state.lang;
  const a = new Map((older.days || []).map((d) => [d.date, d]));
  const rows = [];
  for (const d of newer.days || []) {
    const o = a.get(d.date);
    if (!o) continue;
    if (o.kind !== d.kind || JSON.stringify(o.names) !== JSON.stringify(d.names)) rows.push([o, d]);
  }
  const box = $('cal-changes');
  const left = fmtDate(c.compare, L);
  const right = c.known ? fmtDate(c.known, L) : t(L, 'cal_known_today');
  box.replaceChildren(el('h3', {}, t(L, 'cal_changes')), el('p', {}, `${t(L, 'cal_changes_intro')}: ${left} → ${right}`));
  if (!rows.length) box.append(el('p', { 'data-changes': '0' }, t(L, 'cal_changes_none')));
  else {
    box.append(el('ul', { class: 'changes', 'data-changes': rows.length }, rows.map(([o, d]) => {
      const on = pick(o.names, L); const dn = pick(d.names, L);
      return el('li', { 'data-date': d.date }, el('strong', {}, fmtDate(d.date, L)), ': ',
        `${t(L, 'cal_was')}: ${kindLabel(o.kind)}${on ? ` (${on.text})` : ''}; ${t(L, 'cal_now')}: ${kindLabel(d.kind)}${dn ? ` (${dn.text})` : ''}`);
    })));
  }
  box.hidden = false;
}

// ---------------------------------------------------------------- balance

function periodLabel(p, L) {
  let m = /^\d{4}-(\d{2})$/.exec(p);
  if (m) return monthName(+m[1], L);
  const roman = ['I', 'II', 'III', 'IV'];
  m = /^\d{4}-Q([1-4])$/.exec(p);
  if (m) return L === 'en' ? `Q${m[1]}` : `${roman[+m[1] - 1]} ${t(L, 'bal_q')}`;
  m = /^\d{4}-H([12])$/.exec(p);
  if (m) return L === 'en' ? `H${m[1]}` : `${roman[+m[1] - 1]} ${t(L, 'bal_h_half')}`;
  if (/^\d{4}-9M$/.test(p)) return t(L, 'bal_9m');
  if (/^\d{4}$/.test(p)) return `${t(L, 'bal_year')} ${p}`;
  return p;
}

function renderBalance(data) {
  const L = state.lang;
  const rows = Array.isArray(data.balance) ? data.balance : [];
  const num = (x, digits) => el('td', {}, fmtNumber(x, L, digits));
  const week = (w) => (w ? [num(w.working_days), num(w.hours_40, 1), num(w.hours_36, 1), num(w.hours_24, 1)] : [el('td'), el('td'), el('td'), el('td')]);
  const head2 = () => [t(L, 'bal_days'), t(L, 'bal_h40'), t(L, 'bal_h36'), t(L, 'bal_h24')].map((x) => el('th', { scope: 'col' }, x));
  const table = el('table', { class: 'balance' },
    el('caption', { class: 'visually-hidden' }, `${t(L, 'bal_h')} ${data.year ?? ''}`),
    el('thead', {},
      el('tr', {}, el('th', { scope: 'col', rowspan: 2 }, t(L, 'bal_period')),
        el('th', { scope: 'col', rowspan: 2 }, t(L, 'bal_cal_days')),
        el('th', { scope: 'col', rowspan: 2 }, t(L, 'bal_cal_wo')),
        el('th', { scope: 'colgroup', colspan: 4 }, t(L, 'bal_five')),
        el('th', { scope: 'colgroup', colspan: 4 }, t(L, 'bal_six'))),
      el('tr', {}, head2(), head2())),
    el('tbody', {}, rows.map((p) => el('tr', { class: /^\d{4}-\d{2}$/.test(p.period) ? '' : 'sum', 'data-period': p.period },
      el('th', { scope: 'row' }, periodLabel(p.period, L)),
      num(p.calendar_days), num(p.calendar_days_without_holidays), week(p.five_day), week(p.six_day)))));
  // What the numbers alone do not say: a provisional year; days that differ
  // from the Ministry's table as published (the library's balance says both).
  const notes = [];
  if (data.provisional === true) {
    notes.push(el('p', { class: 'note' }, t(L, 'bal_provisional').replace('{year}', String(data.year ?? ''))));
  }
  const pub = data.published_table;
  if (pub && Array.isArray(pub.changes) && pub.changes.length > 0) {
    notes.push(el('p', { class: 'note', id: 'bal-published' }, t(L, 'bal_published'), ' ',
      pub.changes.flatMap((c, i) => [i ? '; ' : '', `${fmtDate(c.date, L)}: ${t(L, `kind_${c.kind}`)} (${t(L, 'bal_published_was')}: ${t(L, `kind_${c.published_kind}`)})`]),
      typeof pub.source === 'string' ? [' (', english(pub.source), ')'] : null));
  }
  $('bal-table').replaceChildren(table, ...notes);
}

// ---------------------------------------------------------------- start

async function start() {
  const params = new URLSearchParams(location.search);
  state.lang = initialLang(params);
  applyLang();

  const f = {};
  for (const k of FIELDS) if (params.get(k)) f[k] = params.get(k);
  const fromUrl = Boolean(f.submitted && (f.term || f.regulation));
  writeForm({ submitted: nowAlmaty(), channel: 'provider', ...f });
  $('c-year').value = (f.submitted && /^\d{4}/.test(f.submitted) ? f.submitted : nowAlmaty()).slice(0, 4);

  for (const b of document.querySelectorAll('button.lang')) b.addEventListener('click', () => setLang(b.dataset.lang));
  $('f-regulation').addEventListener('change', syncKind);
  $('f-now').addEventListener('click', () => { $('f-submitted').value = nowAlmaty(); });
  $('print').addEventListener('click', () => window.print());
  $('due-form').addEventListener('submit', (e) => { e.preventDefault(); evaluate(readForm()); });
  $('cal-form').addEventListener('submit', (e) => { e.preventDefault(); loadCalendar(); });

  const [regs, ver] = await Promise.all([getJson('/v1/regulations'), getJson('/v1/version')]);
  if (regs.ok && Array.isArray(regs.data)) { state.regulations = regs.data; fillRegulations(); }
  if (ver.ok && typeof ver.data.data_version === 'string') $('data-version').textContent = ver.data.data_version;
  if (f.regulation) writeForm({ submitted: nowAlmaty(), channel: 'provider', ...f });

  const jobs = [loadCalendar({ focus: false })];
  if (fromUrl) jobs.push(evaluate(readForm(), { focus: false }));
  await Promise.all(jobs);
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  // The last guard: the page stays usable and says what went wrong.
  const box = $('err-form');
  if (box) { box.textContent = t(state.lang, 'err_generic'); box.hidden = false; }
  document.body.dataset.ready = 'true';
  console.error(e);
});
