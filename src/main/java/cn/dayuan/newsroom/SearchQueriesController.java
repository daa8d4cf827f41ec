package cn.dayuan.newsroom;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.search.SearchQueries;

/** 读者搜索: what readers searched for in a week, and what found nothing (editors). */
@Controller
class SearchQueriesController {

    private final SearchQueries queries;
    private final Permissions permissions;

    SearchQueriesController(SearchQueries queries, Permissions permissions) {
        this.queries = queries;
        this.permissions = permissions;
    }

    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    /** {@code week}: any day of the week to show, this week when left out. */
    @GetMapping("/admin/search-queries")
    String week(@RequestParam(defaultValue = "") String week, Model model) {
        model.addAttribute("week", queries.week(week.isBlank() ? null : FormDays.parse(week, "week")));
        return "newsroom/search-queries";
    }
}
