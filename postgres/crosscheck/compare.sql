-- The cross-check: the extension's answers against the library's, on the
-- random cases the crosscheck program wrote (cal.csv, due.csv, eval.csv in
-- the current directory). An error is compared by its SQLSTATE. Prints one
-- row per function with its number of mismatches, the first mismatches, and
-- fails (a line with MISMATCH) when there is any.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE TEMP TABLE cal (
    id int, d date, n int, b date, week text, known date,
    exp_iwd text, exp_awd text, exp_wdb text);
\copy cal FROM 'cal.csv' WITH (FORMAT csv)
UPDATE cal SET week = NULL WHERE week = '';

CREATE TEMP TABLE due_case (
    id int, submitted timestamp, term text, channel text, start text, week text,
    exp_registered text, exp_due text, exp_handoff text, exp_provisional text);
\copy due_case FROM 'due.csv' WITH (FORMAT csv)
UPDATE due_case SET week = NULL WHERE week = '';

CREATE TEMP TABLE eval_case (id int, line text, answer text);
\copy eval_case FROM 'eval.csv' WITH (FORMAT csv)

-- Errors become values: 'ERR:' and the SQLSTATE.
CREATE FUNCTION pg_temp.t_iwd(d date, w text, k date) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RETURN merzim.is_working_day(d, w, k)::text;
EXCEPTION WHEN OTHERS THEN RETURN 'ERR:' || SQLSTATE; END $$;
CREATE FUNCTION pg_temp.t_awd(d date, n int, w text, k date) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RETURN merzim.add_working_days(d, n, w, k)::text;
EXCEPTION WHEN OTHERS THEN RETURN 'ERR:' || SQLSTATE; END $$;
CREATE FUNCTION pg_temp.t_wdb(a date, b date, w text, k date) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RETURN merzim.working_days_between(a, b, w, k)::text;
EXCEPTION WHEN OTHERS THEN RETURN 'ERR:' || SQLSTATE; END $$;
CREATE FUNCTION pg_temp.t_due(s timestamp, t text, c text, st text, w text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE r merzim.due_result;
BEGIN
    r := merzim.due(s, t, channel => c, start => st, week => w);
    RETURN ARRAY[r.registered::text, extract(epoch FROM r.due)::bigint::text,
                 coalesce(extract(epoch FROM r.handoff)::bigint::text, ''), r.provisional::text];
EXCEPTION WHEN OTHERS THEN RETURN ARRAY['ERR:' || SQLSTATE, '', '', ''];
END $$;

CREATE FUNCTION pg_temp.t_due_at(s timestamp, t text, c text, st text, w text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RETURN extract(epoch FROM merzim.due_at(s, t, channel => c, start => st, week => w))::bigint::text;
EXCEPTION WHEN OTHERS THEN RETURN 'ERR:' || SQLSTATE; END $$;

CREATE TEMP TABLE result AS
SELECT 'is_working_day' AS function, id, exp_iwd AS expected, pg_temp.t_iwd(d, week, known) AS got FROM cal
UNION ALL
SELECT 'add_working_days', id, exp_awd, pg_temp.t_awd(d, n, week, known) FROM cal
UNION ALL
SELECT 'working_days_between', id, exp_wdb, pg_temp.t_wdb(d, b, week, known) FROM cal
UNION ALL
SELECT 'due', id,
       concat_ws('|', exp_registered, coalesce(exp_due, ''), coalesce(exp_handoff, ''), coalesce(exp_provisional, '')),
       array_to_string(pg_temp.t_due(submitted, term, channel, start, week), '|', '')
FROM due_case
UNION ALL
SELECT 'due_at', id, CASE WHEN exp_registered LIKE 'ERR:%' THEN exp_registered ELSE exp_due END,
       pg_temp.t_due_at(submitted, term, channel, start, week)
FROM due_case
UNION ALL
SELECT 'evaluate_text', id, answer, merzim.evaluate_text(line) FROM eval_case
UNION ALL
SELECT 'evaluate (jsonb)', id, answer::jsonb::text, merzim.evaluate(line::jsonb)::text FROM eval_case;

-- The faces agree with each other too: due() gives the instant the batch
-- contract gives for the same case (the term lines of eval.csv are cases of
-- due.csv, with the same id).
INSERT INTO result
SELECT 'due = evaluate', d.id,
       extract(epoch FROM (e.answer::jsonb ->> 'due')::timestamptz)::bigint::text,
       (pg_temp.t_due(d.submitted, d.term, d.channel, d.start, d.week))[2]
FROM due_case d JOIN eval_case e ON e.id = d.id
WHERE e.line LIKE '%"term"%' AND e.answer::jsonb ? 'due';

SELECT function, count(*) AS cases,
       count(*) FILTER (WHERE expected LIKE 'ERR:%') AS errors_expected,
       count(*) FILTER (WHERE got IS DISTINCT FROM expected) AS mismatches
FROM result GROUP BY function ORDER BY function;

SELECT 'MISMATCH' AS status, r.function, r.id, r.expected, r.got
FROM result r WHERE r.got IS DISTINCT FROM r.expected
ORDER BY r.function, r.id LIMIT 20;
