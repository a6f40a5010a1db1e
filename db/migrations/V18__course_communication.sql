-- Course communication: Q&A posts, announcements, the office-hours queue, surveys.

-- Q&A ------------------------------------------------------------------------------------------------------------
create table qa_post (
    id               bigserial primary key,
    course_id        bigint      not null references course (id) on delete cascade,
    lecture_id       bigint      references lecture (id) on delete set null,       -- the category: a lecture,
    item_id          bigint      references course_item (id) on delete set null,   -- or an assignment; neither: general
    author_id        bigint      not null references account (id),
    title            text        not null check (length(title) between 1 and 200),
    body             text        not null check (length(body) <= 20000),
    private          boolean     not null default false,      -- visible to staff and the author only
    anonymous        boolean     not null default false,      -- author hidden from classmates, never from staff
    pinned           boolean     not null default false,
    locked           boolean     not null default false,
    resolved         boolean     not null default false,
    duplicate_of     bigint      references qa_post (id) on delete set null,
    created_at       timestamptz not null default now(),
    last_activity_at timestamptz not null default now(),
    first_staff_answer_at timestamptz,
    search           tsvector    generated always as (to_tsvector('english', title || ' ' || body)) stored
);
create index qa_post_course_idx on qa_post (course_id, last_activity_at desc);
create index qa_post_search_idx on qa_post using gin (search);

create table qa_answer (
    id         bigserial primary key,
    post_id    bigint      not null references qa_post (id) on delete cascade,
    author_id  bigint      not null references account (id),
    by_staff   boolean     not null,
    anonymous  boolean     not null default false,
    body       text        not null check (length(body) between 1 and 20000),
    endorsed   boolean     not null default false,
    created_at timestamptz not null default now(),
    search     tsvector    generated always as (to_tsvector('english', body)) stored
);
create index qa_answer_post_idx on qa_answer (post_id);
create index qa_answer_search_idx on qa_answer using gin (search);

-- Follow-up threads: on the post itself (answer_id null) or under one answer.
create table qa_comment (
    id         bigserial primary key,
    post_id    bigint      not null references qa_post (id) on delete cascade,
    answer_id  bigint      references qa_answer (id) on delete cascade,
    author_id  bigint      not null references account (id),
    by_staff   boolean     not null,
    anonymous  boolean     not null default false,
    body       text        not null check (length(body) between 1 and 5000),
    created_at timestamptz not null default now()
);
create index qa_comment_post_idx on qa_comment (post_id);

-- Who follows a post (authors and answerers automatically), and what they have seen of it.
create table qa_follow (
    post_id    bigint      not null references qa_post (id) on delete cascade,
    account_id bigint      not null references account (id) on delete cascade,
    seen_at    timestamptz not null default now(),
    primary key (post_id, account_id)
);
create index qa_follow_account_idx on qa_follow (account_id);

create table qa_preference (
    course_id  bigint not null references course (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    email      text   not null check (email in ('NONE', 'IMMEDIATE', 'DAILY')),
    primary key (course_id, account_id)
);

-- Images in posts: the bytes are a blob; the row ties it to a course so only members can fetch it.
create table qa_image (
    id           bigserial primary key,
    course_id    bigint      not null references course (id) on delete cascade,
    sha256       text        not null references blob (sha256),
    content_type text        not null check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    uploaded_by  bigint      not null references account (id),
    created_at   timestamptz not null default now()
);

-- Announcements ----------------------------------------------------------------------------------------------------
create table announcement (
    id           bigserial primary key,
    course_id    bigint      not null references course (id) on delete cascade,
    title        text        not null check (length(title) between 1 and 200),
    body         text        not null check (length(body) <= 20000),
    publish_at   timestamptz not null,
    announced    boolean     not null default false,   -- the AnnouncementPublished event has gone out
    created_by   bigint      not null references account (id),
    created_at   timestamptz not null default now()
);
create index announcement_course_idx on announcement (course_id, publish_at desc);
create index announcement_due_idx on announcement (publish_at) where not announced;

create table announcement_dismissal (
    announcement_id bigint not null references announcement (id) on delete cascade,
    account_id      bigint not null references account (id) on delete cascade,
    primary key (announcement_id, account_id)
);

-- Office hours -----------------------------------------------------------------------------------------------------
create table oh_session (
    id         bigserial primary key,
    course_id  bigint      not null references course (id) on delete cascade,
    opened_by  bigint      not null references account (id),
    location   text        not null check (length(location) between 1 and 500),   -- a room or an online link
    opened_at  timestamptz not null,
    ends_at    timestamptz not null,
    closed_at  timestamptz,
    check (ends_at > opened_at)
);
create index oh_session_course_idx on oh_session (course_id, opened_at desc);

create table oh_entry (
    id          bigserial primary key,
    session_id  bigint      not null references oh_session (id) on delete cascade,
    account_id  bigint      not null references account (id),
    topic       text        not null check (length(topic) between 1 and 500),
    private     boolean     not null default false,      -- topic hidden from other students
    status      text        not null default 'WAITING' check (status in ('WAITING', 'SERVING', 'HELPED', 'ABSENT', 'LEFT')),
    joined_at   timestamptz not null,
    taken_by    bigint      references account (id),
    taken_at    timestamptz,
    finished_at timestamptz,
    unique (session_id, account_id)   -- one entry per student per session
);
create index oh_entry_account_idx on oh_entry (account_id, finished_at);

-- Surveys ----------------------------------------------------------------------------------------------------------
create table survey (
    id            bigserial primary key,
    course_id     bigint        not null references course (id) on delete cascade,
    short_name    text          not null,
    title         text          not null check (length(title) between 1 and 200),
    anonymous     boolean       not null,
    questions     text          not null,   -- JSON list of questions
    opens_at      timestamptz   not null,
    closes_at     timestamptz   not null,
    points        numeric(9, 2),              -- participation credit; null: none
    category      text,
    created_by    bigint        not null references account (id),
    check (closes_at > opens_at)
);
create unique index survey_short_name_idx on survey (course_id, lower(short_name));

-- Who answered (for credit and for "answer once"); no time and no link to what they answered.
create table survey_answered (
    survey_id  bigint not null references survey (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    primary key (survey_id, account_id)
);

-- Named surveys: the answers with the account.
create table survey_named_response (
    survey_id  bigint not null references survey (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    answers    text   not null,
    primary key (survey_id, account_id)
);

-- Anonymous surveys: the answers with no account, no time and a random id, read back in id order (random), so neither
-- a column nor the order of reading links a response to a row of survey_answered.
create table survey_anonymous_response (
    id        uuid   primary key,
    survey_id bigint not null references survey (id) on delete cascade,
    answers   text   not null
);
create index survey_anonymous_response_survey_idx on survey_anonymous_response (survey_id, id);
