-- Assignments with autograders (public and private pytest files), submissions with receipts,
-- grading runs and their results, and db-scheduler's queue table.

-- Content-addressed file store: uploads are written here, in the same transaction as the row
-- that refers to them, before the upload is acknowledged.
create table blob (
    sha256     text        primary key,
    size_bytes bigint      not null,
    content    bytea       not null,
    created_at timestamptz not null default now()
);

create table assignment (
    id                 bigserial primary key,
    course_id          bigint      not null references course (id) on delete cascade,
    item_id            bigint      references course_item (id) on delete set null,
    short_name         text        not null,
    title              text        not null,
    kind               text        not null default 'NOTEBOOK' check (kind in ('NOTEBOOK', 'MODEL')),
    release_at         timestamptz not null,
    due_at             timestamptz not null,
    points             numeric(9, 2) not null check (points >= 0),
    team               boolean     not null default false,
    allowed_extensions text        not null default '.py,.ipynb,.zip',
    max_upload_bytes   bigint      not null default 5242880,
    cpu_seconds        integer     not null default 60,
    wall_seconds       integer     not null default 120,
    memory_mb          integer     not null default 1024,
    output_kb          integer     not null default 256,
    packages           text        not null default 'numpy',
    grades_released_at timestamptz,
    created_at         timestamptz not null default now(),
    unique (course_id, short_name),
    check (due_at >= release_at)
);

-- Starter files handed to students (notebooks, .py), versioned by upload.
create table assignment_starter_file (
    assignment_id bigint      not null references assignment (id) on delete cascade,
    path          text        not null,
    blob_sha256   text        not null references blob (sha256),
    uploaded_at   timestamptz not null default now(),
    primary key (assignment_id, path)
);

-- Each autograder upload is a new version; runs record the version they used.
create table autograder (
    id            bigserial primary key,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    version       integer     not null,
    created_by    bigint      references account (id),
    created_at    timestamptz not null default now(),
    unique (assignment_id, version)
);

create table autograder_test (
    autograder_id bigint        not null references autograder (id) on delete cascade,
    file_name     text          not null,
    blob_sha256   text          not null references blob (sha256),
    visibility    text          not null check (visibility in ('PUBLIC', 'PRIVATE')),
    points        numeric(9, 2) not null check (points >= 0),
    primary key (autograder_id, file_name)
);

create table submission (
    id             bigserial primary key,
    assignment_id  bigint      not null references assignment (id) on delete cascade,
    account_id     bigint      not null references account (id),
    version        integer     not null,
    submitted_at   timestamptz not null,            -- the time that counts (staff may back-date an on-behalf upload)
    received_at    timestamptz not null default now(),
    submitted_by   bigint      not null references account (id),
    on_behalf_reason text,
    file_name      text        not null,
    receipt_sha256 text        not null,            -- SHA-256 of the uploaded bytes, shown on the receipt
    size_bytes     bigint      not null,
    is_reference   boolean     not null default false,
    unique (assignment_id, account_id, version)
);
create index submission_assignment_idx on submission (assignment_id, account_id);

create table submission_file (
    submission_id bigint not null references submission (id) on delete cascade,
    path          text   not null,
    blob_sha256   text   not null references blob (sha256),
    primary key (submission_id, path)
);

-- A student may pick an earlier version to count (before the deadline); otherwise the latest counts.
create table submission_choice (
    assignment_id bigint      not null references assignment (id) on delete cascade,
    account_id    bigint      not null references account (id),
    submission_id bigint      not null references submission (id) on delete cascade,
    chosen_at     timestamptz not null default now(),
    primary key (assignment_id, account_id)
);

create table grading_run (
    id               bigserial primary key,
    submission_id    bigint      not null references submission (id) on delete cascade,
    autograder_id    bigint      references autograder (id),
    course_id        bigint      not null references course (id) on delete cascade,
    batch_id         bigint,                          -- a re-grade-all batch, for its progress bar
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    queued_at        timestamptz not null default now(),
    started_at       timestamptz,
    public_done_at   timestamptz,
    finished_at      timestamptz,
    attempts         integer     not null default 0,
    worker           text,
    public_earned    numeric(9, 2),
    public_possible  numeric(9, 2),
    private_earned   numeric(9, 2),
    private_possible numeric(9, 2),
    problem          text,
    public_log       text,
    private_log      text,
    removals         text
);
create index grading_run_submission_idx on grading_run (submission_id, id desc);
create index grading_run_status_idx on grading_run (status, queued_at);
create index grading_run_batch_idx on grading_run (batch_id);

create table test_result (
    run_id     bigint        not null references grading_run (id) on delete cascade,
    visibility text          not null check (visibility in ('PUBLIC', 'PRIVATE')),
    ordinal    integer       not null,
    file_name  text          not null,
    test_name  text          not null,
    passed     boolean       not null,
    outcome    text          not null,
    earned     numeric(9, 2) not null,
    possible   numeric(9, 2) not null,
    message    text,
    primary key (run_id, visibility, ordinal)
);

create sequence grading_batch_seq;

-- db-scheduler's table (its postgresql_tables.sql, with priority for fair sharing between courses).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
