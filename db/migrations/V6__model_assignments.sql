-- Model assignments: the hidden evaluation data and its spec per assignment, and one evaluation per
-- uploaded model (validated at upload, evaluated on the pool in a separate process).

create table model_task (
    assignment_id bigint      primary key references assignment (id) on delete cascade,
    spec          text        not null,   -- JSON: input shape, layout, normalisation, classes, metric, limits, points mapping
    data_sha256   text        not null references blob (sha256),   -- a zip of the lectern-eval-v1 folder
    images        integer     not null,
    public_images integer     not null,
    updated_by    bigint      references account (id),
    updated_at    timestamptz not null default now()
);

create table model_run (
    id                bigserial primary key,
    submission_id     bigint           not null references submission (id) on delete cascade,
    assignment_id     bigint           not null references assignment (id) on delete cascade,
    state             text             not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'INVALID', 'FAILED')),
    public_score      double precision,
    private_score     double precision,
    parameters        bigint,
    latency_ms        double precision,
    latency_p95_ms    double precision,
    device            text,
    message           text,
    created_at        timestamptz      not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);
create index model_run_submission_idx on model_run (submission_id);
create index model_run_assignment_idx on model_run (assignment_id);
