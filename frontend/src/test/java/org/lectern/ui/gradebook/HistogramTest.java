package org.lectern.ui.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HistogramTest {

    static List<BigDecimal> scores(String... s) {
        return java.util.Arrays.stream(s).map(BigDecimal::new).toList();
    }

    @Test
    void everyBarNamesItsRangeAndCountOnHover() {
        Document d = Jsoup.parse(Histogram.markup("h", scores("95", "91.5", "42", "100")));
        var bins = d.select("svg g.histogram-bin");
        assertThat(bins).hasSize(10);
        assertThat(bins.get(9).selectFirst("title").text()).isEqualTo("90–100%: 3 scores");
        assertThat(bins.get(4).selectFirst("title").text()).isEqualTo("40–49%: 1 score");
        assertThat(bins.get(0).selectFirst("title").text()).isEqualTo("0–9%: 0 scores");
    }

    @Test
    void screenReadersGetTheSameFiguresAsATableAndNotTheDrawing() {
        Document d = Jsoup.parse(Histogram.markup("h", scores("95", "91.5", "42", "100")));
        assertThat(d.selectFirst("svg").attr("aria-hidden")).isEqualTo("true");
        Element table = d.selectFirst("table#h-table");
        assertThat(table.parent().hasClass("visually-hidden")).as("hidden in a box, so a phone's page does not widen").isTrue();
        assertThat(table.selectFirst("caption").text()).contains("4 scores");
        var rows = table.select("tbody tr");
        assertThat(rows).hasSize(10);
        assertThat(rows.get(9).select("th").text()).isEqualTo("90–100%");
        assertThat(rows.get(9).select("td").text()).isEqualTo("3");
        assertThat(rows.get(4).select("td").text()).isEqualTo("1");
    }

    @Test
    void oneRootElementAsVaadinsHtmlNeeds() {
        Document d = Jsoup.parse(Histogram.markup("h", scores()));
        assertThat(d.body().children()).hasSize(1);
        assertThat(d.body().child(0).tagName()).isEqualTo("figure");
        assertThat(d.select("tbody td").eachText()).containsOnly("0");
    }
}
