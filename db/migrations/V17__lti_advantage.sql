-- LTI 1.3 Advantage: platforms (LMSs) registered by a site admin, Lectern's own signing keys, the
-- one-time login states, who is who on each platform, which LMS course is which Lectern course, and
-- the outbox of scores waiting to be sent back to the LMS gradebook.

create table lti_platform (
    id             bigserial primary key,
    issuer         text        not null,
    client_id      text        not null,
    auth_login_url text        not null,
    auth_token_url text        not null,
    keyset_url     text        not null,
    created_at     timestamptz not null default now(),
    unique (issuer, client_id)
);

create table lti_deployment (
    platform_id   bigint not null references lti_platform (id) on delete cascade,
    deployment_id text   not null,
    primary key (platform_id, deployment_id)
);

-- Our RSA key pairs. The private half is PKCS#8, AES-GCM encrypted when LECTERN_LTI_KEY_SECRET is set;
-- it is never served (GET /lti/jwks builds the set from public_jwk only).
create table lti_key (
    kid         text        primary key,
    public_jwk  text        not null,
    private_key text        not null,
    encrypted   boolean     not null,
    created_at  timestamptz not null
);

-- One row per sign-in started at /lti/login; the launch deletes it, so a state (and its nonce) works once.
create table lti_login_state (
    state       text        primary key,
    nonce       text        not null,
    platform_id bigint      not null references lti_platform (id) on delete cascade,
    expires_at  timestamptz not null
);

create table lti_user_link (
    platform_id bigint      not null references lti_platform (id) on delete cascade,
    subject     text        not null,
    account_id  bigint      not null references account (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (platform_id, subject)
);

-- An LMS course ("context"); course_id stays null until an instructor links it to a Lectern course.
create table lti_context (
    platform_id     bigint      not null references lti_platform (id) on delete cascade,
    context_id      text        not null,
    title           text,
    label           text,
    course_id       bigint      references course (id) on delete cascade,
    linked_by       bigint      references account (id) on delete set null,
    deployment_id   text,
    lineitems_url   text,
    memberships_url text,
    updated_at      timestamptz not null default now(),
    primary key (platform_id, context_id)
);
create index lti_context_course_idx on lti_context (course_id);

-- A short, single-use ticket from a launch to a Lectern session, for when the LMS iframe loses cookies.
create table lti_handoff (
    token_hash  text        primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    target      text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

-- The LMS line item of a Lectern gradebook item in one LMS course (found by resource_id and tag, or created).
create table lti_line_item (
    platform_id  bigint not null,
    context_id   text   not null,
    item_key     text   not null,
    line_item_url text  not null,
    primary key (platform_id, context_id, item_key),
    foreign key (platform_id, context_id) references lti_context (platform_id, context_id) on delete cascade
);

-- Scores to send (and sent). A row is written when a released score differs from the last one written
-- for that student and item; the sender retries 429 and 5xx with backoff.
create table lti_score_outbox (
    id              bigserial   primary key,
    platform_id     bigint      not null,
    context_id      text        not null,
    course_id       bigint      not null references course (id) on delete cascade,
    item_key        text        not null,
    item_title      text        not null,
    account_id      bigint      not null references account (id) on delete cascade,
    subject         text        not null,
    score           numeric     not null,
    score_maximum   numeric     not null,
    submitted_at    timestamptz,
    created_at      timestamptz not null default now(),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text,
    foreign key (platform_id, context_id) references lti_context (platform_id, context_id) on delete cascade
);
create index lti_score_outbox_due_idx on lti_score_outbox (next_attempt_at) where status = 'PENDING';
create index lti_score_outbox_item_idx on lti_score_outbox (course_id, item_key, account_id, id);

-- A deep-linking request waiting for the instructor's choice (the return URL and the platform's opaque data).
create table lti_deep_link (
    id            text        primary key,
    platform_id   bigint      not null references lti_platform (id) on delete cascade,
    deployment_id text        not null,
    return_url    text        not null,
    data          text,
    course_id     bigint      not null references course (id) on delete cascade,
    account_id    bigint      not null references account (id) on delete cascade,
    expires_at    timestamptz not null
);
