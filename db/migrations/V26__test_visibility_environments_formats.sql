-- Per-test visibility (Gradescope's words) and the number a Gradescope-style test carries; null: the file's.
alter table test_result add column shown text check (shown in ('VISIBLE', 'AFTER_DUE_DATE', 'AFTER_PUBLISHED', 'HIDDEN'));
alter table test_result add column number text;
-- The Python and package versions a run ran with ("Python 3.11.2; numpy 1.24.2, torch 1.13.1").
alter table grading_run add column environment text;
-- The Python environment an instructor picked for an assignment's autograder; null: any worker with the packages.
alter table assignment add column environment text check (environment in ('numpy', 'pytorch-cpu', 'pytorch-cuda'));
-- A pool job that needs a named environment is claimed only by a node that offers it (pool.ClaimFilter).
alter table scheduled_tasks add column environment text;
-- The environments each pool node offers, comma-separated, so staff learn when none offers an assignment's.
alter table pool_node add column environments text not null default '';
-- Per-test visibility named in an autograder's manifest ("test_x.py::test_y": "hidden"); it narrows a marker's, never widens.
create table autograder_test_visibility (
    autograder_id bigint not null references autograder (id) on delete cascade,
    test_name     text   not null,
    shown         text   not null check (shown in ('VISIBLE', 'AFTER_DUE_DATE', 'AFTER_PUBLISHED', 'HIDDEN')),
    primary key (autograder_id, test_name)
);
