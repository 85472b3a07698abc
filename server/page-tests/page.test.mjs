// End-to-end tests of the web page at / in a real browser: Debian's Chromium
// driven by playwright-core, the service started on loopback. Screenshots go
// to target/page-screenshots/ (kept out of git). Exit status 1 on a failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, startServer, launch } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'target/page-screenshots');
const DOWNLOADS = path.join(ROOT, 'target/page-downloads');
fs.mkdirSync(SHOTS, { recursive: true });
fs.mkdirSync(DOWNLOADS, { recursive: true });

const server = await startServer();
const B = server.base;
const browser = await launch();
const failures = [];
let passed = 0;

async function api(p) {
  const r = await fetch(B + p);
  const body = await r.text();
  return { status: r.status, headers: r.headers, body, json: () => JSON.parse(body) };
}

/** A fresh page; every request it makes is recorded, errors of the page fail the test. */
async function open(url, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1280, height: 900 }, bypassCSP: !!opts.bypassCSP, acceptDownloads: true });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  // The browser logs every 4xx answer of the API as a console error: those are expected.
  page.on('console', (m) => { if (m.type() === 'error' && !opts.allowConsoleErrors && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) page.errors.push(m.text()); });
  if (url) await go(page, url);
  return page;
}
async function go(page, url) {
  await page.goto(B + url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}
async function done(page) {
  assert.deepEqual(page.errors, [], 'no errors in the page');
  const outside = page.requests.filter((u) => !u.startsWith(B) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'nothing loaded from outside the service');
  await page.context().close();
}
async function shot(page, name, full = true) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: full });
}

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
  }
}

/** "15.04.2026, 18:30" (kk, ru) or "15 April 2026, 18:30" (en) as "2026-04-15T18:30". */
function readShown(text) {
  let m = /(\d{2})\.(\d{2})\.(\d{4}), (\d{2}):(\d{2})/.exec(text);
  if (m) return `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  m = /(\d{1,2}) ([A-Z][a-z]+) (\d{4}), (\d{2}):(\d{2})/.exec(text);
  if (m) return `${m[3]}-${String(months.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}T${m[4]}:${m[5]}`;
  throw new Error(`no date and time in ${JSON.stringify(text)}`);
}
const local = (iso) => String(iso).slice(0, 16);

// ------------------------------------------------------------------ tests

await test('the page and its assets: content types, cache headers, CSP, 304', async () => {
  const idx = await api('/');
  assert.equal(idx.status, 200);
  assert.match(idx.headers.get('content-type'), /^text\/html; charset=utf-8/);
  assert.equal(idx.headers.get('cache-control'), 'no-cache');
  assert.match(idx.headers.get('content-security-policy'), /default-src 'none'/);
  const etag = idx.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${B}/`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  for (const [p, ct] of [['/assets/app.js', /^text\/javascript/], ['/assets/api.js', /^text\/javascript/], ['/assets/i18n.js', /^text\/javascript/], ['/assets/style.css', /^text\/css/], ['/assets/favicon.svg', /^image\/svg\+xml/]]) {
    const r = await api(p);
    assert.equal(r.status, 200, p);
    assert.match(r.headers.get('content-type'), ct, p);
  }
  assert.equal((await api('/assets/nothing.js')).status, 404);
  assert.doesNotMatch(idx.body, /https?:\/\/(?!127\.0\.0\.1)/, 'no external address in the HTML');
});

