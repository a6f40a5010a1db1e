-- Live exercise requests through the pool: the app that asks inserts a row and NOTIFYs lectern_live_request;
-- the first pool node to claim it (app replica or GPU worker, each with a warm model) answers into the row and
-- NOTIFYs lectern_live_answer; the asker reads the answer and deletes the row. Rows live for seconds.
create table live_request (
    id           bigserial primary key,
    model_key    text        not null,
    image        text        not null,  -- JSON array of the 8×8 values
    requested_at timestamptz not null default now(),
    claimed_by   text,
    claimed_at   timestamptz,
    answer       text,                  -- JSON of the explanation
    error        text,
    answered_at  timestamptz
);
create index live_request_requested_idx on live_request (requested_at);

-- Which pool node answered (for staff's view and for checking that GPU workers take their share).
alter table live_model_answer add column served_by text;
