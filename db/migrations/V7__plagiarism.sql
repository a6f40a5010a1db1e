-- Plagiarism checks (issue 7): one check per run of JPlag on an assignment, its ranked pairs with
-- matched fragments, clusters and parse problems; the reference corpus an instructor uploads; and
-- the integrity cases TAs open on pairs, keyed by the two parties so that they survive re-runs.

create table plagiarism_check (
    id             bigserial primary key,
    assignment_id  bigint      not null references assignment (id) on delete cascade,
    course_id      bigint      not null references course (id) on delete cascade,
    trigger_kind   text        not null check (trigger_kind in ('MANUAL', 'DEADLINE')),
    state          text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase          text,                                  -- the engine's phase while running ("comparing")
    progress       double precision not null default 0,   -- 0..1, never decreasing
    outcome        text check (outcome in ('COMPARED', 'NO_SUBMISSIONS', 'ONE_SUBMISSION', 'TOO_FEW_PARSABLE')),
    message        text,
    comparisons    integer     not null default 0,
    flagged_pairs  integer     not null default 0,
    report_sha256  text        references blob (sha256),
    requested_by   bigint      references account (id),
    queued_at      timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
create index plagiarism_check_assignment_idx on plagiarism_check (assignment_id, id desc);
-- At most one check of an assignment is queued or running: a second request is refused.
create unique index plagiarism_check_one_active on plagiarism_check (assignment_id) where state in ('QUEUED', 'RUNNING');

-- A pair as the engine ranked it. Parties are the engine's candidate ids: u<account> for a student,
-- prev<entry>/<folder> for an earlier term's submission, ref<entry> for a reference.
create table plagiarism_pair (
    id             bigserial primary key,
    check_id       bigint      not null references plagiarism_check (id) on delete cascade,
    rank           integer     not null,
    first_party    text        not null,
    first_label    text        not null,
    first_kind     text        not null check (first_kind in ('STUDENT', 'PREVIOUS_TERM', 'REFERENCE')),
    first_origin   text,
    first_members  text        not null default '',       -- account ids, comma-separated (several for a team)
    second_party   text        not null,
    second_label   text        not null,
    second_kind    text        not null check (second_kind in ('STUDENT', 'PREVIOUS_TERM', 'REFERENCE')),
    second_origin  text,
    second_members text        not null default '',
    avg_similarity double precision not null,
    max_similarity double precision not null,
    matched_tokens integer     not null,
    flagged        boolean     not null,
    fragments      jsonb       not null,
    unique (check_id, rank)
);

create table plagiarism_cluster (
    check_id   bigint           not null references plagiarism_check (id) on delete cascade,
    position   integer          not null,
    members    text             not null,   -- labels, in the engine's order, separated by newlines
    links      integer          not null,
    strongest  double precision not null,
    mean       double precision not null,
    primary key (check_id, position)
);

create table plagiarism_problem (
    check_id  bigint  not null references plagiarism_check (id) on delete cascade,
    position  integer not null,
    party     text    not null,
    label     text    not null,
    file      text,
    kind      text    not null,
    message   text    not null,
    primary key (check_id, position)
);

-- The text each party's files were compared as (a notebook's code cells as Python), for the side-by-side view.
create table plagiarism_compared_file (
    check_id  bigint  not null references plagiarism_check (id) on delete cascade,
    party     text    not null,
    position  integer not null,
    name      text    not null,
    text      text    not null,
    primary key (check_id, party, position)
);

-- What students are checked against besides each other: earlier terms' submissions (an imported
-- archive, one folder per student) and reference solutions (AI-generated, published).
create table plagiarism_corpus_entry (
    id            bigserial primary key,
    assignment_id bigint      not null references assignment (id) on delete cascade,
    kind          text        not null check (kind in ('PREVIOUS_TERM', 'REFERENCE')),
    label         text        not null,
    origin        text        not null,           -- "ChatGPT-4o, 2026-10-02", or the term "2025 autumn"
    created_by    bigint      references account (id),
    created_at    timestamptz not null default now()
);
create index plagiarism_corpus_entry_assignment_idx on plagiarism_corpus_entry (assignment_id);
-- An earlier term is imported once per assignment.
create unique index plagiarism_corpus_one_term on plagiarism_corpus_entry (assignment_id, origin) where kind = 'PREVIOUS_TERM';

create table plagiarism_corpus_file (
    entry_id     bigint not null references plagiarism_corpus_entry (id) on delete cascade,
    folder       text   not null default '',      -- the student's folder in an earlier term's archive; '' for a reference
    path         text   not null,
    blob_sha256  text   not null references blob (sha256),
    primary key (entry_id, folder, path)
);

-- A TA's judgement of a pair, and the instructor's decision on a confirmed one. Keyed by the two
-- parties (party_a < party_b), not by a check, so it carries over to later checks.
create table plagiarism_case (
    id             bigserial primary key,
    assignment_id  bigint      not null references assignment (id) on delete cascade,
    course_id      bigint      not null references course (id) on delete cascade,
    party_a        text        not null,
    party_b        text        not null,
    label_a        text        not null,
    label_b        text        not null,
    members        text        not null default '',  -- the students' account ids, comma-separated
    status         text        not null check (status in ('DISMISSED', 'SUSPICIOUS', 'CONFIRMED')),
    notes          text        not null default '',
    marked_by      bigint      not null references account (id),
    marked_at      timestamptz not null,
    decision       text,
    decision_score numeric(9, 2),
    decided_by     bigint      references account (id),
    decided_at     timestamptz,
    unique (assignment_id, party_a, party_b),
    check (party_a < party_b)
);
