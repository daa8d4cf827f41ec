package cn.dayuan.portal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader address below a channel, parsed: {@code zcjh/jishixinwen/} (channel page 1),
 * {@code zcjh/jishixinwen/index_2.html} (page 2), {@code zcjh/jishixinwen/67833.html} (article),
 * {@code zcjh/jishixinwen/feed.xml} (channel feed, RSS), {@code zcjh/jishixinwen/atom.xml} (the same in Atom) or {@code zcjh/jishixinwen} (channel without the slash).
 *
 * @param channelPath slugs from the root without slashes at either end
 * @param number      page number or article id; 0 where it has no meaning
 */
record ReaderPath(Kind kind, String channelPath, long number) {

    enum Kind {
        CHANNEL_PAGE,
        /** {@code index_1.html}: page 1 under a second address, redirected to {@code /{path}/}. */
        FIRST_PAGE_ALIAS,
        ARTICLE,
        FEED,
        ATOM_FEED,
        MISSING_SLASH
    }

    private static final Pattern SLUGS = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");
    private static final Pattern PAGE = Pattern.compile("index_(\\d{1,9})\\.html");
    private static final Pattern ARTICLE = Pattern.compile("(\\d{1,18})\\.html");

    /**
     * The same page below another channel path, as a site address: the channel page, page {@code n}, the article
     * or a feed; a missing slash and {@code index_1.html} are given as the channel page.
     */
    String at(String otherChannelPath) {
        String channel = "/" + otherChannelPath + "/";
        return switch (kind) {
            case MISSING_SLASH, FIRST_PAGE_ALIAS -> channel;
            case CHANNEL_PAGE -> number == 1 ? channel : channel + "index_" + number + ".html";
            case ARTICLE -> channel + number + ".html";
            case FEED -> channel + "feed.xml";
            case ATOM_FEED -> channel + "atom.xml";
        };
    }

    /** Parses a path relative to the site root; empty when it cannot name anything below a channel. */
    static Optional<ReaderPath> parse(String path) {
        int slash = path.lastIndexOf('/');
        String directory = slash < 0 ? "" : path.substring(0, slash);
        String file = path.substring(slash + 1);
        if (SLUGS.matcher(path).matches()) {
            return Optional.of(new ReaderPath(Kind.MISSING_SLASH, path, 0));
        }
        if (!SLUGS.matcher(directory).matches()) {
            return Optional.empty();
        }
        if (file.isEmpty()) {
            return Optional.of(new ReaderPath(Kind.CHANNEL_PAGE, directory, 1));
        }
        if (file.equals("feed.xml")) {
            return Optional.of(new ReaderPath(Kind.FEED, directory, 0));
        }
        if (file.equals("atom.xml")) {
            return Optional.of(new ReaderPath(Kind.ATOM_FEED, directory, 0));
        }
        Matcher page = PAGE.matcher(file);
        if (page.matches()) {
            long number = Long.parseLong(page.group(1));
            return Optional.of(new ReaderPath(number == 1 ? Kind.FIRST_PAGE_ALIAS : Kind.CHANNEL_PAGE, directory,
                    number));
        }
        Matcher article = ARTICLE.matcher(file);
        if (article.matches()) {
            return Optional.of(new ReaderPath(Kind.ARTICLE, directory, Long.parseLong(article.group(1))));
        }
        return Optional.empty();
    }
}
