-- Legal terms (the library's README examples). A timestamp without time zone
-- is the office's local time (Asia/Almaty unless tz says otherwise); a
-- timestamptz is an instant.
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 working days');
SELECT * FROM merzim.due('2026-03-20 16:30'::timestamp, '22 рабочих дня', channel => 'state_corporation');
SELECT (merzim.due('2026-03-20 16:30'::timestamp, '22 working days', start => 'next_day')).due;
SELECT (merzim.due('2026-03-20 11:30+00'::timestamptz, '22 working days')).due;
SELECT (merzim.due('2026-03-20 16:30'::timestamp, '3 hours', tz => 'Asia/Aqtobe')).due;
SELECT (merzim.due('2026-03-20 16:30'::timestamp, '2 working days', schedule => '09:00-18:00')).due;
SELECT (merzim.due('2026-03-20 16:30'::timestamp, '2 working days', week => 'six')).due;
-- The due instant alone: merzim.due_at() = (merzim.due()).due.
SELECT merzim.due_at('2026-03-20 16:30'::timestamp, '22 working days'),
       merzim.due_at('2026-03-20 11:30+00'::timestamptz, '22 рабочих дня', channel => 'state_corporation');
-- Almaty went from UTC+6 to UTC+5 on 2024-03-01.
SELECT (merzim.due('2024-02-28 10:00'::timestamp, '2 working days')).due;
-- A regulation's timeline.
SELECT number, duration, start, "end", action
FROM merzim.timeline('east-kazakhstan-2016-land-purpose-change', '2026-03-18 16:30'::timestamp);
SELECT count(*), max("end") FROM merzim.timeline('east-kazakhstan-2016-land-purpose-change', '2026-03-18 16:30'::timestamp,
                                             channel => 'state_corporation', outcome => 'refuse');
SELECT number, action FROM merzim.timeline('east-kazakhstan-2016-land-purpose-change', '2026-03-18 16:30'::timestamp, lang => 'ru') LIMIT 2;
-- The batch contract: the same answer as every other face.
SELECT merzim.evaluate('{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}');
SELECT merzim.evaluate_text('{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}');
SELECT merzim.evaluate('{"id": "a2", "submitted": "2031-01-05T10:00", "term": "1 working day"}');
SELECT merzim.evaluate('{"id": "r", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30"}') -> 'end';
-- The start rules of the overall term and the refusal, and the data's date.
SELECT r -> 'refusal_due' AS refusal_due, r -> 'term_due' AS term_due, r -> 'data_as_of' AS data_as_of
FROM (SELECT merzim.evaluate('{"id": "r2", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T10:00", "refusal_start": "next_day", "term_start": "next_day"}') AS r) q;
SELECT merzim.evaluate_text('not json');
-- A regulation kept in a table, for timeline() and evaluate() (never a path
-- the server reads).
CREATE TABLE my_regulation (id text PRIMARY KEY, definition text NOT NULL);
INSERT INTO my_regulation VALUES ('test-two-steps', $$
id = "test-two-steps"
title = { kk = "Сынақ", ru = "Тест", en = "Test" }
channels = ["provider", "state_corporation"]
[act]
body = { kk = "Сынақ", ru = "Тест", en = "Test" }
kind = "order"
number = "1"
date = "2020-01-01"
source = "a test"
[term]
alternatives = ["5 working days"]
[[step]]
number = 1
actor = { kk = "кеңсе", ru = "канцелярия", en = "office" }
action = { kk = "тіркейді", ru = "регистрирует", en = "registers" }
duration = "15 minutes"
[[step]]
number = 2
actor = { kk = "орындаушы", ru = "исполнитель", en = "officer" }
action = { kk = "шешеді", ru = "решает", en = "decides" }
duration = "2 working days"
$$);
SELECT t.* FROM my_regulation r, merzim.timeline(r.id, '2026-03-20 16:30'::timestamp, definition => r.definition) t;
SELECT merzim.evaluate('{"id": 1, "regulation": "test-two-steps", "submitted": "2026-03-20T16:30"}',
                       regulations => ARRAY(SELECT definition FROM my_regulation));
SELECT merzim.evaluate('{"id": 1, "regulation": "no-such", "submitted": "2026-03-18T16:30"}') -> 'error' ->> 'kind';
