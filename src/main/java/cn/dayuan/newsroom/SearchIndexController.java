package cn.dayuan.newsroom;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.search.SearchIndexBuilds;
import cn.dayuan.system.Texts;

/**
 * 搜索索引 (administrators): the index's figures and "build it again", which runs in the background while the
 * old index answers; the page follows the build until it ends.
 */
@Controller
class SearchIndexController {

    private static final String PAGE = "/admin/search-index";

    private final SearchIndexBuilds builds;
    private final Permissions permissions;
    private final Texts texts;

    SearchIndexController(SearchIndexBuilds builds, Permissions permissions, Texts texts) {
        this.builds = builds;
        this.permissions = permissions;
        this.texts = texts;
    }

    /** Every page and action here is for administrators: refused before any input is looked at. */
    @ModelAttribute
    void administratorsOnly() {
        permissions.require(Role.ADMIN);
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("status", builds.status());
        return "newsroom/search-index";
    }

    @PostMapping(PAGE)
    Object build(Authentication who, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Notice.FLASH, builds.start(who.getName())
                ? Notice.success(texts.of("search.index.build-started"))
                : Notice.failure(texts.of("search.index.build-running")));
        return Redirects.seeOther(PAGE);
    }
}
