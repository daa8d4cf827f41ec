package cn.dayuan.newsroom;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An article as an editor types it into a form: its number, or its address ({@code /channel/123.html}). */
final class ArticleReference {

    private static final Pattern ARTICLE = Pattern.compile("^(?:.*/)?(\\d{1,18})(?:\\.html)?$");

    private ArticleReference() {
    }

    /** The article's id, or empty when {@code typed} names no article. */
    static Optional<Long> parse(String typed) {
        Matcher named = ARTICLE.matcher(typed.strip());
        return named.find() ? Optional.of(Long.valueOf(named.group(1))) : Optional.empty();
    }
}
