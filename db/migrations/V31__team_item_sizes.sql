-- A team item may take teams of its own size range; null means the course's team sizes.
alter table assignment add column team_min_size int, add column team_max_size int;
alter table assignment add constraint assignment_team_sizes check (
    (team_min_size is null or team_min_size between 1 and 20)
    and (team_max_size is null or team_max_size between 1 and 20)
    and (team_min_size is null or team_max_size is null or team_min_size <= team_max_size));
