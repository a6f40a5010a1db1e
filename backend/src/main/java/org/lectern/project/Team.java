package org.lectern.project;

import java.util.List;

/** A team of students in one course; a student is in at most one team per course. */
public record Team(long id, long courseId, String name, List<Member> members) {

    public record Member(long accountId, String name, String email) {
    }

    public Team {
        members = List.copyOf(members);
    }

    public boolean has(long accountId) {
        return members.stream().anyMatch(m -> m.accountId() == accountId);
    }
}
