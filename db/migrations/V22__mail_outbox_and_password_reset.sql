-- E-mail: an outbox written in the transaction that caused each message, sent by the pool's mail task.
create table mail_outbox (
    id              bigserial primary key,
    recipient       text        not null,
    kind            text        not null,   -- invitation, password-reset, grades-released, announcement, qa-activity, qa-digest
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    created_at      timestamptz not null default now(),
    state           text        not null default 'QUEUED' check (state in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until   timestamptz,            -- a sender holds the row until then (another replica skips it)
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where state = 'QUEUED';
create index mail_outbox_failed_idx on mail_outbox (created_at) where state = 'FAILED';

-- Q&A activity waiting for a follower's daily digest.
create table mail_digest_item (
    id          bigserial primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    course_id   bigint      not null references course (id) on delete cascade,
    post_id     bigint      not null,
    post_title  text        not null,
    kind        text        not null,
    created_at  timestamptz not null default now()
);
create index mail_digest_item_account_idx on mail_digest_item (account_id);

-- Password reset links share the invitation table (single use, hashed, short-lived): purpose tells them apart.
alter table account_invitation add column purpose text not null default 'invitation'
    check (purpose in ('invitation', 'reset'));