let shared = null;
await test('deadline for a State Corporation submission: the due date on the page equals the API\'s', async () => {
  const page = await open('/?lang=ru');
  await page.selectOption('#f-regulation', '');
  await page.fill('#f-term', '15 рабочих дней');
  await page.selectOption('#f-channel', 'state_corporation');
  await page.fill('#f-submitted', '2026-03-20T16:30');
  await page.click('#f-submit');
  await page.waitForSelector('#result:not([hidden])');
  const shown = readShown(await page.textContent('#due-value'));
  const a = (await api(`/v1/due?submitted=2026-03-20T16:30&term=${encodeURIComponent('15 рабочих дней')}&channel=state_corporation`)).json();
  assert.equal(shown, local(a.due), 'due date and time');
  assert.equal(await page.getAttribute('#due-value', 'datetime'), a.due);
  assert.equal(readShown(await page.textContent('[data-fact="r_handoff"]')), local(a.handoff), 'handoff');
  // The explanation: the Nauryz holidays with their name and source.
  const off = await page.textContent('#result-explain');
  assert.match(off, /Наурыз мейрамы/);
  assert.match(off, /267-II/);
  // Cited in Russian by the service, not the data's English remark.
  const ex = (await api(`/v1/due?submitted=2026-03-20T16:30&term=${encodeURIComponent('15 рабочих дней')}&channel=state_corporation&explain=true&lang=ru`)).json();
  const cited = (ex.explain || []).flatMap((x) => x.citations || []);
  assert.ok(cited.length > 0, 'the service cites the acts');
  assert.ok(off.includes(cited[0]), `the page shows the service's citation: ${cited[0]}`);
  assert.equal(await page.locator('#result-explain [lang="en"]').count(), 0, 'no English remark in the explanation');
  shared = page.url();
  const u = new URL(shared);
  assert.equal(u.searchParams.get('submitted'), '2026-03-20T16:30');
  assert.equal(u.searchParams.get('term'), '15 рабочих дней');
  assert.equal(u.searchParams.get('channel'), 'state_corporation');
  assert.equal(u.searchParams.get('lang'), 'ru');
  await shot(page, 'due-ru');
  await done(page);
});

await test('a regulation: due date, refusal deadline, handoff and the steps with who does what', async () => {
  const id = 'east-kazakhstan-2016-land-purpose-change';
  const page = await open('/?lang=kk');
  await page.selectOption('#f-regulation', id);
  await page.selectOption('#f-channel', 'state_corporation');
  await page.fill('#f-submitted', '2026-03-18T16:30');
  await page.click('#f-submit');
  await page.waitForSelector('#result:not([hidden])');
  const a = (await api(`/v1/regulations/${id}/timeline?submitted=2026-03-18T16:30&channel=state_corporation`)).json();
  const reg = (await api(`/v1/regulations/${id}`)).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(a.term_due));
  assert.equal(readShown(await page.textContent('[data-fact="r_refusal"]')), local(a.refusal_due));
  assert.equal(readShown(await page.textContent('[data-fact="r_handoff"]')), local(a.handoff));
  assert.equal(await page.locator('.timeline > li').count(), a.steps.length);
  const tl = await page.textContent('#result-timeline');
  assert.ok(tl.includes(reg.step[0].actor.kk), 'the actor of step 1, in Kazakh');
  assert.ok(tl.includes(reg.step[0].action.kk), 'the action of step 1, in Kazakh');
  assert.equal(await page.locator('[data-warning]').count(), a.warnings.length, 'every warning');
  // Each warning the library writes is said in the chosen language (here: the lapse of the law).
  assert.equal(await page.locator('[data-warning="other"]').count(), 0, 'every warning recognised');
  assert.match(await page.textContent('[data-warning="lapse"] strong'), /18\.03\.2026/);
  assert.ok(new URL(page.url()).searchParams.get('regulation') === id);
  await shot(page, 'regulation-kk');
  // A repealed regulation (no term of its own): the end of its steps is shown, and the repeal said in Kazakh.
  await page.selectOption('#f-regulation', 'akmola-2014-land-purpose-change');
  await page.click('#f-submit');
  await page.waitForSelector('[data-warning="repealed"]');
  const b = (await api('/v1/regulations/akmola-2014-land-purpose-change/timeline?submitted=2026-03-18T16:30&channel=state_corporation')).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(b.end));
  assert.equal(await page.textContent('#due-label'), 'Рәсімдердің аяқталуы');
  assert.match(await page.textContent('[data-warning="repealed"] strong'), /15\.09\.2015 күшін жойды/);
  await done(page);
});

