package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.system.Texts;

/**
 * Every reader address below a channel, whatever its depth: channel pages {@code /{path}/} and
 * {@code /{path}/index_{n}.html}, articles {@code /{path}/{id}.html} and channel feeds {@code /{path}/feed.xml} (RSS)
 * and {@code /{path}/atom.xml} (Atom), as {@link PortalPages} builds them.
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

    private final PortalPages pages;
    private final Texts texts;

    ChannelPathController(PortalPages pages, Texts texts) {
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/" + ROOT + "/{*rest}")
    Object show(@PathVariable String root, @PathVariable String rest, HttpServletRequest request) {
        PortalPages.Answer answer = pages.belowChannel("/" + root + rest, PageFrames.requestBase(request),
                commentNotice(request.getParameter("comment")));
        if (answer instanceof PortalPages.Redirect redirect) {
            return Redirects.permanent(redirect.location());
        }
        if (answer instanceof PortalPages.Feed feed) {
            return pages.feed(feed, PageFrames.requestBase(request));
        }
        PortalPages.View view = (PortalPages.View) answer;
        return view.modelAndView();
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
}
