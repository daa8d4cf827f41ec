package cn.dayuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

/** What a reader types becomes words, and what the highlighter returns becomes escaped pieces: no Spring needed. */
class SearchQueryTest {

    @Test
    void theTextIsCleanedCollapsedAndCut() {
        assertThat(SearchQuery.of(null).text()).isEmpty();
        assertThat(SearchQuery.of("  晋祠\t\n 博物馆  ").text()).isEqualTo("晋祠 博物馆");
        assertThat(SearchQuery.of("晋\u0000祠\u0007").text()).isEqualTo("晋祠");
        assertThat(SearchQuery.of("晋\u0085祠\u200B").text()).isEqualTo("晋 祠");
        assertThat(SearchQuery.of("晋\uD800祠\uDC00").text()).isEqualTo("晋祠");
        assertThat(SearchQuery.of("\uE000晋祠\uE001").text()).isEqualTo("晋祠");
        assertThat(SearchQuery.of("晋".repeat(500)).text()).hasSize(SearchQuery.MAX_LENGTH);
        assertThat(SearchQuery.of("𠀀".repeat(200)).text().codePointCount(0, SearchQuery.of("𠀀".repeat(200)).text()
                .length())).as("never half a surrogate pair").isEqualTo(SearchQuery.MAX_LENGTH);
        SearchQuery swapped = new SearchQuery("x", null, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-01-01"),
                null, 999);
        assertThat(swapped.from()).isEqualTo("2024-01-01");
        assertThat(swapped.to()).isEqualTo("2024-02-01");
        assertThat(swapped.page()).isEqualTo(SearchQuery.MAX_PAGE);
        assertThat(swapped.sort()).isEqualTo(SearchSort.RELEVANCE);
        assertThat(SearchSort.parse("DATE ")).isEqualTo(SearchSort.DATE);
        assertThat(SearchSort.parse("<script>")).isEqualTo(SearchSort.RELEVANCE);
    }

    @Test
    void queriesAreWordsNeverSyntax() {
        SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
        assertThat(ChineseAnalysis.words(analyzer, "C++编程", 32)).containsExactly("c", "编程");
        assertThat(ChineseAnalysis.words(analyzer, "5G基站", 32)).containsExactly("5", "g", "基站");
        assertThat(ChineseAnalysis.words(analyzer, "title:晋祠 AND *", 32)).containsExactly("titl", "晋", "祠", "and");
        assertThat(ChineseAnalysis.words(analyzer, "\"*?()[]{}~^", 32)).isEmpty();
        assertThat(ChineseAnalysis.words(analyzer, "一二三四五六七八九十".repeat(10), 5)).hasSize(5);
    }

    @Test
    void highlightsBecomePiecesWithoutMarkup() {
        Snippet snippet = Snippet.ofHighlights(List.of("学习\uE000C\uE001++\uE000编程\uE001<script>",
                "\uE000翻\uE001\uE000页\uE001"));
        assertThat(snippet.pieces()).containsExactly(new Snippet.Piece("学习", false), new Snippet.Piece("C", true),
                new Snippet.Piece("++", false), new Snippet.Piece("编程", true), new Snippet.Piece("<script>", false),
                new Snippet.Piece(" … ", false), new Snippet.Piece("翻页", true));
        assertThat(snippet.text()).isEqualTo("学习C++编程<script> … 翻页");
        assertThat(Snippet.ofHighlights(List.of("\uE000未闭合")).pieces())
                .containsExactly(new Snippet.Piece("未闭合", true));
        assertThat(Snippet.plain(null).isEmpty()).isTrue();
    }
}
