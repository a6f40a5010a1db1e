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

-- Poster sessions: teams' posters in slots from a start time, scored on a phone by staff (and peers, if the instructor
-- wants) with the rubric of the poster item's written questions; each scorer's items per question are kept, the poster's
-- score (staff mean, peers weighted in) goes to the gradebook for each member of the team.
create table poster_session (
    id            bigserial   primary key,
    course_id     bigint      not null references course (id) on delete cascade,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    title         text        not null,
    item_key      text        not null,
    starts_at     timestamptz not null,
    slot_minutes  integer     not null check (slot_minutes between 5 and 240),
    peers_score   boolean     not null default false,
    peer_weight   integer     not null default 0 check (peer_weight between 0 and 50),
    created_at    timestamptz not null default now()
);
create index poster_session_course_idx on poster_session (course_id);

create table poster_slot (
    session_id bigint  not null references poster_session (id) on delete cascade,
    team_id    bigint  not null references project_team (id) on delete cascade,
    position   integer not null check (position >= 0),
    board      text    not null default '',
    primary key (session_id, team_id),
    unique (session_id, position)
);

create table poster_score (
    session_id  bigint      not null,
    team_id     bigint      not null,
    scorer_id   bigint      not null references account (id) on delete cascade,
    peer        boolean     not null,
    question_id bigint      not null references written_question (id) on delete cascade,
    items       bigint[]    not null default '{}',
    comment     text        not null default '',
    updated_at  timestamptz not null default now(),
    primary key (session_id, team_id, scorer_id, question_id),
    foreign key (session_id, team_id) references poster_slot (session_id, team_id) on delete cascade
);
