package cn.dayuan.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * Two revisions side by side: the short fields that differ, and the body paragraph by paragraph with the changed
 * words marked. Every text is HTML-escaped; the only markup is the {@code <del>} and {@code <ins>} around changes.
 *
 * @param fields the fields other than the body whose values differ
 * @param body   the body's paragraphs, old beside new
 */
public record RevisionComparison(RevisionSummary from, RevisionSummary to, List<Line> fields, List<Line> body) {

    /**
     * One row: a field's label (or empty for a paragraph), its old and new text with changes marked, and whether
     * it changed ({@code CHANGE}, {@code INSERT}, {@code DELETE} or {@code EQUAL}).
     */
    public record Line(String label, String before, String after, String tag) {
    }

    private static final DiffRowGenerator WORDS = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffBySplitter(RevisionComparison::characters)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    static RevisionComparison of(RevisionDetail from, RevisionDetail to) {
        List<Line> fields = new ArrayList<>();
        field(fields, "标题", from.title(), to.title());
        field(fields, "副标题", from.subtitle(), to.subtitle());
        field(fields, "摘要", from.summary(), to.summary());
        field(fields, "栏目", from.channel(), to.channel());
        field(fields, "作者", from.author(), to.author());
        field(fields, "来源", from.source(), to.source());
        field(fields, "来源网址", from.sourceUrl(), to.sourceUrl());
        field(fields, "责任编辑", from.editor(), to.editor());
        field(fields, "关键词", String.join(" ", from.tags()), String.join(" ", to.tags()));
        field(fields, "版权", label(from.rightsType()), label(to.rightsType()));
        field(fields, "状态", from.status().label(), to.status().label());
        field(fields, "发布时间", Objects.toString(from.publishedAt(), ""), Objects.toString(to.publishedAt(), ""));
        field(fields, "封面图片", from.coverImage(), to.coverImage());
        field(fields, "头条", yes(from.headline()), yes(to.headline()));
        field(fields, "置顶", yes(from.pinned()), yes(to.pinned()));
        field(fields, "允许评论", yes(from.commentsOpen()), yes(to.commentsOpen()));
        field(fields, "原标题", from.provenance().originalTitle(), to.provenance().originalTitle());
        field(fields, "原作者", from.provenance().originalAuthor(), to.provenance().originalAuthor());
        field(fields, "原发布时间", Objects.toString(from.provenance().originalPublishedAt(), ""),
                Objects.toString(to.provenance().originalPublishedAt(), ""));
        List<Line> body = WORDS.generateDiffRows(paragraphs(from.body()), paragraphs(to.body())).stream()
                .map(row -> new Line("", row.getOldLine(), row.getNewLine(), row.getTag().name())).toList();
        return new RevisionComparison(from.revision(), to.revision(), fields, body);
    }

    private static void field(List<Line> fields, String label, String before, String after) {
        String was = Objects.toString(before, "");
        String is = Objects.toString(after, "");
        if (!was.equals(is)) {
            DiffRow row = WORDS.generateDiffRows(List.of(was), List.of(is)).get(0);
            fields.add(new Line(label, row.getOldLine(), row.getNewLine(), row.getTag().name()));
        }
    }

    /** The body's text, one block (paragraph, heading, list item, figure caption) per line. */
    static List<String> paragraphs(String html) {
        List<String> lines = new ArrayList<>();
        for (Element block : Jsoup.parseBodyFragment(html == null ? "" : html).body()
                .select("p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td")) {
            if (block.parents().stream().anyMatch(p -> p.is("p, li, blockquote, td"))) {
                continue;
            }
            String text = block.text().strip();
            if (block.select("img").size() > 0) {
                text = (text + " [图片 " + block.select("img").attr("src") + "]").strip();
            }
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** Chinese has no spaces between words: changes are marked character by character (in a list the library extends). */
    private static List<String> characters(String line) {
        return line.codePoints().mapToObj(Character::toString).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static String label(RightsType type) {
        return type == null ? "" : type.label();
    }

    private static String yes(boolean value) {
        return value ? "是" : "否";
    }
}
