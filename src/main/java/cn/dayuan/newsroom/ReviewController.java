package cn.dayuan.newsroom;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.ReviewPolicy;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/** The review queues (初审, 复审, 终审), the sign-offs, and how reviews go (administrators). */
@Controller
class ReviewController {

    private static final int PAGE_SIZE = 20;

    private final ArticleService articles;

    private final ChannelService channels;
    private final Texts texts;

    ReviewController(ArticleService articles, ChannelService channels, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.channels = channels;
    }

    /** One level's queue, longest waiting first, with every level's count in the tabs. */
    @GetMapping("/admin/reviews")
    String queue(@RequestParam(defaultValue = "1") int level, @RequestParam(defaultValue = "1") int page,
                 Principal principal, Model model) {
        ReviewPolicy policy = articles.reviewPolicy();
        int shown = Math.min(Math.max(level, 1), ReviewPolicy.MAX_LEVELS);
        Page<ArticleSummary> waiting = articles.awaitingReview(shown, Math.max(page, 1) - 1, PAGE_SIZE,
                principal.getName());
        model.addAttribute("level", shown);
        model.addAttribute("levels", Math.max(policy.levels(), maxChannelLevels(policy)));
        model.addAttribute("siteLevels", policy.levels());
        model.addAttribute("counts", articles.awaitingReviewPerLevel());
        model.addAttribute("articles", waiting);
        return "newsroom/reviews";
    }

    @PostMapping("/admin/articles/{id}/approve")
    RedirectView approve(@PathVariable long id, @RequestParam(required = false) String returnTo, Principal principal,
                         RedirectAttributes redirect) {
        ArticleDetail article = articles.approve(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, article.status() == ArticleStatus.PUBLISHED
                ? Notice.published(texts.of("article.review.approved.published", article.title()), article.url())
                : Notice.success(texts.of("article.review.approved.next-level", article.title(),
                        ReviewPolicy.LevelRule.name(article.reviewLevel(), article.reviewLevels()))));
        return Redirects.back(returnTo, "/admin/reviews");
    }

    @PostMapping("/admin/articles/{id}/reject")
    RedirectView reject(@PathVariable long id, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String returnTo, Principal principal,
                        RedirectAttributes redirect) {
        try {
            ArticleDetail article = articles.reject(id, reason, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.review.rejected",
                    article.title())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("article.review.reject.failed", e)));
        }
        return Redirects.back(returnTo, "/admin/reviews");
    }

    @GetMapping("/admin/settings/review")
    String settings(Model model) {
        model.addAttribute("policy", articles.reviewPolicyToEdit());
        model.addAttribute("roles", List.of(Role.EDITOR, Role.ADMIN));
        model.addAttribute("channels", channels.tree().all());
        return "newsroom/review-settings";
    }

    @PostMapping("/admin/settings/review/sources")
    RedirectView saveSources(@RequestParam(defaultValue = "") String sources,
                             @RequestParam(defaultValue = "false") boolean required, Principal principal,
                             RedirectAttributes redirect) {
        List<String> names = sources.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        articles.setReprintSources(names, required, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(required
                ? texts.of("article.review.sources.saved.required", names.size())
                : texts.of("article.review.sources.saved", names.size())));
        return Redirects.seeOther("/admin/settings/review");
    }

    @PostMapping("/admin/settings/review/channels")
    RedirectView saveChannel(@RequestParam long channel, @RequestParam(required = false) Integer levels,
                             Principal principal, RedirectAttributes redirect) {
        articles.setChannelReviewLevels(channel, levels, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(levels == null
                ? texts.of("article.review.channel.inherited", channels.get(channel).getName())
                : texts.of("article.review.channel.levels", channels.get(channel).getName(), levels)));
        return Redirects.seeOther("/admin/settings/review");
    }

    @PostMapping("/admin/settings/review")
    RedirectView saveSettings(@RequestParam int levels, @RequestParam(defaultValue = "false") boolean editsReviewed,
                              @RequestParam Map<String, String> fields, Principal principal,
                              RedirectAttributes redirect) {
        List<ReviewPolicy.LevelRule> rules = new ArrayList<>();
        for (int level = 1; level <= ReviewPolicy.MAX_LEVELS; level++) {
            String role = fields.getOrDefault("role" + level, "EDITOR");
            List<String> accounts = List.of(fields.getOrDefault("accounts" + level, "").split("[\\s,，、;；]+"))
                    .stream().filter(a -> !a.isBlank()).toList();
            try {
                rules.add(new ReviewPolicy.LevelRule(level, Role.valueOf(role), accounts));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("role" + level, "newsroom.review.role.unknown", role);
            }
        }
        articles.setReviewPolicy(levels, rules, principal.getName());
        articles.setEditsReviewed(editsReviewed, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.review.settings.saved", levels)));
        return Redirects.seeOther("/admin/settings/review");
    }

    private static int maxChannelLevels(ReviewPolicy policy) {
        return policy.channelLevels().values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
