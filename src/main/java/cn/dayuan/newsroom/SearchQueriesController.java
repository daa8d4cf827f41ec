package cn.dayuan.newsroom;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.search.SearchQueries;
import cn.dayuan.search.SearchSynonyms;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * 读者搜索 (editors): what readers searched for in a week and what found nothing, and the synonyms that make a query
 * find what is written another way.
 */
@Controller
class SearchQueriesController {

    private static final String PAGE = "/admin/search-queries";
    /** The words of a refused synonym group, shown again in the form. */
    private static final String TYPED = "typedSynonyms";

    private final SearchQueries queries;
    private final SearchSynonyms synonyms;
    private final Permissions permissions;
    private final Texts texts;

    SearchQueriesController(SearchQueries queries, SearchSynonyms synonyms, Permissions permissions, Texts texts) {
        this.queries = queries;
        this.synonyms = synonyms;
        this.permissions = permissions;
        this.texts = texts;
    }

    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    /** {@code week}: any day of the week to show, this week when left out. */
    @GetMapping(PAGE)
    String week(@RequestParam(defaultValue = "") String week, Model model) {
        model.addAttribute("week", queries.week(week.isBlank() ? null : FormDays.parse(week, "week")));
        model.addAttribute("synonyms", synonyms.list());
        if (!model.containsAttribute(TYPED)) {
            model.addAttribute(TYPED, "");
        }
        return "newsroom/search-queries";
    }

    @PostMapping(PAGE + "/synonyms")
    Object addSynonyms(@RequestParam(required = false) String words, Authentication who,
                       RedirectAttributes redirect) {
        try {
            synonyms.add(words, who.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("search.synonym.saved")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
            redirect.addFlashAttribute(TYPED, words == null ? "" : words);
        }
        return Redirects.seeOther(PAGE + "#synonyms");
    }

    @PostMapping(PAGE + "/synonyms/{id}/delete")
    Object removeSynonyms(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        synonyms.remove(id, who.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("search.synonym.removed")));
        return Redirects.seeOther(PAGE + "#synonyms");
    }
}