await test('the shareable address reproduces the answer (and the issue\'s example address)', async () => {
  assert.ok(shared, 'an address from the first test');
  const page = await open(shared.slice(B.length));
  await page.waitForSelector('#result:not([hidden])');
  const a = (await api(`/v1/due?submitted=2026-03-20T16:30&term=${encodeURIComponent('15 рабочих дней')}&channel=state_corporation`)).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(a.due));
  assert.equal(await page.inputValue('#f-term'), '15 рабочих дней');
  assert.equal(await page.inputValue('#f-channel'), 'state_corporation');
  await go(page, '/?submitted=2026-03-20T16:30&term=15+working+days&channel=state_corporation&lang=ru');
  await page.waitForSelector('#result:not([hidden])');
  const b = (await api('/v1/due?submitted=2026-03-20T16:30&term=15+working+days&channel=state_corporation')).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(b.due));
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  // The folded options travel too: six-day week, the calendar as known on a date, the next-day start.
  const q = 'submitted=2024-04-26T17:00&term=10+working+days&channel=portal&start=next_day&week=six&as_known_on=2024-01-01';
  await go(page, `/?${q}&lang=kk`);
  await page.waitForSelector('#result:not([hidden])');
  const c = (await api(`/v1/due?${q}`)).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(c.due));
  assert.ok(await page.evaluate(() => document.querySelector('#more').open), 'the options are unfolded');
  assert.equal(await page.inputValue('#f-week'), 'six');
  assert.equal(await page.inputValue('#f-as-known-on'), '2024-01-01');
  assert.equal(await page.inputValue('#f-start'), 'next_day');
  const back = new URL(page.url()).searchParams;
  for (const [k, v] of new URLSearchParams(q)) assert.equal(back.get(k), v, `${k} kept in the address`);
  await done(page);
});

// What counts as English left on a kk or ru page: a word of two or more Latin
// letters in a visible text node, an <option>, or a title, aria-label or
// placeholder attribute; not counted: text inside an element marked with
// another language (lang="en": texts the service gives in English only, e.g.
// sources of acts and warnings, and the switch's "English"), <code> (codes,
// identifiers, syntax), URLs, Roman numerals (numbers: "II квартал"), and
// the names CSV, XML, iCalendar, API, merzim.
const ALLOWED = new Set(['CSV', 'XML', 'iCalendar', 'API', 'merzim']);
async function englishLeft(page, lang) {
  return page.evaluate(([lang, allowed]) => {
    const bad = [];
    const foreign = (e) => { const l = e.closest('[lang]'); return (l && l.getAttribute('lang') !== lang) || e.closest('code'); };
    const visible = (e) => { const s = getComputedStyle(e); const r = e.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || r.height > 0); };
    const check = (text, where) => {
      const t = text.replace(/https?:\/\/\S+/g, ' ');
      for (const w of t.match(/[A-Za-z]{2,}/g) || []) if (!allowed.includes(w) && !/^[IVXLC]+$/.test(w)) { bad.push(`${where}: ${w} in ${JSON.stringify(text.slice(0, 80))}`); break; }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement;
      if (!e || !n.textContent.trim() || ['SCRIPT', 'STYLE', 'OPTION'].includes(e.tagName)) continue;
      if (foreign(e) || !visible(e)) continue;
      check(n.textContent, `text <${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}>`);
    }
    for (const o of document.querySelectorAll('option')) if (!foreign(o)) check(o.textContent, 'option');
    for (const e of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (foreign(e)) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) if (e.getAttribute(a)) check(e.getAttribute(a), `@${a}`);
    }
    check(document.title, 'title');
    return bad;
  }, [lang, [...ALLOWED]]);
}

