-- Canvas both ways. The roster's login (a NetID at most schools, not assumed to be the e-mail) as a roster CSV
-- names it; Canvas's ids for a course's items and students, read once from a Canvas gradebook export, so the
-- export Lectern writes lands in Canvas's existing assignments and rows.
alter table membership add column login text check (login is null or length(login) between 1 and 200);

create table canvas_item_link (
    course_id            bigint not null references course (id) on delete cascade,
    item_key             text   not null,
    canvas_assignment_id text   not null check (canvas_assignment_id ~ '^[0-9]{1,19}$'),
    primary key (course_id, item_key)
);

create table canvas_student_link (
    course_id      bigint not null,
    account_id     bigint not null,
    canvas_user_id text   not null check (canvas_user_id ~ '^[0-9]{1,19}$'),
    primary key (course_id, account_id),
    foreign key (course_id, account_id) references membership (course_id, account_id) on delete cascade
);
