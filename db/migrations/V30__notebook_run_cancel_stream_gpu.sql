-- Notebook runs: a member or staff can cancel one (queued: ended at once; running: its worker stops it), a running
-- cell's lines are stored as they come (the cell's row is marked running until it finishes), and a run placed on the
-- pool's GPU environment records it.
alter table notebook_run drop constraint notebook_run_status_check;
alter table notebook_run add constraint notebook_run_status_check
    check (status in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'CANCELLED'));
alter table notebook_run add column cancel_requested_by bigint references account (id) on delete set null;
alter table notebook_run add column cancel_requested boolean not null default false;
alter table notebook_run add column environment text;
alter table notebook_run_cell add column running boolean not null default false;
