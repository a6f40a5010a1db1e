-- A queued run replaced by a newer version of the same student's submission before its turn came.
alter table grading_run drop constraint grading_run_status_check;
alter table grading_run add constraint grading_run_status_check
    check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SUPERSEDED'));

-- How often a pool job's worker died under it (its heartbeat lapsed); the second death ends the job.
create table pool_dead_worker (
    task_name     text        not null,
    task_instance text        not null,
    deaths        integer     not null,
    last_worker   text,
    last_death_at timestamptz not null default now(),
    primary key (task_name, task_instance)
);

-- Each pool node says at start what it can run and which job kinds it claims (shown to site admins).
create table pool_node (
    name        text        primary key,
    started_at  timestamptz not null default now(),
    can_run     text        not null,
    claims      text        not null
);
