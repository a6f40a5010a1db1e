-- An extension request may carry one document (a doctor's note, a letter): a PDF, PNG or JPEG kept as a blob,
-- shown only to the student who asked and to the course's staff.
alter table extension_request
    add column document_sha256 text references blob (sha256),
    add column document_name   text check (document_name is null or length(document_name) between 1 and 200);
