-- Quizzes: questions in pools (each attempt draws from every pool), a window and a time limit,
-- attempts whose deadline is fixed on the server when they start, answers saved one by one as they
-- are given, and marks (automatic, or by a TA for short text answers).

create table quiz (
    id                 bigserial     primary key,
    course_id          bigint        not null references course (id) on delete cascade,
    item_id            bigint        references course_item (id) on delete set null,
    short_name         text          not null,
    title              text          not null,
    open_at            timestamptz   not null,
    close_at           timestamptz   not null,
    time_limit_minutes integer       check (time_limit_minutes is null or time_limit_minutes > 0),
    points             numeric(9, 2) not null check (points >= 0),
    category           text,
    must_pass_percent  numeric(5, 2) check (must_pass_percent is null or (must_pass_percent > 0 and must_pass_percent <= 100)),
    allow_review       boolean       not null default false,
    shuffle            boolean       not null default true,
    max_attempts       integer       not null default 1 check (max_attempts between 1 and 20),
    created_at         timestamptz   not null default now(),
    unique (course_id, short_name),
    check (close_at > open_at)
);

-- Every question belongs to a pool; an attempt draws `draw` of the pool's questions.
create table quiz_pool (
    id       bigserial primary key,
    quiz_id  bigint    not null references quiz (id) on delete cascade,
    position integer   not null,
    draw     integer   not null check (draw >= 1),
    unique (quiz_id, position)
);

-- `spec` holds what the question's kind needs (options and correct choices, the numeric answer and
-- its tolerance, accepted short answers, an explanation), as JSON, so a new kind needs no new columns.
create table quiz_question (
    id       bigserial     primary key,
    quiz_id  bigint        not null references quiz (id) on delete cascade,
    pool_id  bigint        not null references quiz_pool (id) on delete cascade,
    position integer       not null,
    kind     text          not null,
    prompt   text          not null,
    points   numeric(9, 2) not null check (points >= 0),
    spec     text          not null
);
create index quiz_question_quiz_idx on quiz_question (quiz_id);

create table quiz_attempt (
    id          bigserial     primary key,
    quiz_id     bigint        not null references quiz (id) on delete cascade,
    account_id  bigint        not null references account (id),
    number      integer       not null,
    seed        bigint        not null,
    started_at  timestamptz   not null,
    deadline    timestamptz   not null,
    state       text          not null default 'OPEN' check (state in ('OPEN', 'SUBMITTED', 'EXPIRED')),
    finished_at timestamptz,
    score       numeric(9, 2),
    possible    numeric(9, 2) not null,
    unique (quiz_id, account_id, number),
    check (deadline >= started_at)
);
create index quiz_attempt_open_idx on quiz_attempt (deadline) where state = 'OPEN';

-- One row per drawn question, in the order the student sees them; written when the attempt starts.
create table quiz_answer (
    attempt_id  bigint        not null references quiz_attempt (id) on delete cascade,
    question_id bigint        not null references quiz_question (id) on delete cascade,
    position    integer       not null,
    response    text,
    saved_at    timestamptz,
    points      numeric(9, 2),
    status      text          check (status is null or status in ('AUTO', 'PENDING', 'GRADED')),
    feedback    text,
    graded_by   bigint        references account (id),
    graded_at   timestamptz,
    primary key (attempt_id, question_id),
    unique (attempt_id, position)
);
create index quiz_answer_pending_idx on quiz_answer (status) where status = 'PENDING';
