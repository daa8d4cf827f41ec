package cn.dayuan.portal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.GoneException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;

/**
 * The public pages below a channel, keyword pages and the site's machine-readable documents, built without a
 * request: {@link ChannelPathController}, {@link TagController} and {@link FeedController} answer readers with them
 * and the static export writes them, so both show the same page and record the same {@link PageKeys}.
 * Everything a page needs from outside is its address and the address the site was reached at, which only counts
 * when neither the site settings nor {@code dayuan.base-url} name the public one.
 */
@Component
public class PortalPages {

    /** What an address answers. */
    public sealed interface Answer permits View, Redirect, Feed {
    }

    /** A page: the JTE template (without {@code .jte}) and its parameters. */
    public record View(String template, Map<String, Object> model) implements Answer {

        /** As a controller answers it. */
        public ModelAndView modelAndView() {
            return new ModelAndView(template, model);
        }
    }

    /** A permanent redirect to the page's one current address (a site path). */
    public record Redirect(String location) implements Answer {
    }

    /** A channel's RSS or Atom feed, written by {@link Feeds}. */
    public record Feed(Feeds.Format format, ChannelView channel) implements Answer {
    }

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final Pattern SITEMAP_PART = Pattern.compile("/sitemap-([1-9]\\d{0,8})\\.xml");
    private static final Pattern TAG_PAGE = Pattern.compile("/tag/([^/]+)/(?:index_(\\d{1,9})\\.html)?");
    private static final Pattern TOPIC_PAGE = Pattern.compile(SitePages.TOPICS + "([^/]+)/");

    private final ChannelService channels;
    private final ArticleService articles;
    private final PageFrames frames;
    private final ArticlePages articlePages;
    private final Texts texts;
    private final Feeds feeds;
    private final Sitemaps sitemaps;
    private final TagService tags;
    private final ErrorPages errorPages;
    private final SitePages sitePages;

    PortalPages(ChannelService channels, ArticleService articles, PageFrames frames, ArticlePages articlePages,
                Texts texts, Feeds feeds, Sitemaps sitemaps, TagService tags, ErrorPages errorPages,
                SitePages sitePages) {
        this.sitePages = sitePages;
        this.tags = tags;
        this.errorPages = errorPages;
        this.feeds = feeds;
        this.sitemaps = sitemaps;
        this.channels = channels;
        this.articles = articles;
        this.frames = frames;
        this.articlePages = articlePages;
        this.texts = texts;
    }

    /**
     * The site's machine-readable documents, as readers get them: the site feeds ({@code /feed.xml},
     * {@code /atom.xml}), the sitemap ({@code /sitemap.xml}, its parts {@code /sitemap-{n}.xml} while it is an
     * index, {@code /sitemap-news.xml}) and {@code /robots.txt}.
     *
     * @return the document, or null when {@code sitePath} names none of them (or a sitemap part that does not exist)
     */
    public ResponseEntity<String> document(String sitePath, String requestBase) {
        String base = frames.baseUrl(requestBase);
        switch (sitePath) {
            case "/feed.xml":
                return feeds.site(Feeds.Format.RSS, base);
            case "/atom.xml":
                return feeds.site(Feeds.Format.ATOM, base);
            case "/sitemap.xml":
                return xml(sitemaps.sitemap(base));
            case Sitemaps.NEWS_PATH:
                return xml(sitemaps.news(base));
            case "/robots.txt":
                PageKeys.record(PageKeys.SITE);
                return ResponseEntity.ok().contentType(TEXT).body("User-agent: *\n"
                        + "Disallow: /admin/\n"
                        + "Disallow: /api/\n"
                        + "\n"
                        + "Sitemap: " + base + "/sitemap.xml\n"
                        + "Sitemap: " + base + Sitemaps.NEWS_PATH + "\n");
            default:
                Matcher part = SITEMAP_PART.matcher(sitePath);
                if (!part.matches()) {
                    return null;
                }
                String xml = sitemaps.indexPart(base, Integer.parseInt(part.group(1)));
                return xml == null ? null : xml(xml);
        }
    }

