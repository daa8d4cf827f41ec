package cn.dayuan.newsroom;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.Texts;

/** The recycle bin: editors see what was deleted; administrators restore it or purge it for good. */
@Controller
class TrashController {

    private static final int PAGE_SIZE = 20;

    private final ArticleService articles;
    private final DayuanProperties properties;
    private final Texts texts;

    TrashController(ArticleService articles, DayuanProperties properties, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.properties = properties;
    }

    @GetMapping("/admin/trash")
    String list(@RequestParam(defaultValue = "1") int page, Principal principal, Model model) {
        model.addAttribute("trash", articles.trash(Math.max(page, 1) - 1, PAGE_SIZE, principal.getName()));
        model.addAttribute("retentionDays", properties.trashRetention().toDays());
        return "newsroom/trash";
    }

    @PostMapping("/admin/trash/{id}/restore")
    RedirectView restore(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        ArticleDetail article = articles.restoreFromTrash(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.trash.restored", article.title(),
                article.status().label())));
        return Redirects.seeOther("/admin/trash");
    }

    @PostMapping("/admin/trash/{id}/purge")
    RedirectView purge(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        articles.purge(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.trash.purged")));
        return Redirects.seeOther("/admin/trash");
    }
}
