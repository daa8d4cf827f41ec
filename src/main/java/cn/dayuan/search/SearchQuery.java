package cn.dayuan.search;

import java.time.LocalDate;

import cn.dayuan.system.PlainText;

/**
 * What a reader asked for. The words are taken as typed and only ever analysed into words, never parsed as query
 * syntax; control characters and what XML cannot carry are dropped, runs of white space become one space, and the
 * text is cut at {@value #MAX_LENGTH} characters.
 *
 * @param text      the words; blank means nothing was asked
 * @param channelId a channel whose articles (its sub-channels' included) are searched; {@code null} means all
 * @param from      first day of publication, in the site's time zone; {@code null} means no lower bound
 * @param to        last day of publication (inclusive); {@code null} means no upper bound
 * @param page      1-based page number, at most {@value #MAX_PAGE}
 */
public record SearchQuery(String text, Long channelId, LocalDate from, LocalDate to, SearchSort sort, int page) {

    public static final int MAX_LENGTH = 100;
    public static final int PAGE_SIZE = 20;
    /** Deeper pages cost the index more and no reader needs them: a narrower query does better. */
    public static final int MAX_PAGE = 50;

    public SearchQuery {
        text = normalise(text);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        page = Math.min(Math.max(page, 1), MAX_PAGE);
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate earlier = to;
            to = from;
            from = earlier;
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, SearchSort.RELEVANCE, 1);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    public SearchQuery withPage(int page) {
        return new SearchQuery(text, channelId, from, to, sort, page);
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String kept = PlainText.clean(text);
        StringBuilder out = new StringBuilder(Math.min(kept.length(), MAX_LENGTH * 2));
        int count = 0;
        boolean space = false;
        for (int i = 0; i < kept.length() && count < MAX_LENGTH; ) {
            int c = kept.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.PRIVATE_USE) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                count++;
                space = false;
            }
            out.appendCodePoint(c);
            count++;
        }
        return out.toString();
    }
}
