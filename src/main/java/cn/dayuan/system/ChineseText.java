package cn.dayuan.system;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;

/** Chinese-text helpers backed by HanLP: pinyin slugs, keyword and summary suggestions. */
public final class ChineseText {

    /**
     * How much of a text keywords and summaries are drawn from. HanLP's TextRank grows faster than the text (a body
     * of 300,000 characters ran a 1 GB heap out of memory); the opening of an article says what it is about.
     */
    public static final int ANALYSED_LENGTH = 20_000;

    private ChineseText() {
    }

    /** "国内新闻" → "guoneixinwen"; Latin letters and digits are kept, everything else dropped. */
    public static String pinyinSlug(String name) {
        if (name == null) {
            return "";
        }
        String pinyin = HanLP.convertToPinyinString(name.trim(), "", false);
        String ascii = Normalizer.normalize(pinyin, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /** Up to {@code count} keywords of a text, most important first (TextRank over HanLP's segmentation). */
    public static List<String> keywords(String text, int count) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return HanLP.extractKeyword(opening(text), count).stream()
                .filter(word -> word.codePointCount(0, word.length()) >= 2)
                .toList();
    }

    /** A summary of at most {@code maxLength} characters made of the text's most central sentences. */
    public static String summary(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String normalized = opening(text).replaceAll("\\s+", " ").trim();
        if (normalized.length() <= maxLength) {
            return normalized;
        }
        String summary = HanLP.getSummary(normalized, maxLength);
        if (summary == null || summary.isBlank()) {
            summary = normalized;
        }
        if (!summary.endsWith("。")) {
            summary = summary + "。";
        }
        return shorten(summary, maxLength);
    }

    /** The first {@link #ANALYSED_LENGTH} chars of the text, never ending in half a surrogate pair. */
    static String opening(String text) {
        if (text.length() <= ANALYSED_LENGTH) {
            return text;
        }
        int end = ANALYSED_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The text cut to at most {@code maxLength} chars, ending in "…" when cut. Cuts between code points, so a
     * rare character outside the Basic Multilingual Plane (𣲗 in a poet's name) is never split into half a
     * surrogate pair, which XML (feeds, sitemaps) refuses.
     */
    public static String shorten(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
