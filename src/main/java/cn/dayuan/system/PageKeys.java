package cn.dayuan.system;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The dependency vocabulary of the page cache. While a public page renders, the code that loads its content
 * records what the page shows ({@link #record}); when content changes, services publish a
 * {@link ContentChangedEvent} with the same keys, and exactly the pages that recorded one are evicted.
 * <p>
 * An article's key stands for everything shown of it, on its own page and in every list that shows it; the list
 * keys ({@link #LATEST}, {@link #channelList}, {@link #tagList}, {@link #relatedByTag}) stand for which articles a
 * list holds and in what order, and are announced only when an article enters, leaves or moves in them. So
 * correcting an old article's title evicts the pages that show that article, not every page of its channel.
 */
public final class PageKeys {

    /** Site settings and everything in the shared header and footer (channel menu, about text). */
    public static final String SITE = "site";
    /** The channel tree (menus, breadcrumbs, channel names). */
    public static final String CHANNELS = "channels";
    /** Which articles the site-wide lists hold (newest articles and headlines: home page, site feed, sitemap). */
    public static final String LATEST = "latest";
    /** Public-service navigation categories and links. */
    public static final String DIRECTORY = "directory";
    /**
     * The ranking of the most read articles. Views do not announce it (a view must not evict pages); it is announced
     * when a periodic check finds that cached pages show a ranking that is no longer current.
     */
    public static final String MOST_READ = "most-read";

    /**
     * The newsroom's sensitive-word list. No page shows it; it is announced so that every node rebuilds its
     * dictionary ({@link KeptDataConfig}).
     */
    public static final String SENSITIVE_WORDS = "sensitive-words";

    /** The newsroom's synonyms for search. No page shows them (search pages are never cached); like the above. */
    public static final String SEARCH_SYNONYMS = "search-synonyms";

    /**
     * The comment mode and the channels' comment rules, kept for every article page's comment form. Announced with
     * {@link #SITE}, which the pages record (every page's form may change).
     */
    public static final String COMMENT_RULES = "comment-rules";

    private static final String CHANNEL_LIST = "channel-list:";
    private static final String ARTICLE = "article:";
    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    private PageKeys() {
    }

    /** An article: its page, and what any list shows of it. */
    public static String article(long id) {
        return ARTICLE + id;
    }

    /** The article an {@link #article} key names, or {@code null} for any other key. */
    public static Long articleOf(String key) {
        if (!key.startsWith(ARTICLE)) {
            return null;
        }
        try {
            return Long.valueOf(key.substring(ARTICLE.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An article's approved comments and their count (its page, and the comment count wherever shown). */
    public static String comments(long articleId) {
        return "comments:" + articleId;
    }

    /** What pages show of a newsroom account: the publisher's name on its articles. */
    public static String publisher(String username) {
        return "publisher:" + username;
    }

    /** Which articles one channel's lists hold (its pages and feed; parents list their sub-channels' too). */
    public static String channelList(long channelId) {
        return CHANNEL_LIST + channelId;
    }

    public static boolean isChannelList(String key) {
        return key.startsWith(CHANNEL_LIST);
    }

    /** The articles chosen as most like one article's text, in the related list on its own page. */
    public static String similarTo(long articleId) {
        return "similar:" + articleId;
    }

    /** Which articles one tag's pages list. */
    public static String tagList(long tagId) {
        return "tag-list:" + tagId;
    }

    public static boolean isTagList(String key) {
        return key.startsWith("tag-list:");
    }

    /**
     * The related-articles lists drawn from one tag (on the pages of articles with the tag): they change only when
     * an article enters or leaves the tag's newest few.
     */
    public static String relatedByTag(long tagId) {
        return "tag-related:" + tagId;
    }

    /** Which special topics (专题) are public: the list at {@code /zt/}. */
    public static final String TOPICS = "topics";

    /** One special topic: its page, and the link to it on the pages of its articles. */
    public static String topic(long id) {
        return "topic:" + id;
    }

    /** Which articles a recommendation slot (推荐位) holds, in which order. */
    public static String slot(String name) {
        return "slot:" + name;
    }

    /** Records that the page being rendered on this thread shows content named by {@code keys}. */
    public static void record(String... keys) {
        Recording recording = CURRENT.get();
        if (recording != null) {
            Collections.addAll(recording.keys, keys);
        }
    }

    /** Starts recording the keys of a page rendered on this thread; close it when the page is done. */
    public static Recording start() {
        Recording recording = new Recording(CURRENT.get());
        CURRENT.set(recording);
        return recording;
    }

    /** The keys of one page, recorded while it renders; a recording started inside another hides it until closed. */
    public static final class Recording implements AutoCloseable {

        private final Set<String> keys = new LinkedHashSet<>();
        private final Recording outer;

        private Recording(Recording outer) {
            this.outer = outer;
        }

        /** What the page recorded so far. */
        public Set<String> keys() {
            return Set.copyOf(keys);
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
