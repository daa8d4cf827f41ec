package cn.dayuan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevisionComparisonTest {

    private static RevisionDetail revision(int number, String title, String body) {
        return new RevisionDetail(new RevisionSummary(number, "editor", Instant.now(), List.of("title"), false), title,
                null, null, body, "minsheng", null, null, null, null, List.of(), RightsType.ORIGINAL,
                ArticleStatus.DRAFT, null, null, false, false, true, Provenance.NONE);
    }

    @Test
    void changedCharactersAreMarkedAndEverythingElseIsEscaped() {
        RevisionComparison comparison = RevisionComparison.of(
                revision(1, "区政府召开会议", "<p>第一段不变。</p><p>会议由<b>副区长</b>主持。</p>"),
                revision(2, "区政府12月1日召开会议 <script>", "<p>第一段不变。</p><p>会议由区长主持。</p><p>新加的一段。</p>"));

        assertThat(comparison.fields()).hasSize(1);
        RevisionComparison.Line title = comparison.fields().get(0);
        assertThat(title.label()).isEqualTo("标题");
        assertThat(title.after()).contains("<ins>12月1日</ins>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(comparison.body()).extracting(RevisionComparison.Line::tag)
                .containsExactly("EQUAL", "CHANGE", "INSERT");
        assertThat(comparison.body().get(1).before()).contains("<del>副</del>");
        assertThat(comparison.body().get(2).after()).contains("新加的一段");
    }
}
