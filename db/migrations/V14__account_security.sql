-- API tokens carry a name, so that a person can tell theirs apart on the token page and revoke one.
alter table api_token add column name text not null default 'API token'
    check (length(name) between 1 and 100);

-- Sign-in throttling by client address and by account at that address, not by account alone:
-- a lock on the account let anyone lock a student out, and only existing accounts were locked.
-- Keys are SHA-256 digests ("address:<ip>", "account:<email>|<ip>"), so the table holds no e-mail or address.
-- last_success_at: an e-mail that signed in from an address before is let past that address's lock.
create table sign_in_throttle (
    key_hash        text        primary key,
    failures        integer     not null,
    last_failure_at timestamptz,
    locked_until    timestamptz,
    last_success_at timestamptz
);
create index sign_in_throttle_last_failure_idx on sign_in_throttle (last_failure_at);

alter table account drop column failed_sign_ins, drop column locked_until;
