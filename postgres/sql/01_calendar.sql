-- Working days (the library's README examples).
SELECT merzim.is_working_day('2024-05-04');            -- a working Saturday (MTSZN order of 17.04.2024)
SELECT merzim.is_working_day('2026-03-24');            -- a substitute day off for Nauryz
SELECT merzim.is_working_day('2026-08-31');            -- no Constitution Day substitute since 2026
SELECT merzim.add_working_days('2026-03-20', 1);       -- Nauryz in between
SELECT merzim.add_working_days('2026-03-21', 0);       -- n = 0 rolls a day off forward
SELECT merzim.add_working_days('2026-03-26', -1);      -- and back
SELECT merzim.working_days_between('2026-03-20', '2026-03-26');
SELECT merzim.working_days_between('2026-03-26', '2026-03-20');
-- The six-day week: Saturdays work, substitutes only for Sunday holidays.
SELECT merzim.is_working_day('2026-03-28', 'six'), merzim.is_working_day('2026-03-28');
SELECT merzim.add_working_days('2026-03-20', 1, week => 'six');
-- As known on a date: before the 2024 Kurban Ait decision, 17 June 2024 was off.
SELECT merzim.is_working_day('2024-06-17'),
       merzim.is_working_day('2024-06-17', as_known_on => '2024-06-01');
-- One day, everything the calendar knows about it.
SELECT * FROM merzim.day('2026-03-24');
SELECT date, kind, working, name_en, act IS NOT NULL AS has_act FROM merzim.day('2024-05-04');
SELECT merzim.day_json('2026-01-07') ->> 'kind' AS kind, merzim.day_json('2026-01-07') -> 'names' ->> 'en' AS name;
-- A year's calendar: working days per month.
SELECT extract(month FROM date)::int AS month, count(*) FILTER (WHERE working) AS working_days
FROM merzim.calendar(2026) GROUP BY 1 ORDER BY 1;
SELECT count(*) AS days, count(*) FILTER (WHERE working) AS working FROM merzim.calendar(2025);
SELECT count(*) FILTER (WHERE working) AS six_day_working FROM merzim.calendar(2025, 'six');
SELECT kind, count(*) FROM merzim.calendar(2026) GROUP BY kind ORDER BY kind;
-- The balance of working time, as the Ministry publishes it.
SELECT period, calendar_days AS cal, calendar_days_without_holidays AS no_hol,
       five_day_working_days AS d5, five_day_hours_40 AS h5_40, five_day_hours_36 AS h5_36,
       six_day_working_days AS d6, six_day_hours_40 AS h6_40, six_day_hours_24 AS h6_24
FROM merzim.balance(2024);
SELECT period, five_day_working_days, five_day_hours_40
FROM merzim.balance(2024, as_known_on => '2024-06-01') ORDER BY calendar_days DESC LIMIT 1;
-- An overlay: a new transfer order, as text (never a path the server reads).
SELECT merzim.is_working_day('2027-01-08'),
       merzim.is_working_day('2027-01-08', overlay_toml => $$
[[act]]
id = "mtszn-order-2027-example"
body = "Ministry of Labour and Social Protection of the Population"
source = "the order's text"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
$$) AS with_overlay;
