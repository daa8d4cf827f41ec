package cn.dayuan.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.Texts;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;
import cn.dayuan.system.PageKeys;

/**
 * Keyword pages: {@code /tag/{name}/} and {@code /tag/{name}/index_{n}.html}, newest articles first. The pages of a
 * tag's old name (renamed, or merged into another) answer 301 to the same page of the tag.
 */
@Controller
class TagController {

    private final TagService tags;
    private final ArticleService articles;
    private final PageFrames frames;
    private final Texts texts;

    TagController(TagService tags, ArticleService articles, PageFrames frames, Texts texts) {
        this.texts = texts;
        this.tags = tags;
        this.articles = articles;
        this.frames = frames;
    }

    @GetMapping("/tag/{name}/")
    ModelAndView firstPage(@PathVariable String name, HttpServletRequest request) {
        return render(name, 1, request);
    }

    @GetMapping("/tag/{name}/index_{page:\\d{1,9}}.html")
    ModelAndView page(@PathVariable String name, @PathVariable int page, HttpServletRequest request) {
        if (page == 1) {
            return Redirects.permanent(PageFrame.tagUrl(name));
        }
        if (page < 1) {
            throw PortalPages.pageNotFound();
        }
        return render(name, page, request);
    }

    private ModelAndView render(String name, int page, HttpServletRequest request) {
        Tag tag = tags.findByName(name).orElse(null);
        if (tag == null) {
            // The old name of a renamed or merged tag: its pages live on under the tag's name.
            Tag renamed = tags.findByAlias(name).orElseThrow(PortalPages::pageNotFound);
            String url = PageFrame.tagUrl(renamed.getName());
            return Redirects.permanent(page == 1 ? url : url + "index_" + page + ".html");
        }
        PageKeys.record(PageKeys.tagList(tag.getId()));
        Page<ArticleSummary> list = articles.publicByTag(tag.getId(), page - 1, Pagination.PAGE_SIZE);
        // A keyword only drafts use has no page yet.
        if (list.getTotalElements() == 0 || page > list.getTotalPages()) {
            throw PortalPages.pageNotFound();
        }
        String heading = page == 1 ? texts.of("portal.tag.title", tag.getName())
                : texts.of("portal.page.numbered", texts.of("portal.tag.title", tag.getName()), page);
        return new ModelAndView("portal/tag", Map.of(
                "frame", frames.page(request, heading, texts.of("portal.tag.description", tag.getName()), null),
                "tagName", tag.getName(),
                "articles", list.getContent(),
                "pagination", new Pagination(PageFrame.tagUrl(tag.getName()), page, list.getTotalPages(),
                        list.getTotalElements())));
    }
}