await test('no English left on the page in kk and ru; the choice is remembered', async () => {
  const page = await open('/?lang=en');
  await go(page, '/?submitted=2026-03-18T16:30&regulation=east-kazakhstan-2016-land-purpose-change&channel=state_corporation&lang=en');
  await page.waitForSelector('#result:not([hidden])');
  for (const lang of ['kk', 'ru']) {
    await page.click(`button.lang[data-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l && document.body.dataset.ready === 'true', lang);
    // Open everything folded, so that it is checked too.
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    await page.click('#cal-grid button.d >> nth=0');
    const bad = await englishLeft(page, lang);
    assert.deepEqual(bad, [], `English left in ${lang}`);
    assert.equal(await page.getAttribute(`button.lang[data-lang="${lang}"]`, 'aria-pressed'), 'true');
    // Numbers in the local conventions: "1 976,0" (a space between thousands, a decimal comma).
    const hours = await page.textContent('tr[data-period="2026"] td:nth-of-type(4)');
    assert.match(hours, /^\d{1,3}(\s\d{3})*,\d$/, `hours of 2026 in ${lang}: ${hours}`);
    await shot(page, `all-${lang}`);
  }
  await page.click('button.lang[data-lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.ready === 'true');
  assert.match(await page.textContent('tr[data-period="2026"] td:nth-of-type(4)'), /^\d{1,3}(,\d{3})*\.\d$/);
  await page.click('button.lang[data-lang="ru"]');
  await page.waitForFunction(() => document.documentElement.lang === 'ru' && document.body.dataset.ready === 'true');
  // Remembered: a fresh visit without ?lang= opens in the last choice.
  await go(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await done(page);
});

await test('a year: working days per month equal the API\'s; a day explained with its act; changes between two dates', async () => {
  const page = await open('/?lang=en');
  await page.fill('#c-year', '2024');
  await page.fill('#c-compare', '2024-01-01');
  await page.click('#c-show');
  await page.waitForSelector('table[data-month="2024-12"]');
  await page.waitForSelector('#cal-changes:not([hidden])');
  const days = (await api('/v1/calendar/2024')).json().days;
  for (let m = 1; m <= 12; m += 1) {
    const p = `2024-${String(m).padStart(2, '0')}`;
    const want = days.filter((d) => d.date.startsWith(p) && d.working).length;
    const got = Number(await page.getAttribute(`table[data-month="${p}"] .count`, 'data-working-days'));
    const text = await page.textContent(`table[data-month="${p}"] .count`);
    assert.equal(got, want, `working days in ${p}`);
    assert.ok(text.includes(String(want)), `shown for ${p}`);
    assert.equal(await page.locator(`table[data-month="${p}"] [data-date]`).count(), days.filter((d) => d.date.startsWith(p)).length);
  }
  // 4 May 2024 was worked by the Minister's order: the day explains itself.
  const d = days.find((x) => x.date === '2024-05-04');
  assert.equal(await page.getAttribute('[data-date="2024-05-04"]', 'data-kind'), d.kind);
  // Hover: the day's title says what it is.
  assert.ok((await page.getAttribute('[data-date="2024-05-04"]', 'title')).includes(d.names.en), 'the title on hover');
  await page.click('button[data-date="2024-05-04"]');
  await page.waitForSelector('#cal-detail:not([hidden])');
  const detail = await page.textContent('#cal-detail');
  assert.ok(detail.includes(d.act.title.en), 'the act\'s title');
  assert.ok(await page.locator(`#cal-detail a[href="${d.act.url}"]`).count() >= 1, 'a link to the act');
  // The acts cited, as the service renders them in English.
  assert.ok(d.citations.length > 0);
  for (const c of d.citations) assert.ok(detail.includes(c.text.en), `cited: ${c.text.en}`);
  // As known on 1 January 2024 the transfer was not yet decided: the page lists it as a change.
  const old = (await api('/v1/calendar/2024?as_known_on=2024-01-01')).json().days;
  const changed = days.filter((x, i) => x.kind !== old[i].kind || JSON.stringify(x.names) !== JSON.stringify(old[i].names)).map((x) => x.date);
  assert.ok(changed.length > 0);
  const listed = await page.$$eval('#cal-changes li[data-date]', (ls) => ls.map((l) => l.dataset.date));
  assert.deepEqual(listed, changed);
  // Six-day week: the counts follow.
  await page.selectOption('#c-week', 'six');
  await page.click('#c-show');
  await page.waitForFunction(() => document.querySelector('#dl-csv').href.includes('week=six'));
  const six = (await api('/v1/calendar/2024?week=six')).json().days;
  const jan = six.filter((x) => x.date.startsWith('2024-01') && x.working).length;
  await page.waitForFunction((n) => document.querySelector('table[data-month="2024-01"] .count')?.dataset.workingDays === String(n), jan);
  await shot(page, 'calendar-en');
  await done(page);
});

await test('a day of the calendar cites its acts in the reader\'s language, with how sure the data is', async () => {
  for (const lang of ['ru', 'kk']) {
    const page = await open(`/?lang=${lang}`);
    await page.fill('#c-year', '2026');
    await page.click('#c-show');
    await page.waitForSelector('table[data-month="2026-12"]');
    const days = (await api(`/v1/calendar/2026?lang=${lang}`)).json().days;
    for (const date of ['2026-01-01', '2026-05-27']) {
      const d = days.find((x) => x.date === date);
      assert.ok(d.citations.length > 0, `${date} has citations`);
      await page.click(`button[data-date="${date}"]`);
      await page.waitForFunction((x) => document.querySelector('#cal-detail h4')?.textContent.length > 0 && !document.querySelector('#cal-detail').hidden, date);
      const detail = await page.textContent('#cal-detail');
      for (const c of d.citations) {
        assert.ok(detail.includes(c.text[lang]), `${lang} ${date}: ${c.text[lang]} in ${detail}`);
        if (c.url) assert.ok(await page.locator(`#cal-detail a[href="${c.url}"]`).count() >= 1, `${lang} ${date}: a link`);
      }
      assert.ok(!detail.includes(d.source), `${lang} ${date}: not the data's English remark`);
      assert.equal(await page.locator('#cal-detail [lang="en"]').count(), 0, `${lang} ${date}: nothing marked English`);
      assert.deepEqual(await englishLeft(page, lang), [], `${lang} ${date}: English left`);
    }
    // 1 January cites Law 267-II in the formal style of the language.
    const jan1 = days.find((x) => x.date === '2026-01-01').citations[0];
    assert.equal(jan1.number, '267-II');
    await page.click('button[data-date="2026-01-01"]');
    assert.ok((await page.textContent('#cal-detail')).includes(jan1.text[lang]));
    await shot(page, `day-cited-${lang}`);
    await done(page);
  }
});

await test('the balance says where it differs from the Ministry\'s table as published, and a provisional year', async () => {
  const page = await open('/?lang=ru');
  await page.fill('#c-year', '2026');
  await page.click('#c-show');
  await page.waitForSelector('#bal-published');
  const changes = (await api('/v1/calendar/2026/balance')).json().published_table.changes;
  assert.ok(changes.length > 0);
  const text = await page.textContent('#bal-published');
  for (const c of changes) {
    const [y, m, d] = c.date.split('-');
    assert.ok(text.includes(`${d}.${m}.${y}`), `${c.date} in ${text}`);
  }
  await page.fill('#c-year', '2027');
  await page.click('#c-show');
  await page.waitForFunction(() => /2027 год предварительный/.test(document.querySelector('#bal-table').textContent));
  await done(page);
});

await test('downloads: CSV, iCalendar and the 1C classifier, each parsed and checked against the API', async () => {
  const page = await open('/?lang=ru');
  await page.fill('#c-year', '2024');
  await page.click('#c-show');
  await page.waitForSelector('table[data-month="2024-12"]');
  const days = (await api('/v1/calendar/2024')).json().days;
  const working = new Map(days.map((d) => [d.date, d.working]));
  const get = async (id) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
    const file = path.join(DOWNLOADS, dl.suggestedFilename());
    await dl.saveAs(file);
    return fs.readFileSync(file, 'utf8');
  };
  // CSV: a header and a row a day; "working" as the API says.
  const csv = await get('dl-csv');
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(0, 4), ['date', 'weekday', 'working', 'kind']);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows.length, 366);
  for (const r of rows) assert.equal(r[2] === 'true', working.get(r[0]), `CSV ${r[0]}`);
  assert.ok(csv.includes('Новый год'), 'names in the chosen language');
  // The same days for a spreadsheet in a Russian locale: BOM, ';', дд.мм.гггг, да/нет.
  const excel = await get('dl-excel');
  assert.ok(excel.startsWith('\ufeffДата;'), 'BOM and Russian headers');
  const xrows = excel.trim().split('\r\n').slice(1);
  assert.equal(xrows.length, 366);
  const may4 = xrows.find((l) => l.startsWith('04.05.2024;'));
  assert.ok(may4 && may4.split(';')[2] === (working.get('2024-05-04') ? 'да' : 'нет'), may4);
  // iCalendar: unfolded, every event a day off or worked day with a name.
  const ics = await get('dl-ics').then((s) => s.replace(/\r?\n[ \t]/g, ''));
  assert.match(ics, /^BEGIN:VCALENDAR/);
  const events = ics.split('BEGIN:VEVENT').slice(1);
  assert.ok(events.length > 0);
  // One event for every day that is not what its weekday makes it (a day off
  // on a weekday, a worked Saturday or Sunday), as the export defines it.
  const unusual = days.filter((d) => d.working === [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))
    .map((d) => d.date.replaceAll('-', ''));
  const got = events.map((e) => {
    assert.match(e, /SUMMARY:./);
    const m = /DTSTART;VALUE=DATE:(\d{8})/.exec(e);
    assert.ok(m, 'DTSTART of an all-day event');
    return m[1];
  });
  assert.deepEqual(got, unusual, 'the iCalendar events are the unusual days');
  // 1C: parsed by the browser's own XML parser; Work exactly on working days.
  const xml = await get('dl-1c');
  const items = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('CalendarData Item')].map((i) => [i.getAttribute('Date'), i.getAttribute('DayType'), i.getAttribute('Year')]);
  }, xml);
  assert.ok(items, 'the 1C file is well-formed XML');
  assert.equal(items.length, 366);
  for (const [date, type, year] of items) {
    const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`;
    assert.equal(year, '2024');
    assert.equal(type === 'Work', working.get(iso), `1C ${iso} ${type}`);
  }
  await done(page);
});

await test('keyboard only: Tab to the form, type, submit with Enter', async () => {
  const page = await open('/?lang=en');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip', 'the skip link comes first');
  let tabs = 0;
  while ((await page.evaluate(() => document.activeElement.id)) !== 'f-term' && tabs < 40) { await page.keyboard.press('Tab'); tabs += 1; }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-term', 'the term field is reachable by Tab');
  await page.keyboard.type('10 working days');
  await page.keyboard.press('Tab'); // the channel
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-channel');
  await page.keyboard.press('End'); // the last channel: the State Corporation
  assert.equal(await page.inputValue('#f-channel'), 'state_corporation');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result', 'focus moves to the answer');
  const submitted = await page.inputValue('#f-submitted');
  const a = (await api(`/v1/due?submitted=${submitted}&term=10+working+days&channel=state_corporation`)).json();
  assert.equal(readShown(await page.textContent('#due-value')), local(a.due));
  await shot(page, 'keyboard-en', false);
  // A day of the calendar by keyboard: focus its button, Enter, the explanation appears.
  await page.focus('button[data-date$="-01-01"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#cal-detail:not([hidden])');
  assert.match(await page.textContent('#cal-detail'), /New Year/);
  await done(page);
});

await test('errors of the API next to the field that caused them, in the chosen language', async () => {
  const page = await open('/?lang=ru');
  await page.fill('#f-term', '15 попугаев');
  await page.fill('#f-submitted', '2026-03-20T16:30');
  await page.click('#f-submit');
  await page.waitForSelector('#err-term:not([hidden])');
  assert.match(await page.textContent('#err-term'), /Срок не распознан/);
  assert.equal(await page.getAttribute('#f-term', 'aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-term');
  await page.fill('#f-term', '15 рабочих дней');
  await page.fill('#f-submitted', '2036-03-20T16:30');
  await page.click('#f-submit');
  await page.waitForSelector('#err-submitted:not([hidden])');
  assert.match(await page.textContent('#err-submitted'), /за пределы периода календаря/);
  assert.ok(await page.isHidden('#err-term'), 'the old error is gone');
  await page.fill('#f-submitted', '2026-03-20T16:30');
  await page.evaluate(() => { document.querySelector('#more').open = true; });
  await page.fill('#f-schedule', 'когда-нибудь');
  await page.click('#f-submit');
  await page.waitForSelector('#err-schedule:not([hidden])');
  assert.match(await page.textContent('#err-schedule'), /График работы не распознан/);
  await page.fill('#f-schedule', '');
  await page.fill('#c-year', '1999');
  await page.click('#c-show');
  await page.waitForSelector('#err-c-year:not([hidden])');
  await shot(page, 'errors-ru');
  await done(page);
});

await test('nothing breaks on a bad answer (wrong shapes, HTML errors, a dropped connection)', async () => {
  const page = await open('/?lang=kk', { allowConsoleErrors: true });
  const cases = [
    (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"due": 5, "explain": "x", "warnings": [1, null]}' }),
    (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '[1, 2' }),
    (r) => r.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }),
    (r) => r.fulfill({ status: 200, contentType: 'application/json', body: 'null' }),
    (r) => r.abort(),
  ];
  for (const c of cases) {
    await page.route('**/v1/due?**', c);
    await page.fill('#f-term', '15 жұмыс күні');
    await page.click('#f-submit');
    await page.waitForFunction(() => !document.querySelector('#f-submit').disabled);
    await page.unroute('**/v1/due?**');
  }
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e)), [], 'no uncaught errors');
  // And the page still answers afterwards.
  await page.fill('#f-submitted', '2026-03-20T16:30');
  await page.click('#f-submit');
  await page.waitForSelector('#result:not([hidden])');
  page.errors = [];
  await done(page);
});

await test('accessibility audit (axe-core): no serious or critical violations, each language, desktop and phone', async () => {
  for (const [lang, viewport] of [['kk', { width: 1280, height: 900 }], ['ru', { width: 390, height: 844 }], ['en', { width: 390, height: 844 }]]) {
    const page = await open(`/?submitted=2026-03-18T16:30&regulation=east-kazakhstan-2016-land-purpose-change&channel=state_corporation&lang=${lang}`, { viewport, bypassCSP: true });
    await page.waitForSelector('#result:not([hidden])');
    await page.evaluate(AXE);
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    assert.deepEqual(bad, [], `axe in ${lang} at ${viewport.width}px`);
    const minor = res.violations.filter((v) => !(v.impact === 'serious' || v.impact === 'critical'));
    if (minor.length) console.log(`     (axe, ${lang}: minor: ${minor.map((v) => v.id).join(', ')})`);
    await done(page);
  }
});

await test('a phone\'s width: nothing wider than the screen; print styles show the answer only', async () => {
  const page = await open('/?submitted=2026-03-20T16:30&term=15+working+days&channel=state_corporation&lang=ru', { viewport: { width: 390, height: 844 } });
  await page.waitForSelector('#result:not([hidden])');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 1, `the page is ${over}px wider than the screen`);
  await shot(page, 'phone-ru');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isHidden('#due-form'), 'no form in print');
  assert.ok(await page.isHidden('#calendar'), 'no calendar in print');
  assert.ok(await page.isVisible('#due-value'), 'the due date in print');
  assert.ok(await page.isVisible('#share-url-print'), 'the address in print');
  await shot(page, 'print-ru');
  await done(page);
});

await browser.close();
await server.stop();
console.log(`\n${passed} passed, ${failures.length} failed${failures.length ? `: ${failures.join('; ')}` : ''}`);
console.log(`screenshots in ${SHOTS}`);
process.exit(failures.length ? 1 : 0);
