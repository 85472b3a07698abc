// The service's API, as the page calls it. Never throws: every call gives
// { ok: true, data } or { ok: false, kind, message, status }.

/** A query string of the fields that are set. */
export function query(fields) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET `path` (under the page's own origin) as JSON. */
export async function getJson(path) {
  let r;
  try {
    r = await fetch(path, { headers: { accept: 'application/json' } });
  } catch (e) {
    return { ok: false, kind: 'network', message: String(e && e.message || e), status: 0 };
  }
  let body = null;
  try {
    body = await r.json();
  } catch (e) {
    return { ok: false, kind: 'bad_answer', message: `HTTP ${r.status}: not JSON`, status: r.status };
  }
  if (!r.ok) {
    const err = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : {};
    return {
      ok: false,
      kind: typeof err.kind === 'string' ? err.kind : 'bad_answer',
      message: typeof err.message === 'string' ? err.message : `HTTP ${r.status}`,
      status: r.status,
    };
  }
  if (body === null || typeof body !== 'object') {
    return { ok: false, kind: 'bad_answer', message: 'not a JSON object', status: r.status };
  }
  return { ok: true, data: body, status: r.status };
}

/**
 * The form field an error of the service is about: from the error's kind and
 * the words its message starts with (the library names what it could not
 * read). `fallback` when nothing matches.
 */
export function fieldOf(err, fallback) {
  const m = String(err.message || '');
  if (err.kind === 'out_of_coverage') return 'submitted';
  if (err.kind === 'not_found') return 'regulation';
  const rules = [
    [/schedule/i, 'schedule'],
    [/^cannot read the term|\bterm\b/i, 'term'],
    [/^cannot read the time|submitted/i, 'submitted'],
    [/^as_known_on|as known on/i, 'as_known_on'],
    [/channel/i, 'channel'],
    [/start rule|\bstart\b/i, 'start'],
    [/\bweek\b/i, 'week'],
    [/horizon/i, 'horizon'],
    [/outcome/i, 'outcome'],
  ];
  for (const [re, f] of rules) if (re.test(m)) return f;
  return fallback;
}
