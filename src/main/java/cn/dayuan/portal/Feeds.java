package cn.dayuan.portal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/** RSS 2.0 feeds of the whole site ({@code /feed.xml}) and of each channel ({@code /{path}/feed.xml}). */
@Component
class Feeds {

    static final int ITEMS = 30;
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final ArticleService articles;
    private final PageFrames frames;
    private final Texts texts;

    Feeds(ArticleService articles, PageFrames frames, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.frames = frames;
    }

    ResponseEntity<String> site(HttpServletRequest request) {
        // CHANNELS too: every item names its channel and links into the channel's path.
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.LATEST);
        SiteSettings site = frames.settings();
        String base = frames.baseUrl(request);
        List<ArticleSummary> items = articles.newest(ITEMS);
        return rss(feed(site.siteTitle(), base + "/", site.description(), base, items));
    }

    ResponseEntity<String> channel(ChannelView channel, HttpServletRequest request) {
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.channelList(channel.id()));
        SiteSettings site = frames.settings();
        String base = frames.baseUrl(request);
        List<ArticleSummary> items = articles.publicInChannel(channel.id(), 0, ITEMS).getContent();
        String description = channel.description() != null ? channel.description()
                : texts.of("portal.feed.channel.description", site.siteTitle(), channel.name());
        return rss(feed(channel.name() + " - " + site.shortName(), base + channel.url(), description, base, items));
    }

    private static SyndFeed feed(String title, String link, String description, String base,
                                 List<ArticleSummary> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setEncoding("UTF-8");
        feed.setTitle(title);
        feed.setLink(link);
        feed.setDescription(description);
        feed.setLanguage("zh-cn");
        if (!items.isEmpty() && items.get(0).publishedAt() != null) {
            feed.setPublishedDate(Date.from(items.get(0).publishedAt()));
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
            if (item.summary() != null) {
                SyndContent summary = new SyndContentImpl();
                summary.setType("text/plain");
                summary.setValue(item.summary());
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

    private static ResponseEntity<String> rss(SyndFeed feed) {
        try {
            return ResponseEntity.ok().contentType(RSS).body(new SyndFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the RSS feed " + feed.getLink(), e);
        }
    }
}
