package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keyword pages: {@code /tag/{name}/} and {@code /tag/{name}/index_{n}.html}, newest articles first, as
 * {@link PortalPages#tag} builds them. The pages of a tag's old name (renamed, or merged into another) answer 301 to
 * the same page of the tag.
 */
@Controller
class TagController {

    private final PortalPages pages;

    TagController(PortalPages pages) {
        this.pages = pages;
    }

    @GetMapping("/tag/{name}/")
    ModelAndView firstPage(@PathVariable String name, HttpServletRequest request) {
        return answer(pages.tag(name, 1, request.getRequestURI(), PageFrames.requestBase(request)));
    }

    @GetMapping("/tag/{name}/index_{page:\\d{1,9}}.html")
    ModelAndView page(@PathVariable String name, @PathVariable int page, HttpServletRequest request) {
        if (page == 1) {
            return Redirects.permanent(PageFrame.tagUrl(name));
        }
        return answer(pages.tag(name, page, request.getRequestURI(), PageFrames.requestBase(request)));
    }

    private static ModelAndView answer(PortalPages.Answer answer) {
        if (answer instanceof PortalPages.Redirect redirect) {
            return Redirects.permanent(redirect.location());
        }
        PortalPages.View view = (PortalPages.View) answer;
        return view.modelAndView();
    }
}
