-- An extension request may carry one document (a doctor's note, a letter): a PDF, PNG or JPEG kept as a blob,
-- shown only to the student who asked and to the course's staff.
alter table extension_request
    add column document_sha256 text references blob (sha256),
    add column document_name   text check (document_name is null or length(document_name) between 1 and 200);

-- How an assignment's written answers are shared among the TAs (GradingSplit) and whether graders see names.
create table written_grading_setup (
    assignment_id bigint  primary key references assignment (id) on delete cascade,
    split         text    not null default 'none' check (split in ('none', 'section', 'question', 'even')),
    anonymous     boolean not null default false
);

-- For the split by question: the graders the instructor named for each question.
create table written_question_grader (
    question_id bigint not null references written_question (id) on delete cascade,
    account_id  bigint not null references account (id) on delete cascade,
    primary key (question_id, account_id)
);

-- Students reminded of written questions they have not marked pages for, once per assignment, before its deadline.
create table written_reminder (
    assignment_id bigint      not null references assignment (id) on delete cascade,
    account_id    bigint      not null references account (id) on delete cascade,
    sent_at       timestamptz not null,
    primary key (assignment_id, account_id)
);
