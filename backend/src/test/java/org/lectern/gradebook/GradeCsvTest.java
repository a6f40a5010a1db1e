package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradeCsvTest {

    static final GradingScheme SCHEME = new GradingScheme(List.of(
            Category.of("Homework", "100", 0, List.of(GradedItem.of("hw1", 10), GradedItem.of("hw2", 10), GradedItem.of("hw3", 3)))),
            List.of(LetterCutoff.of("P", "50"), LetterCutoff.of("F", "0")));

    static Stream<Arguments> students() {
        return Stream.of(
                Arguments.of("Ada Lovelace", "ada@uni.edu", "Ada Lovelace", "ada@uni.edu"),
                Arguments.of("=HYPERLINK(\"http://evil\")", "+1@uni.edu", "'=HYPERLINK(\"http://evil\")", "'+1@uni.edu"),
                Arguments.of("-Bob, Jr.", "@bob", "'-Bob, Jr.", "'@bob"),
                Arguments.of(null, null, "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("students")
    void exportsOneSafeRowPerStudent(String name, String email, String nameCell, String emailCell) throws IOException {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        scores.put("hw1", ItemScore.graded(new BigDecimal("7.5")));
        scores.put("hw2", ItemScore.excusedScore());
        scores.put("hw3", ItemScore.graded(new BigDecimal("2")));
        // (7.5/10 + 2/3) / 2 = (0.75 + 0.6667) / 2 = 70.83%
        CourseGrade grade = GradeCalculator.compute(SCHEME, scores);

        String csv = GradeCsv.export(SCHEME, List.of(new GradeCsv.Row(name, email, grade)));

        List<CSVRecord> records = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList())
                .containsExactly("Student", "Email", "hw1", "hw2", "hw3", "Homework %", "Total %", "Letter");
        assertThat(records.get(1).toList())
                .containsExactly(nameCell, emailCell, "7.50", "EX", "2.00", "70.83", "70.83", "P");
    }
}
