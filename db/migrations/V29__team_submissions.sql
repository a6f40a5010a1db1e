-- Team submissions (org.lectern.submission): an assignment marked team (assignment.team) takes one submission per
-- team. Each version records the team it belongs to and, as before, who made it (account_id, submitted_by); versions
-- are numbered per team and the team's latest version counts for every member. team_id is a plain id, not a foreign
-- key: team ids are never reused, and a team deleted when its last member leaves must not turn its versions into
-- someone's own (they would then collide with that person's numbering).
alter table submission add column team_id bigint;
alter table submission drop constraint submission_assignment_id_account_id_version_key;
create unique index submission_own_version_idx on submission (assignment_id, account_id, version) where team_id is null;
create unique index submission_team_version_idx on submission (assignment_id, team_id, version) where team_id is not null;

-- The gradebook keeps which team a reported work score came from, so the course's team late-day rule
-- (PolicyDocument lateDays.teamLateDays) can charge the members of one team together.
alter table work_score add column team_id bigint;
