-- Live model exercises: a lecture's "draw a digit and see what the network sees", answered by a warm worker.

create table live_model_exercise (
    id          bigserial primary key,
    course_id   bigint      not null references course (id) on delete cascade,
    lecture_id  bigint      references lecture (id) on delete set null,
    item_id     bigint      references course_item (id) on delete set null,
    model_key   text        not null,
    short_name  text        not null,
    title       text        not null,
    created_by  bigint      references account (id),
    created_at  timestamptz not null default now()
);
create unique index live_model_exercise_short_name_idx on live_model_exercise (course_id, lower(short_name));

-- One row per answer: who tried, what the model said, how long it took (for staff's view and the benchmark).
create table live_model_answer (
    id           bigserial primary key,
    exercise_id  bigint           not null references live_model_exercise (id) on delete cascade,
    account_id   bigint           not null references account (id) on delete cascade,
    source       text             not null check (source in ('drawing', 'picture', 'sample', 'pixels')),
    predicted    integer          not null check (predicted between 0 and 9999),
    confidence   double precision not null,
    model_millis double precision not null,
    total_millis double precision not null,
    answered_at  timestamptz      not null default now()
);
create index live_model_answer_exercise_idx on live_model_answer (exercise_id, answered_at);
