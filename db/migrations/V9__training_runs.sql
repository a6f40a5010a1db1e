-- Teams (org.lectern.project): the smallest model the per-team training quota needs. A student is in at most one
-- team per course (the member key); the team size limit is the course's setting, checked by TeamService.
create table project_settings (
    course_id     bigint primary key references course (id) on delete cascade,
    max_team_size integer not null default 3 check (max_team_size between 1 and 50),
    updated_by    bigint references account (id),
    updated_at    timestamptz not null default now()
);

create table project_team (
    id         bigserial primary key,
    course_id  bigint      not null references course (id) on delete cascade,
    name       text        not null check (length(name) between 1 and 80),
    created_by bigint      references account (id),
    created_at timestamptz not null default now(),
    unique (course_id, name),
    unique (id, course_id)
);

create table project_team_member (
    course_id  bigint      not null,
    account_id bigint      not null,
    team_id    bigint      not null,
    added_at   timestamptz not null default now(),
    primary key (course_id, account_id),
    foreign key (team_id, course_id) references project_team (id, course_id) on delete cascade,
    -- leaving the course leaves the team
    foreign key (course_id, account_id) references membership (course_id, account_id) on delete cascade
);
create index project_team_member_team_idx on project_team_member (team_id);

-- Training runs (org.lectern.training): the playground's runs on the worker pool, their epochs as they arrive, the
-- datasets a course offers, and its quotas of worker time.
create table training_settings (
    course_id                bigint primary key references course (id) on delete cascade,
    student_seconds_per_week integer not null check (student_seconds_per_week >= 0),
    team_seconds_per_week    integer not null check (team_seconds_per_week >= 0),
    updated_by               bigint references account (id),
    updated_at               timestamptz not null default now()
);

create table training_dataset (
    course_id   bigint      not null references course (id) on delete cascade,
    dataset_key text        not null,
    added_by    bigint      references account (id),
    added_at    timestamptz not null default now(),
    primary key (course_id, dataset_key)
);

create table training_run (
    id               bigserial primary key,
    course_id        bigint           not null references course (id) on delete cascade,
    account_id       bigint           not null references account (id) on delete cascade,
    -- the team the student was in when the run started: its quota pays too
    team_id          bigint           references project_team (id) on delete set null,
    dataset_key      text             not null,
    architecture     text             not null,
    optimizer        text             not null,
    learning_rate    double precision not null,
    batch_size       integer          not null,
    weight_decay     double precision not null,
    epochs           integer          not null,
    seed             bigint           not null,
    state            text             not null default 'QUEUED'
                     check (state in ('QUEUED', 'RUNNING', 'DONE', 'DIVERGED', 'CANCELLED', 'STOPPED', 'FAILED')),
    -- held against the quotas while queued or running
    estimate_seconds integer          not null,
    -- the worker time the run was allowed when it started (the remaining quota, or the per-run limit)
    budget_seconds   integer,
    -- measured worker time, set when the run ends: what the quotas are charged
    charged_seconds  double precision,
    cancel_requested boolean          not null default false,
    parameters       bigint,
    device           text,
    engine           text,
    message          text,
    created_at       timestamptz      not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
create index training_run_account_idx on training_run (course_id, account_id, created_at desc);
create index training_run_team_idx on training_run (team_id, created_at) where team_id is not null;

create table training_epoch (
    run_id              bigint           not null references training_run (id) on delete cascade,
    epoch               integer          not null,
    train_loss          double precision,
    train_accuracy      double precision not null,
    validation_loss     double precision,
    validation_accuracy double precision not null,
    seconds             double precision not null,
    primary key (run_id, epoch)
);
