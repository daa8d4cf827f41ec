package cn.dayuan.newsroom;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.comment.CommentService;
import cn.dayuan.report.ReportService;

/** The first page after signing in: where the articles stand and what readers read. */
@Controller
class DashboardController {

    private static final int LIST_SIZE = 8;

    private final ArticleService articles;
    private final CommentService comments;
    private final ReportService reports;

    DashboardController(ArticleService articles, CommentService comments, ReportService reports) {
        this.articles = articles;
        this.comments = comments;
        this.reports = reports;
    }

    @GetMapping("/admin")
    String dashboard(Principal principal, Model model) {
        String actor = principal.getName();
        model.addAttribute("published", count(ArticleStatus.PUBLISHED, actor));
        model.addAttribute("pending", count(ArticleStatus.PENDING, actor));
        model.addAttribute("drafts", count(ArticleStatus.DRAFT, actor));
        model.addAttribute("awaitingReview", articles.awaitingReviewPerLevel());
        model.addAttribute("pendingComments", comments.pendingCount());
        model.addAttribute("openReports", reports.openCount());
        model.addAttribute("overdueReports", reports.overdueCount());
        model.addAttribute("recent", articles.search(ArticleQuery.ALL, 0, LIST_SIZE, actor).getContent());
        model.addAttribute("mostRead", articles.mostRead(LIST_SIZE));
        return "newsroom/dashboard";
    }

    private long count(ArticleStatus status, String actor) {
        return articles.search(new ArticleQuery(null, status, null, null), 0, 1, actor).getTotalElements();
    }
}
