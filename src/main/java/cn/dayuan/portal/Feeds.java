package cn.dayuan.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/**
 * The site's feeds, each in two formats with the same entries: RSS 2.0 ({@code /feed.xml}, {@code /{path}/feed.xml})
 * and Atom 1.0 ({@code /atom.xml}, {@code /{path}/atom.xml}), of the whole site and of each channel.
 */
@Component
class Feeds {

    static final int ITEMS = 30;
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    /** A feed format: ROME's name for it, the file name it has below the site or a channel, its media type. */
    enum Format {
        RSS("rss_2.0", "feed.xml", Feeds.RSS),
        ATOM("atom_1.0", "atom.xml", Feeds.ATOM);

        final String romeType;
        final String fileName;
        final MediaType mediaType;

        Format(String romeType, String fileName, MediaType mediaType) {
            this.romeType = romeType;
            this.fileName = fileName;
            this.mediaType = mediaType;
        }
    }

    private final ArticleService articles;
    private final PageFrames frames;
    private final Texts texts;

    Feeds(ArticleService articles, PageFrames frames, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.frames = frames;
    }

    /** @param base the site's absolute address, as {@link PageFrames#baseUrl(String)} gives it */
    ResponseEntity<String> site(Format format, String base) {
        // CHANNELS too: every item names its channel and links into the channel's path.
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.LATEST);
        SiteSettings site = frames.settings();
        List<ArticleSummary> items = articles.newest(ITEMS);
        return write(feed(format, site, site.siteTitle(), base + "/", site.description(), base, items));
    }

    ResponseEntity<String> channel(Format format, ChannelView channel, String base) {
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.channelList(channel.id()));
        SiteSettings site = frames.settings();
        List<ArticleSummary> items = articles.publicInChannel(channel.id(), 0, ITEMS).getContent();
        String description = channel.description() != null ? channel.description()
                : texts.of("portal.feed.channel.description", site.siteTitle(), channel.name());
        return write(feed(format, site, channel.name() + " - " + site.shortName(), base + channel.url(), description,
                base, items));
    }

    /**
     * One feed. For Atom, besides what RSS has: the feed's id (its alternate page's address), its {@code self} link,
     * the site as author, and {@code updated} on the feed (the newest entry's) and on every entry.
     */
    private static SyndFeed feed(Format format, SiteSettings site, String title, String link, String description,
                                 String base, List<ArticleSummary> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding("UTF-8");
        feed.setTitle(title);
        feed.setLink(link);
        feed.setDescription(description);
        feed.setLanguage("zh-cn");
        if (format == Format.RSS) {
            if (!items.isEmpty() && items.get(0).publishedAt() != null) {
                feed.setPublishedDate(Date.from(items.get(0).publishedAt()));
            }
        } else {
            feed.setUri(link);
            feed.setLinks(List.of(link(link, "alternate", "text/html"),
                    link(link + format.fileName, "self", format.mediaType.getType() + "/"
                            + format.mediaType.getSubtype())));
            feed.setAuthors(List.of(siteAuthor(site, base)));
            // Atom's feed-level updated; ROME writes the feed's published date there.
            feed.setPublishedDate(Date.from(items.stream().map(Feeds::updated).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(Instant.EPOCH)));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleSummary item : items) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(item.title());
            entry.setLink(base + item.url());
            entry.setUri(base + item.url());
            if (item.publishedAt() != null) {
                entry.setPublishedDate(Date.from(item.publishedAt()));
            }
            if (format == Format.ATOM) {
                if (updated(item) != null) {
                    entry.setUpdatedDate(Date.from(updated(item)));
                }
                // ROME writes an empty <author> into an entry without one; the site speaks for its articles.
                entry.setAuthors(List.of(siteAuthor(site, base)));
            }
            String summaryText = item.summary() != null && !item.summary().isBlank() ? item.summary()
                    : format == Format.ATOM ? item.title() : null;
            if (summaryText != null) {
                SyndContent summary = new SyndContentImpl();
                summary.setType(format == Format.ATOM ? "text" : "text/plain");
                summary.setValue(summaryText);
                entry.setDescription(summary);
            }
            SyndCategory category = new SyndCategoryImpl();
            category.setName(item.channelName());
            entry.setCategories(List.of(category));
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    /** When an entry last changed: its last edit, or its publication when later (a re-timed article). */
    private static Instant updated(ArticleSummary item) {
        if (item.updatedAt() == null) {
            return item.publishedAt();
        }
        return item.publishedAt() != null && item.publishedAt().isAfter(item.updatedAt()) ? item.publishedAt()
                : item.updatedAt();
    }

    private static SyndPerson siteAuthor(SiteSettings site, String base) {
        SyndPerson author = new SyndPersonImpl();
        author.setName(site.shortName());
        author.setUri(base + "/");
        return author;
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    private static ResponseEntity<String> write(SyndFeed feed) {
        Format format = feed.getFeedType().equals(Format.ATOM.romeType) ? Format.ATOM : Format.RSS;
        try {
            return ResponseEntity.ok().contentType(format.mediaType).body(new SyndFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the feed " + feed.getLink(), e);
        }
    }
}
