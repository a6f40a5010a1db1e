-- Live in-lecture polls (Think, Group, Reveal as in the seeds) and per-student exercises.

create table poll (
    id               bigserial primary key,
    course_id        bigint      not null references course (id) on delete cascade,
    lecture_id       bigint      references lecture (id) on delete set null,
    item_id          bigint      references course_item (id) on delete set null,
    code             text        not null,
    question         text        not null,
    kind             text        not null check (kind in ('CHOICE', 'NUMBER', 'EXERCISE')),
    options          text        not null default '[]',   -- JSON array of choice labels
    correct          text,                                -- revealed at the end: a choice index or a number
    generator_key    text,                                -- EXERCISE: one shared instance for the room
    think_seconds    integer     not null check (think_seconds between 10 and 1800),
    group_seconds    integer     not null check (group_seconds between 10 and 1800),
    phase            text        not null default 'DRAFT' check (phase in ('DRAFT', 'THINK', 'GROUP', 'REVEAL', 'CLOSED')),
    phase_started_at timestamptz,
    created_by       bigint      references account (id),
    created_at       timestamptz not null default now()
);
-- A join code names one poll while it is open; closed polls free their codes.
create unique index poll_open_code_idx on poll (code) where phase <> 'CLOSED';
create index poll_course_idx on poll (course_id);

create table poll_vote (
    poll_id    bigint      not null references poll (id) on delete cascade,
    round      smallint    not null check (round in (1, 2)),
    account_id bigint      not null references account (id),
    answer     text        not null,
    voted_at   timestamptz not null default now(),
    primary key (poll_id, round, account_id)   -- one vote per student per round, enforced here
);

create table exercise (
    id            bigserial primary key,
    course_id     bigint        not null references course (id) on delete cascade,
    lecture_id    bigint        references lecture (id) on delete set null,
    item_id       bigint        references course_item (id) on delete set null,
    generator_key text          not null,
    short_name    text          not null,
    title         text          not null,
    max_attempts  integer       not null check (max_attempts between 1 and 100),
    points        numeric(9, 2) not null check (points >= 0),
    category      text,
    created_by    bigint        references account (id),
    created_at    timestamptz   not null default now()
);
create unique index exercise_short_name_idx on exercise (course_id, lower(short_name));

create table exercise_attempt (
    exercise_id bigint       not null references exercise (id) on delete cascade,
    account_id  bigint       not null references account (id),
    attempt_no  integer      not null check (attempt_no >= 1),
    answers     text         not null,   -- JSON: part id -> what the student typed
    score       numeric(7, 6) not null check (score between 0 and 1),
    created_at  timestamptz  not null default now(),
    primary key (exercise_id, account_id, attempt_no)   -- two racing submits cannot both be attempt n
);
