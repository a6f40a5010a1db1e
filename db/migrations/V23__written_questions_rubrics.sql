-- Written questions of an assignment (alone or beside the autograder) graded with rubrics. A rubric item is one
-- row however many students it is applied to, so changing its points or text changes every grade that uses it.
create table written_question (
    id            bigserial primary key,
    assignment_id bigint        not null references assignment (id) on delete cascade,
    number        int           not null check (number between 1 and 200),
    title         text          not null,
    points        numeric(10,2) not null check (points >= 0),
    -- positive: a student starts at 0 and items add; negative: starts at full points and items take away
    grading       text          not null default 'positive' check (grading in ('positive', 'negative')),
    unique (assignment_id, number)
);

create table rubric_item (
    id          bigserial primary key,
    question_id bigint        not null references written_question (id) on delete cascade,
    position    int           not null,
    points      numeric(10,2) not null,
    text        text          not null
);
create index rubric_item_question_idx on rubric_item (question_id, position);

-- One student's grade on one question: free-form adjustment and comment; graded_at null = not graded yet.
create table written_grade (
    question_id bigint        not null references written_question (id) on delete cascade,
    account_id  bigint        not null references account (id) on delete cascade,
    adjustment  numeric(10,2) not null default 0,
    comment     text          not null default '',
    graded_by   bigint        references account (id) on delete set null,
    graded_at   timestamptz,
    primary key (question_id, account_id)
);

create table written_applied (
    question_id    bigint not null,
    account_id     bigint not null,
    rubric_item_id bigint not null references rubric_item (id) on delete cascade,
    primary key (question_id, account_id, rubric_item_id),
    foreign key (question_id, account_id) references written_grade (question_id, account_id) on delete cascade
);
create index written_applied_item_idx on written_applied (rubric_item_id);

-- A submitted PDF's pages, rendered once to PNG when the version is received (PdfPages, in a worker JVM).
create table written_page (
    submission_id bigint not null references submission (id) on delete cascade,
    page          int    not null check (page >= 1),
    blob_sha256   text   not null references blob (sha256),
    primary key (submission_id, page)
);

-- Which pages of a version answer which question (the student marks them; staff may correct).
create table written_page_mark (
    submission_id bigint not null references submission (id) on delete cascade,
    question_id   bigint not null references written_question (id) on delete cascade,
    page          int    not null,
    primary key (submission_id, question_id, page),
    foreign key (submission_id, page) references written_page (submission_id, page) on delete cascade
);

-- When students may ask for a regrade of an assignment's written questions (from release, in a window the instructor sets).
create table written_regrade_window (
    assignment_id bigint      primary key references assignment (id) on delete cascade,
    opens_at      timestamptz not null,
    closes_at     timestamptz not null check (closes_at > opens_at)
);

-- A student's regrade request on one question, answered by staff with a note; the scores before and after are kept.
create table written_regrade (
    id           bigserial primary key,
    question_id  bigint        not null references written_question (id) on delete cascade,
    account_id   bigint        not null references account (id) on delete cascade,
    reason       text          not null,
    asked_at     timestamptz   not null default now(),
    score_before numeric(10,2),
    answer       text,
    score_after  numeric(10,2),
    answered_by  bigint        references account (id) on delete set null,
    answered_at  timestamptz
);
-- One open request per student and question.
create unique index written_regrade_open_idx on written_regrade (question_id, account_id) where answered_at is null;

-- Students ask for more days on a gradebook item; an approved request becomes an ordinary extension (grade_extension).
create table extension_request (
    id          bigserial primary key,
    course_id   bigint      not null references course (id) on delete cascade,
    item_key    text        not null,
    account_id  bigint      not null references account (id) on delete cascade,
    days        int         not null check (days between 1 and 30),
    reason      text        not null,
    asked_at    timestamptz not null default now(),
    status      text        not null default 'open' check (status in ('open', 'approved', 'denied')),
    note        text,
    decided_by  bigint      references account (id) on delete set null,
    decided_at  timestamptz
);
create unique index extension_request_open_idx on extension_request (course_id, lower(item_key), account_id) where status = 'open';
