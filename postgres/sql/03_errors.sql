-- Errors: the library's message, with SQLSTATE 22008 outside the data's
-- coverage and 22023 for a bad term, option, overlay or regulation text.
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT merzim.is_working_day('2031-01-06');
SELECT merzim.add_working_days('2027-12-30', 5);
SELECT merzim.is_working_day('infinity');
SELECT merzim.is_working_day('2026-01-05', week => 'four');
SELECT merzim.is_working_day('2026-01-05', overlay_toml => 'not = [toml');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 working weeks');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 working days', channel => 'fax');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 working days', tz => 'Mars/Olympus');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 working days', schedule => '25:00-26:00');
SELECT * FROM merzim.due('2031-03-20 16:30'::timestamp, '22 working days');
SELECT * FROM merzim.due('2027-12-30 16:30+05'::timestamptz, '22 working days');
SELECT * FROM merzim.due('infinity'::timestamptz, '1 working day');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '1 working day', as_known_on => '1990-01-01');
SELECT * FROM merzim.timeline('no-such-regulation', '2026-03-18 16:30'::timestamp);
SELECT * FROM merzim.timeline('x', '2026-03-18 16:30'::timestamp, definition => 'not a regulation');
SELECT * FROM merzim.calendar(2040);
SELECT * FROM merzim.balance(1990);
-- The SQLSTATEs themselves.
DO $$
DECLARE s text;
BEGIN
  BEGIN PERFORM merzim.is_working_day('2031-01-06'); EXCEPTION WHEN OTHERS THEN s := SQLSTATE; END;
  RAISE NOTICE 'out of coverage: %', s;
  BEGIN PERFORM merzim.due('2026-03-20 16:30'::timestamp, 'soon'); EXCEPTION WHEN OTHERS THEN s := SQLSTATE; END;
  RAISE NOTICE 'bad term: %', s;
  BEGIN PERFORM merzim.add_working_days('2026-01-05', 1, week => 'x'); EXCEPTION WHEN OTHERS THEN s := SQLSTATE; END;
  RAISE NOTICE 'bad option: %', s;
  BEGIN PERFORM merzim.test_panic('on purpose'); EXCEPTION WHEN OTHERS THEN s := SQLSTATE; END;
  RAISE NOTICE 'panic: %', s;
END $$;
-- A panic inside the extension is an error, and the backend lives on (the
-- same process answers the next query).
SELECT pg_backend_pid() AS pid \gset
SELECT merzim.test_panic('on purpose');
SELECT pg_backend_pid() = :pid AS same_backend, merzim.is_working_day('2026-01-05') AS still_answers;
-- A batch request never raises: a failure is an answer.
SELECT merzim.evaluate('{"id": 7, "submitted": "2026-03-20T16:30", "term": "soon"}');
SELECT merzim.evaluate('[1, 2]');
-- NULL in: NULL out (no row for the set-returning functions); a NULL option
-- is its default.
SELECT merzim.is_working_day(NULL) IS NULL AS is_working_day_1,
       merzim.is_working_day('2026-03-24', NULL) AS is_working_day_week,
       merzim.is_working_day('2026-03-24', NULL, NULL) AS is_working_day_known,
       merzim.is_working_day('2026-03-24', NULL, NULL, NULL) AS is_working_day_overlay;
SELECT merzim.add_working_days(NULL, 1) IS NULL AS awd_1, merzim.add_working_days('2026-03-20', NULL) IS NULL AS awd_2,
       merzim.add_working_days('2026-03-20', 1, NULL, NULL, NULL) AS awd_options;
SELECT merzim.working_days_between(NULL, '2026-03-26') IS NULL AS wdb_1,
       merzim.working_days_between('2026-03-20', NULL) IS NULL AS wdb_2,
       merzim.working_days_between('2026-03-20', '2026-03-26', NULL, NULL, NULL) AS wdb_options;
SELECT (SELECT count(*) FROM merzim.day(NULL)) AS day_rows, merzim.day_json(NULL) IS NULL AS day_json,
       (SELECT count(*) FROM merzim.calendar(NULL)) AS calendar_rows,
       (SELECT count(*) FROM merzim.balance(NULL)) AS balance_rows,
       (SELECT count(*) FROM merzim.day('2026-03-24', NULL, NULL, NULL)) AS day_options;
SELECT merzim.due(NULL::timestamp, '1 working day') IS NULL AS due_1,
       merzim.due(NULL::timestamptz, '1 working day') IS NULL AS due_1tz,
       merzim.due('2026-03-20 16:30'::timestamp, NULL) IS NULL AS due_2,
       (merzim.due('2026-03-20 16:30'::timestamp, '22 working days', NULL, NULL, NULL, NULL, NULL, NULL, NULL)).due AS due_options;
SELECT merzim.due_at(NULL::timestamp, '1 working day') IS NULL AS due_at_1,
       merzim.due_at(NULL::timestamptz, '1 working day') IS NULL AS due_at_1tz,
       merzim.due_at('2026-03-20 16:30'::timestamp, NULL) IS NULL AS due_at_2,
       merzim.due_at('2026-03-20 16:30'::timestamp, '22 working days', NULL, NULL, NULL, NULL, NULL, NULL, NULL) AS due_at_options;
SELECT merzim.due_at('2031-03-20 16:30'::timestamp, '1 working day');
SELECT (SELECT count(*) FROM merzim.timeline(NULL, '2026-03-18 16:30'::timestamp)) AS timeline_1,
       (SELECT count(*) FROM merzim.timeline('east-kazakhstan-2016-land-purpose-change', NULL::timestamp)) AS timeline_2,
       (SELECT count(*) FROM merzim.timeline('east-kazakhstan-2016-land-purpose-change', '2026-03-18 16:30'::timestamp,
                                             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS timeline_options;
SELECT merzim.evaluate(NULL) IS NULL AS evaluate_1, merzim.evaluate_text(NULL) IS NULL AS evaluate_text_1,
       merzim.evaluate('{"id": 1, "submitted": "2026-03-20T16:30", "term": "1 working day"}', NULL, NULL) ->> 'due' AS evaluate_options;
