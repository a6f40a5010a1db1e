-- Why a check's pairs are no evidence, shown above its results: it ran without the starter code as base code (none
-- uploaded, or unusable), so code every student received counted as a match. Null when the starter code was used.
alter table plagiarism_check add column base_code_warning text;
