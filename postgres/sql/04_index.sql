-- IMMUTABLE and PARALLEL SAFE: in an index, a generated column and a parallel plan.
CREATE TABLE application (
    id int PRIMARY KEY,
    submitted timestamp NOT NULL,
    received date NOT NULL,
    term int NOT NULL,
    answer_by date GENERATED ALWAYS AS (merzim.add_working_days(received, term)) STORED
);
INSERT INTO application (id, submitted, received, term)
SELECT i, timestamp '2024-01-01 09:00' + (i % 900) * interval '1 day' + (i % 37) * interval '13 minutes',
       date '2024-01-01' + (i % 900), 1 + i % 30
FROM generate_series(1, 20000) AS i;
CREATE INDEX application_due ON application (((merzim.due(submitted, '22 working days')).due));
CREATE INDEX application_working ON application (received) WHERE merzim.is_working_day(received);
CREATE INDEX application_due_at ON application (merzim.due_at(submitted, '15 working days', channel => 'portal'));
ANALYZE application;
SELECT answer_by FROM application WHERE id = 80;          -- 2024-03-21, term 21
SELECT merzim.add_working_days('2024-03-21', 21);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM application
WHERE (merzim.due(submitted, '22 working days')).due < '2024-03-01';
SELECT count(*) FROM application WHERE (merzim.due(submitted, '22 working days')).due < '2024-03-01';
EXPLAIN (COSTS OFF) SELECT count(*) FROM application
WHERE merzim.due_at(submitted, '15 working days', channel => 'portal') BETWEEN '2024-05-01' AND '2024-05-31';
SELECT count(*) FROM application
WHERE merzim.due_at(submitted, '15 working days', channel => 'portal') BETWEEN '2024-05-01' AND '2024-05-31';
RESET enable_seqscan;
SELECT count(*) FROM application WHERE (merzim.due(submitted, '22 working days')).due < '2024-03-01';
-- A parallel plan.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(merzim.add_working_days(received, term) - received) FROM application;
EXPLAIN (COSTS OFF) SELECT count(*) FROM application WHERE (merzim.due(submitted, '22 working days')).handoff IS NULL;
SELECT sum(merzim.add_working_days(received, term) - received) FROM application;
SELECT sum(answer_by - received) FROM application;
