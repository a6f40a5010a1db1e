package org.lectern.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NextLectureDayTest {

    @ParameterizedTest(name = "{0} (today {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-08 2024-01-11                       | 2024-01-12 | 2024-01-15
            2024-01-09 2024-01-11                       | 2024-01-12 | 2024-01-16
            2024-01-08 2024-01-10 2024-01-12            | 2024-01-12 | 2024-01-15
            2024-01-11                                  | 2024-01-12 | 2024-01-18
            2024-01-11 2024-01-09                       | 2024-01-12 | 2024-01-16
            ''                                          | 2024-01-13 | 2024-01-15
            ''                                          | 2024-01-10 | 2024-01-10
            2024-01-13 2024-01-06                       | 2024-01-13 | 2024-01-20
            """)
    void nextLectureDay(String dates, LocalDate today, LocalDate expected) {
        List<LocalDate> lectures = dates == null || dates.isBlank() ? List.of()
                : Arrays.stream(dates.trim().split("\\s+")).map(LocalDate::parse).toList();
        assertThat(NextLectureDay.after(lectures, today)).isEqualTo(expected);
    }
}