    /**
     * The site's own pages ({@link SitePages}): the home page, {@code /about.html}, {@code /copyright.html}, the
     * public-service navigation {@code /nav/}, the special topics {@code /zt/} and {@code /zt/{slug}/}.
     *
     * @return the page, or null when {@code sitePath} names none of them
     * @throws NotFoundException for a topic that is not published
     */
    public View sitePage(String sitePath, String requestBase) {
        switch (sitePath) {
            case SitePages.HOME:
                return sitePages.home(requestBase);
            case SitePages.ABOUT:
                return sitePages.about(requestBase);
            case SitePages.COPYRIGHT:
                return sitePages.copyright(requestBase);
            case SitePages.NAVIGATION:
                return sitePages.navigation(requestBase);
            case SitePages.TOPICS:
                return sitePages.topics(requestBase);
            default:
                Matcher topic = TOPIC_PAGE.matcher(sitePath);
                if (!topic.matches()) {
                    return null;
                }
                return sitePages.topic(UriUtils.decode(topic.group(1), StandardCharsets.UTF_8), sitePath, requestBase);
        }
    }

    /** A channel's feed, as {@link #belowChannel} named it. */
    public ResponseEntity<String> feed(Feed feed, String requestBase) {
        return feeds.channel(feed.format(), feed.channel(), frames.baseUrl(requestBase));
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).body(body);
    }

    /**
     * Whether {@code sitePath} is a channel page, an article or a channel feed of a current top-level channel:
     * addresses that {@link #belowChannel} answers, never one another handler serves.
     */
    public boolean isPageBelowChannel(String sitePath) {
        if (!sitePath.startsWith("/")) {
            return false;
        }
        ReaderPath path = ReaderPath.parse(sitePath.substring(1)).orElse(null);
        if (path == null || path.kind() == ReaderPath.Kind.MISSING_SLASH
                || path.kind() == ReaderPath.Kind.FIRST_PAGE_ALIAS) {
            return false;
        }
        int slash = path.channelPath().indexOf('/');
        return channels.tree().byPath(slash < 0 ? path.channelPath() : path.channelPath().substring(0, slash))
                .isPresent();
    }

    /**
     * What a reader address below a channel shows.
     *
     * @param sitePath      the address, e.g. {@code /zcjh/jishixinwen/67833.html}
     * @param requestBase   the address the site was reached at, e.g. {@code http://127.0.0.1:8080}
     * @param commentNotice what a comment post came back to say on an article page, or null
     * @throws NotFoundException when nothing is there; {@link GoneException} for a deleted article
     */
    public Answer belowChannel(String sitePath, String requestBase, String commentNotice) {
        ReaderPath path = ReaderPath.parse(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath)
                .orElseThrow(PortalPages::pageNotFound);
        // What makes this address answer otherwise, recorded before any 404 or 301 (which the page cache keeps too)
        PageKeys.record(path.kind() == ReaderPath.Kind.ARTICLE ? PageKeys.article(path.number()) : PageKeys.CHANNELS);
        ChannelTree tree = channels.tree();
        if (path.kind() != ReaderPath.Kind.ARTICLE && tree.byPath(path.channelPath()).isEmpty()) {
            // A channel that was renamed or moved: the same page at its current address, in one step.
            ChannelView moved = tree.movedFrom(path.channelPath()).orElseThrow(PortalPages::pageNotFound);
            return new Redirect(path.at(moved.path()));
        }
        return switch (path.kind()) {
            case MISSING_SLASH, FIRST_PAGE_ALIAS -> new Redirect(channel(path.channelPath()).url());
            case CHANNEL_PAGE -> channelPage(channel(path.channelPath()), (int) path.number(), sitePath, requestBase);
            case ARTICLE -> article(path.channelPath(), path.number(), sitePath, requestBase, commentNotice);
            case FEED -> new Feed(Feeds.Format.RSS, channel(path.channelPath()));
            case ATOM_FEED -> new Feed(Feeds.Format.ATOM, channel(path.channelPath()));
        };
    }

    private Answer channelPage(ChannelView channel, int page, String sitePath, String requestBase) {
        PageKeys.record(PageKeys.channelList(channel.id()));
        if (page < 1) {
            throw pageNotFound();
        }
        Page<ArticleSummary> list = articles.publicInChannel(channel.id(), page - 1, Pagination.PAGE_SIZE);
        int totalPages = Math.max(1, list.getTotalPages());
        if (page > totalPages) {
            throw pageNotFound();
        }
        ChannelTree tree = channels.tree();
        List<ChannelView> trail = tree.trail(channel.id());
        String heading = page == 1 ? channel.name() : texts.of("portal.page.numbered", channel.name(), page);
        String description = channel.description() != null ? channel.description()
                : texts.of("portal.channel.description", channel.name(), frames.settings().siteTitle());
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frames.page(sitePath, requestBase, heading, description, trail.get(0).id()));
        model.put("channel", channel);
        model.put("trail", trail);
        model.put("neighbours", neighbours(tree, channel));
        model.put("articles", list.getContent());
        // a top channel's first page leads with its newest pictures (焦点图)
        model.put("slideshow", page > 1 || trail.size() > 1 ? List.of() : list.getContent().stream()
                .filter(a -> a.coverImage() != null).limit(SitePages.SLIDES).toList());
        model.put("pagination", new Pagination(channel.url(), page, totalPages, list.getTotalElements()));
        return new View("portal/channel", model);
    }

    /** Sub-channels of a channel; for a channel without any, its siblings, so readers can move across. */
    private static List<ChannelView> neighbours(ChannelTree tree, ChannelView channel) {
        if (!channel.shownChildren().isEmpty() || channel.parentId() == null) {
            return channel.shownChildren();
        }
        return tree.byId(channel.parentId()).map(ChannelView::shownChildren).orElse(List.of());
    }

    private Answer article(String channelPath, long id, String sitePath, String requestBase, String commentNotice) {
        ArticleDetail article = articles.findPublic(id).orElseThrow(() -> articles.inTrash(id)
                ? new GoneException("portal.article.deleted") : pageNotFound());
        if (!article.channelPath().equals(channelPath)) {
            return new Redirect(article.url());
        }
        PageKeys.record(PageKeys.article(article.id()), PageKeys.publisher(article.publisherUsername()),
                PageKeys.similarTo(article.id()));
        article.tags().forEach(tag -> PageKeys.record(PageKeys.relatedByTag(tag.getId())));
        return articlePages.page(article, sitePath, requestBase, commentNotice, null);
    }

    /**
     * A keyword page at a site path ({@code /tag/%E8%A1%8C%E5%8A%A8/index_2.html}), as {@link #tag} builds it.
     *
     * @return null when {@code sitePath} is no keyword page address
     * @throws NotFoundException when the keyword has no such page
     */
    public Answer tagPage(String sitePath, String requestBase) {
        Matcher address = TAG_PAGE.matcher(sitePath);
        if (!address.matches()) {
            return null;
        }
        String name = UriUtils.decode(address.group(1), StandardCharsets.UTF_8);
        int page = address.group(2) == null ? 1 : Integer.parseInt(address.group(2));
        if (page == 1 && address.group(2) != null) {
            return new Redirect(PageFrame.tagUrl(name));
        }
        return tag(name, page, sitePath, requestBase);
    }

    /**
     * Page {@code page} of a keyword's articles, newest first. The pages of a keyword's old name (renamed, or merged
     * into another) answer a redirect to the same page of the keyword.
     *
     * @throws NotFoundException when the keyword is unknown, or only drafts use it, or it has fewer pages
     */
    public Answer tag(String name, int page, String sitePath, String requestBase) {
        if (page < 1) {
            throw pageNotFound();
        }
        Tag tag = tags.findByName(name).orElse(null);
        if (tag == null) {
            Tag renamed = tags.findByAlias(name).orElseThrow(PortalPages::pageNotFound);
            String url = PageFrame.tagUrl(renamed.getName());
            return new Redirect(page == 1 ? url : url + "index_" + page + ".html");
        }
        PageKeys.record(PageKeys.tagList(tag.getId()));
        Page<ArticleSummary> list = articles.publicByTag(tag.getId(), page - 1, Pagination.PAGE_SIZE);
        // A keyword only drafts use has no page yet.
        if (list.getTotalElements() == 0 || page > list.getTotalPages()) {
            throw pageNotFound();
        }
        String heading = page == 1 ? texts.of("portal.tag.title", tag.getName())
                : texts.of("portal.page.numbered", texts.of("portal.tag.title", tag.getName()), page);
        return new View("portal/tag", Map.of(
                "frame", frames.page(sitePath, requestBase, heading, texts.of("portal.tag.description", tag.getName()),
                        null),
                "tagName", tag.getName(),
                "articles", list.getContent(),
                "pagination", new Pagination(PageFrame.tagUrl(tag.getName()), page, list.getTotalPages(),
                        list.getTotalElements())));
    }

    /** The page readers get for an address where nothing is (404), as a web server serving an export shows it. */
    public View notFoundPage(String requestBase) {
        return errorPages.view(requestBase, HttpStatus.NOT_FOUND, null);
    }

    private ChannelView channel(String path) {
        return channels.tree().byPath(path).orElseThrow(PortalPages::pageNotFound);
    }

    static NotFoundException pageNotFound() {
        return new NotFoundException("portal.page.not-found");
    }
}
