-- Scores of submitted work (autograded notebooks and models, and any later kind graded per submission) as the
-- grading feature reports them (ScoreReported with its work part): the counted version's submission time, for the
-- late-day ledger, and its score out of `possible` (both null while not graded). The gradebook reads only this.
create table work_score (
    assignment_id bigint      not null references assignment (id) on delete cascade,
    account_id    bigint      not null references account (id) on delete cascade,
    submitted_at  timestamptz not null,
    score         numeric,
    possible      numeric,
    source        text        not null,
    reported_at   timestamptz not null default now(),
    primary key (assignment_id, account_id)
);

-- Work graded before this table existed is reported once, at the first start after this migration, by the grading
-- feature (it deletes this row in the transaction that reports every assignment).
create table work_score_backfill (
    what text primary key
);
insert into work_score_backfill values ('autograded');
