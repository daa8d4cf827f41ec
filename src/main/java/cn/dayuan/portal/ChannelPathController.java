package cn.dayuan.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleHtml;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.comment.CommentService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.GoneException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.Texts;

/**
 * Every reader address below a channel, whatever its depth: channel pages {@code /{path}/} and
 * {@code /{path}/index_{n}.html}, articles {@code /{path}/{id}.html} and channel feeds {@code /{path}/feed.xml} (RSS)
 * and {@code /{path}/atom.xml} (Atom).
 * Top-level names served by other parts of the application are left to them. The addresses of a channel that was
 * renamed or moved answer 301 to the same page under its current path; an article's old address answers 301 to
 * its current one, as every address with its id does.
 */
@Controller
class ChannelPathController {

    /**
     * A first path segment that may start a channel path. The excluded names belong to other handlers; any other
     * folder of static files would be hidden by this mapping, so static files live under {@code /assets/}.
     */
    private static final String ROOT =
            "{root:(?!(?:api|admin|actuator|assets|webjars|media|error|static)$)[a-z0-9][a-z0-9-]*}";

    private final ChannelService channels;
    private final ArticleService articles;
    private final PageFrames frames;
    private final Feeds feeds;
    private final ArticlePages pages;
    private final Texts texts;

    ChannelPathController(ChannelService channels, ArticleService articles, PageFrames frames, ArticlePages pages,
                          Feeds feeds, Texts texts) {
        this.texts = texts;
        this.pages = pages;
        this.channels = channels;
        this.articles = articles;
        this.frames = frames;
        this.feeds = feeds;
    }

    @GetMapping("/" + ROOT + "/{*rest}")
    Object show(@PathVariable String root, @PathVariable String rest, HttpServletRequest request) {
        ReaderPath path = ReaderPath.parse(root + rest).orElseThrow(ChannelPathController::pageNotFound);
        // What makes this address answer otherwise, recorded before any 404 or 301 (which the page cache keeps too)
        PageKeys.record(path.kind() == ReaderPath.Kind.ARTICLE ? PageKeys.article(path.number()) : PageKeys.CHANNELS);
        ChannelTree tree = channels.tree();
        if (path.kind() != ReaderPath.Kind.ARTICLE && tree.byPath(path.channelPath()).isEmpty()) {
            // A channel that was renamed or moved: the same page at its current address, in one step.
            ChannelView moved = tree.movedFrom(path.channelPath()).orElseThrow(ChannelPathController::pageNotFound);
            return Redirects.permanent(path.at(moved.path()));
        }
        return switch (path.kind()) {
            case MISSING_SLASH -> Redirects.permanent(channel(path.channelPath()).url());
            case FIRST_PAGE_ALIAS -> Redirects.permanent(channel(path.channelPath()).url());
            case CHANNEL_PAGE -> channelPage(channel(path.channelPath()), (int) path.number(), request);
            case ARTICLE -> article(path.channelPath(), path.number(), request);
            case FEED -> feeds.channel(Feeds.Format.RSS, channel(path.channelPath()), request);
            case ATOM_FEED -> feeds.channel(Feeds.Format.ATOM, channel(path.channelPath()), request);
        };
    }

    private ModelAndView channelPage(ChannelView channel, int page, HttpServletRequest request) {
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
        model.put("frame", frames.page(request, heading, description, trail.get(0).id()));
        model.put("channel", channel);
        model.put("trail", trail);
        model.put("neighbours", neighbours(tree, channel));
        model.put("articles", list.getContent());
        // a top channel's first page leads with its newest pictures (焦点图)
        model.put("slideshow", page > 1 || trail.size() > 1 ? List.of() : list.getContent().stream()
                .filter(a -> a.coverImage() != null).limit(HomeController.SLIDES).toList());
        model.put("pagination", new Pagination(channel.url(), page, totalPages, list.getTotalElements()));
        return new ModelAndView("portal/channel", model);
    }

    /** Sub-channels of a channel; for a channel without any, its siblings, so readers can move across. */
    private static List<ChannelView> neighbours(ChannelTree tree, ChannelView channel) {
        if (!channel.shownChildren().isEmpty() || channel.parentId() == null) {
            return channel.shownChildren();
        }
        return tree.byId(channel.parentId()).map(ChannelView::shownChildren).orElse(List.of());
    }

    private Object article(String channelPath, long id, HttpServletRequest request) {
        ArticleDetail article = articles.findPublic(id).orElseThrow(() -> articles.inTrash(id)
                ? new GoneException("portal.article.deleted") : pageNotFound());
        if (!article.channelPath().equals(channelPath)) {
            return Redirects.permanent(article.url());
        }
        PageKeys.record(PageKeys.article(article.id()), PageKeys.publisher(article.publisherUsername()));
        article.tags().forEach(tag -> PageKeys.record(PageKeys.relatedByTag(tag.getId())));
        return pages.page(article, request, commentNotice(request.getParameter("comment")), null);
    }

    /** What the comment form's post came back to say (the page has a query then, so it is not cached). */
    private String commentNotice(String outcome) {
        if ("published".equals(outcome)) {
            return texts.of("portal.comment.published");
        }
        if ("pending".equals(outcome)) {
            return texts.of("portal.comment.pending");
        }
        return null;
    }

    private ChannelView channel(String path) {
        return channels.tree().byPath(path).orElseThrow(ChannelPathController::pageNotFound);
    }

    static NotFoundException pageNotFound() {
        return new NotFoundException("portal.page.not-found");
    }
}
