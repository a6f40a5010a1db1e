-- The gradebook: each course's grading policy (categories, weights, drops, extra credit, letters and
-- late-day rules, kept as one JSON document because it is edited and versioned as a unit), scores
-- entered by staff or imported, manual overrides, and late-day extensions. Scores of autograded
-- items come from the autograder's runs.

create table grading_policy (
    course_id  bigint      primary key references course (id) on delete cascade,
    document   text        not null,
    updated_at timestamptz not null default now(),
    updated_by bigint      references account (id)
);

create table grade_entry (
    course_id  bigint        not null references course (id) on delete cascade,
    item_key   text          not null,
    account_id bigint        not null references account (id),
    score      numeric(9, 2),
    excused    boolean       not null default false,
    entered_by bigint        references account (id),
    entered_at timestamptz   not null default now(),
    primary key (course_id, item_key, account_id)
);

create table grade_override (
    course_id  bigint        not null references course (id) on delete cascade,
    item_key   text          not null,
    account_id bigint        not null references account (id),
    score      numeric(9, 2) not null,
    reason     text          not null,
    set_by     bigint        references account (id),
    set_at     timestamptz   not null default now(),
    primary key (course_id, item_key, account_id)
);

create table grade_extension (
    id         bigserial   primary key,
    course_id  bigint      not null references course (id) on delete cascade,
    item_key   text        not null,
    account_id bigint      not null references account (id),
    new_due_at timestamptz,
    extra_days integer     check (extra_days is null or extra_days > 0),
    reason     text        not null,
    granted_by bigint      references account (id),
    granted_at timestamptz not null default now(),
    check ((new_due_at is null) <> (extra_days is null))
);
create index grade_extension_course_idx on grade_extension (course_id, account_id);
