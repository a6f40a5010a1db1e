-- Per-test visibility (Gradescope's words) and the number a Gradescope-style test carries; null: the file's.
alter table test_result add column shown text check (shown in ('VISIBLE', 'AFTER_DUE_DATE', 'AFTER_PUBLISHED', 'HIDDEN'));
alter table test_result add column number text;
