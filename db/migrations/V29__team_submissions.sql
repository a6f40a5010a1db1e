-- Team submissions (org.lectern.submission): an assignment marked team (assignment.team) takes one submission per
-- team. Each version records the team it belongs to and, as before, who made it (account_id, submitted_by); versions
-- are numbered per team and the team's latest version counts for every member. A team that is deleted (its last
-- member left) leaves its versions to the members who made them.
alter table submission add column team_id bigint references project_team (id) on delete set null;
create index submission_team_idx on submission (assignment_id, team_id) where team_id is not null;

-- The gradebook keeps which team a reported work score came from, so the course's team late-day rule
-- (PolicyDocument lateDays.teamLateDays) can charge the members of one team together.
alter table work_score add column team_id bigint;
