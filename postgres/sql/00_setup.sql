-- The extension installs into its own schema, merzim.
CREATE EXTENSION merzim;
SELECT n.nspname AS schema, e.extversion = '0.1.0+' || merzim.data_version() AS version_names_data
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'merzim';
-- Every function, with its volatility, parallel safety and strictness.
SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments,
       p.provolatile AS volatility, p.proparallel AS parallel, p.proisstrict AS strict
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'merzim' ORDER BY 1, 2;
SELECT * FROM merzim.coverage();
