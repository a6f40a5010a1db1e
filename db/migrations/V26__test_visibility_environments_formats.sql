-- Per-test visibility (Gradescope's words) and the number a Gradescope-style test carries; null: the file's.
alter table test_result add column shown text check (shown in ('VISIBLE', 'AFTER_DUE_DATE', 'AFTER_PUBLISHED', 'HIDDEN'));
alter table test_result add column number text;
-- The Python and package versions a run ran with ("Python 3.11.2; numpy 1.24.2, torch 1.13.1").
alter table grading_run add column environment text;
