-- Autograder files have a role: a pytest file (points, visibility), a support file for the tests' side
-- (conftest.py, helper modules, data the tests read) or a file for the student's side (fixtures, data the
-- student's code reads). Support and student files carry no points; their visibility is not used.
alter table autograder_test add column role text not null default 'TEST'
    check (role in ('TEST', 'SUPPORT', 'STUDENT'));

-- What a student sees of a failing private test after release: NOTHING, MESSAGE (the exception and the
-- test's own assertion message, never the test's source) or FULL (pytest's report). Per autograder upload.
alter table autograder add column private_feedback text not null default 'MESSAGE'
    check (private_feedback in ('NOTHING', 'MESSAGE', 'FULL'));

-- The failure without the test's source, kept beside pytest's report for the MESSAGE choice.
alter table test_result add column brief text;
