-- Foundation: accounts, courses with per-course roles, sections, the lecture schedule,
-- the general "course item" that later features plug into, and the audit log.

create table account (
    id              bigserial primary key,
    email           text        not null,
    display_name    text        not null,
    password_hash   text,                   -- null until the person sets a password (invitation)
    site_role       text        not null default 'USER'
                    check (site_role in ('USER', 'COURSE_CREATOR', 'ADMIN')),
    failed_sign_ins integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    constraint account_email_trimmed check (email = lower(btrim(email)))
);
create unique index account_email_uq on account (email);

create table api_token (
    id           bigserial primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    token_hash   text        not null unique,  -- SHA-256 of the token: a leaked table grants nothing
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_used_at timestamptz
);
create index api_token_account_idx on api_token (account_id);

create table account_invitation (
    token_hash text        primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table course (
    id         bigserial primary key,
    code       text        not null,
    title      text        not null,
    term       text        not null,
    time_zone  text        not null,
    created_by bigint      references account (id),
    created_at timestamptz not null default now(),
    unique (code, term)
);

create table section (
    id         bigserial primary key,
    course_id  bigint not null references course (id) on delete cascade,
    name       text   not null,
    kind       text   not null default 'RECITATION' check (kind in ('LECTURE', 'RECITATION', 'LAB')),
    day_of_week smallint check (day_of_week between 1 and 7),   -- ISO: 1 = Monday
    starts_at  time,
    ends_at    time,
    location   text,
    unique (course_id, name)
);

create table membership (
    course_id  bigint      not null references course (id) on delete cascade,
    account_id bigint      not null references account (id) on delete cascade,
    role       text        not null check (role in ('INSTRUCTOR', 'TA', 'STUDENT')),
    section_id bigint      references section (id) on delete set null,
    sis_id     text,
    created_at timestamptz not null default now(),
    primary key (course_id, account_id)
);
create index membership_account_idx on membership (account_id);

create table week (
    id        bigserial primary key,
    course_id bigint  not null references course (id) on delete cascade,
    number    integer not null check (number > 0),
    title     text    not null default '',
    starts_on date    not null,
    unique (course_id, number)
);

create table lecture (
    id         bigserial primary key,
    course_id  bigint      not null references course (id) on delete cascade,
    number     integer     not null check (number > 0),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    title      text        not null,
    topics     text        not null default '',
    slides_url text,
    location   text,
    unique (course_id, number),
    check (ends_at > starts_at)
);
create index lecture_course_start_idx on lecture (course_id, starts_at);

-- A course item is anything the schedule links to: exercises, quizzes, assignments, polls.
-- Features own their items; the schedule only knows kind, title, dates and where to open it.
create table course_item (
    id         bigserial primary key,
    course_id  bigint      not null references course (id) on delete cascade,
    kind       text        not null,
    short_name text,
    title      text        not null,
    lecture_id bigint      references lecture (id) on delete set null,
    release_at timestamptz,
    due_at     timestamptz,
    route      text,
    staff_only boolean     not null default false,
    created_at timestamptz not null default now()
);
create index course_item_course_idx on course_item (course_id);

create table audit_event (
    id        bigserial primary key,
    at        timestamptz not null default now(),
    actor_id  bigint references account (id),
    course_id bigint references course (id) on delete cascade,
    action    text        not null,
    detail    text        not null default ''
);
create index audit_event_course_idx on audit_event (course_id, at);
