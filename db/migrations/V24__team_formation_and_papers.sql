-- Team formation by students (org.lectern.project): the course's minimum size and lock instant beside the existing
-- maximum, and invitations. A pending invitation holds a place in the team (TeamRules); one open invitation per
-- team and invitee (partial unique index). Leaving the course ends the invitations (foreign key).
alter table project_settings
    add column min_team_size integer not null default 1 check (min_team_size between 1 and 50),
    add column teams_lock_at timestamptz;
alter table project_settings add constraint project_settings_sizes check (min_team_size <= max_team_size);

create table project_team_invitation (
    id          bigserial   primary key,
    course_id   bigint      not null,
    team_id     bigint      not null,
    invitee_id  bigint      not null,
    invited_by  bigint      references account (id) on delete set null,
    status      text        not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    created_at  timestamptz not null default now(),
    answered_at timestamptz,
    foreign key (team_id, course_id) references project_team (id, course_id) on delete cascade,
    foreign key (course_id, invitee_id) references membership (course_id, account_id) on delete cascade
);
create unique index project_team_invitation_open_idx on project_team_invitation (team_id, invitee_id) where status = 'PENDING';
create index project_team_invitation_invitee_idx on project_team_invitation (course_id, invitee_id) where status = 'PENDING';

-- Paper presentations and weekly reviews (org.lectern.paper). Roles are the course's (default in PaperRoles when a
-- course has none); a group is a project team and presents at most one paper; a review is due at the paper's lecture.
create table paper_settings (
    course_id          bigint primary key references course (id) on delete cascade,
    presentation_item  text   not null default 'presentation' check (length(presentation_item) between 1 and 40),
    updated_by         bigint references account (id),
    updated_at         timestamptz not null default now()
);

create table paper_role (
    course_id bigint  not null references course (id) on delete cascade,
    position  integer not null check (position between 0 and 19),
    name      text    not null check (length(name) between 1 and 40),
    minutes   integer not null check (minutes between 1 and 180),
    primary key (course_id, position)
);

create table paper (
    id           bigserial   primary key,
    course_id    bigint      not null references course (id) on delete cascade,
    short_name   text        not null check (short_name ~ '^[A-Za-z0-9_-]{1,40}$'),
    title        text        not null check (length(title) between 1 and 300),
    authors      text        not null default '' check (length(authors) <= 300),
    link         text        not null default '' check (length(link) <= 500),
    lecture_at   timestamptz not null,
    review_points numeric(8, 2) not null default 10 check (review_points >= 0),
    team_id      bigint      references project_team (id) on delete set null, -- the service keeps it in the course
    created_at   timestamptz not null default now(),
    unique (course_id, short_name)
);
create unique index paper_one_per_team_idx on paper (team_id) where team_id is not null;

-- Who plays each role of a paper's presentation, and the role's grade (a score and a comment).
create table paper_role_holder (
    paper_id   bigint  not null references paper (id) on delete cascade,
    position   integer not null,
    account_id bigint  not null references account (id) on delete cascade,
    score      numeric(8, 2) check (score >= 0),
    comment    text    not null default '' check (length(comment) <= 4000),
    graded_by  bigint  references account (id) on delete set null,
    graded_at  timestamptz,
    primary key (paper_id, position)
);

-- The presenter's timer: the role being presented, and since when it runs (null: paused with remaining_ms left).
create table paper_timer (
    paper_id     bigint  primary key references paper (id) on delete cascade,
    position     integer not null,
    started_at   timestamptz,
    remaining_ms bigint  not null check (remaining_ms >= 0)
);

create table paper_review (
    paper_id     bigint      not null references paper (id) on delete cascade,
    account_id   bigint      not null references account (id) on delete cascade,
    summary      text        not null check (length(summary) <= 8000),
    strengths    text        not null check (length(strengths) <= 8000),
    weaknesses   text        not null check (length(weaknesses) <= 8000),
    suggestions  text        not null check (length(suggestions) <= 8000),
    questions    text        not null check (length(questions) <= 8000),
    submitted_at timestamptz not null default now(),
    score        numeric(8, 2) check (score >= 0),
    comment      text        not null default '' check (length(comment) <= 4000),
    graded_by    bigint      references account (id) on delete set null,
    graded_at    timestamptz,
    primary key (paper_id, account_id)
);

-- Project workspaces (org.lectern.project): per team a page of notes (Markdown, rendered through the sanitiser), a mentor
-- TA, and versioned files (content in blob). Members and the course's staff only (WorkspaceService).
create table project_workspace (
    team_id          bigint primary key references project_team (id) on delete cascade,
    mentor_id        bigint references account (id) on delete set null,
    notes            text   not null default '' check (length(notes) <= 100000),
    notes_updated_by bigint references account (id) on delete set null,
    notes_updated_at timestamptz
);

create table workspace_file (
    id         bigserial   primary key,
    team_id    bigint      not null references project_team (id) on delete cascade,
    name       text        not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$'),
    version    integer     not null check (version >= 1),
    sha256     text        not null references blob (sha256),
    size_bytes bigint      not null,
    created_by bigint      references account (id) on delete set null,
    created_at timestamptz not null default now(),
    unique (team_id, name, version)
);

-- Notebook runs (org.lectern.workspace): a member runs a workspace notebook top to bottom on the pool (job kind
-- "notebook-run"); each code cell's output is stored as it arrives; the executed notebook becomes a new version of the
-- file. A queued or running run holds its time limit of the team's weekly quota; an ended one is charged its time.
create table notebook_run (
    id               bigserial   primary key,
    team_id          bigint      not null references project_team (id) on delete cascade,
    course_id        bigint      not null references course (id) on delete cascade,
    file_id          bigint      not null references workspace_file (id) on delete cascade,
    started_by       bigint      references account (id) on delete set null,
    status           text        not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
    estimate_seconds integer     not null check (estimate_seconds > 0),
    code_cells       integer     not null check (code_cells >= 0),
    seconds          double precision,
    problem          text,
    packages         text        not null default '',
    worker           text,
    result_file_id   bigint      references workspace_file (id) on delete set null,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    first_output_at  timestamptz,
    finished_at      timestamptz
);
create index notebook_run_team_idx on notebook_run (team_id, created_at);

create table notebook_run_cell (
    run_id  bigint  not null references notebook_run (id) on delete cascade,
    cell    integer not null,
    stdout  text    not null,
    stderr  text    not null,
    images  text    not null default '[]', -- JSON array of base64 PNGs (at most 4 per cell)
    error   text,
    primary key (run_id, cell)
);
