package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roster's login is kept as written, a NetID or an e-mail, never taken for the e-mail unless it is one. Canvas's
 * People export ("Name","Sortable Name","Login ID","SIS User ID","Section","Role") and its gradebook export ("SIS
 * Login ID") name it.
 */
class RosterLoginTest {

    static Stream<Arguments> rosters() {
        return Stream.of(
                Arguments.of("Canvas people export with a NetID login and an e-mail",
                        "Name,Email,Login ID,SIS User ID,Section,Role\nAda Lovelace,ada@uw.edu,adal,1921337,AA,Student\n",
                        "ada@uw.edu", "adal"),
                Arguments.of("Lectern's own columns with a netid column",
                        "name,email,role,section,netid\nAda Lovelace,ada@uw.edu,student,AA,adal\n", "ada@uw.edu", "adal"),
                Arguments.of("an e-mail login is the e-mail too",
                        "Name,SIS Login ID,Role\nAda Lovelace,ada@uw.edu,Student\n", "ada@uw.edu", "ada@uw.edu"),
                Arguments.of("a NetID alone is no e-mail: the row is judged for its missing e-mail",
                        "Name,SIS Login ID,Role\nAda Lovelace,adal,Student\n", "", "adal"),
                Arguments.of("a login with spaces is nothing a person types: not kept",
                        "Name,Email,Login ID\nAda Lovelace,ada@uw.edu,ada l\n", "ada@uw.edu", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rosters")
    void keepsTheLoginAsWritten(String name, String csv, String email, String login) {
        RosterCsv.Parsed p = RosterCsv.parse(csv);
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo(email);
            assertThat(r.login()).isEqualTo(login);
        });
    }
}
