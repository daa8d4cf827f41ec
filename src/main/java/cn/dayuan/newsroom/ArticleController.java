package cn.dayuan.newsroom;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleHtml;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.BulkAction;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.RevisionComparison;
import cn.dayuan.article.RevisionSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.article.Validity;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.sensitive.SensitiveWordService;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/** Writing, reviewing and publishing articles. */
@Controller
@RequestMapping("/admin/articles")
class ArticleController {

    private static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ArticleService articles;
    private final ChannelService channels;
    private final SensitiveWordService sensitiveWords;
    private final ZoneId zone;
    private final DayuanProperties properties;
    private final Texts texts;

    ArticleController(ArticleService articles, ChannelService channels, SensitiveWordService sensitiveWords,
                      DayuanProperties properties, Texts texts) {
        this.texts = texts;
        this.properties = properties;
        this.articles = articles;
        this.sensitiveWords = sensitiveWords;
        this.channels = channels;
        this.zone = properties.timeZone();
    }

    @GetMapping
    String list(@ModelAttribute("filter") ArticleFilter filter, @ModelAttribute(binding = false) Shell shell,
                Model model) {
        Page<ArticleSummary> page = articles.search(filter.toQuery(zone), filter.getPage() - 1, PAGE_SIZE,
                shell.username());
        model.addAttribute("articles", page);
        model.addAttribute("channels", channels.tree().all());
        model.addAttribute("statuses", java.util.Arrays.stream(ArticleStatus.values())
                .filter(s -> s != ArticleStatus.TRASHED).toArray(ArticleStatus[]::new));
        model.addAttribute("actions", shell.editor() ? BulkAction.values()
                : new BulkAction[] {BulkAction.SUBMIT, BulkAction.DELETE});
        model.addAttribute("now", Instant.now());
        return "newsroom/articles";
    }

    @GetMapping("/new")
    String newArticle(Principal principal, Model model) {
        return form(model, new ArticleForm(), null, null, principal);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Principal principal, Model model) {
        ArticleDetail article = articles.get(id, principal.getName());
        return form(model, ArticleForm.of(article, zone), article, null, principal);
    }

    @PostMapping
    Object create(@ModelAttribute("form") ArticleForm form, @RequestParam(defaultValue = "draft") String action,
                  Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if ("suggest".equals(action)) {
            form.apply(articles.suggest(form.getBody()));
            return form(model, form, null, null, principal);
        }
        try {
            ArticleDetail saved = articles.create(form.toDraft(statusFor(action), zone), principal.getName());
            return saved(saved, redirect);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, null, FormError.of(e, texts), principal);
        }
    }

    @PostMapping("/{id}")
    Object update(@PathVariable long id, @ModelAttribute("form") ArticleForm form,
                  @RequestParam(defaultValue = "draft") String action, Principal principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ArticleDetail current = articles.get(id, principal.getName());
        if ("suggest".equals(action)) {
            form.apply(articles.suggest(form.getBody()));
            return form(model, form, current, null, principal);
        }
        try {
            ArticleDetail saved = articles.update(id, form.toDraft(statusFor(action), zone), principal.getName(),
                    form.getVersion());
            return saved(saved, redirect);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, current, FormError.of(e, texts), principal);
        } catch (ArticleService.EditedMeanwhileException e) {
            // The editor's text stays in the form; the newer version's revisions say what changed meanwhile.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("meanwhile", e.meanwhile());
            return form(model, form, current, new FormError(null, texts.of(e)), principal);
        }
    }

    /** One action on every ticked article of the list, all or none. */
    @PostMapping("/bulk")
    RedirectView bulk(@RequestParam(name = "ids", required = false) List<Long> ids,
                      @RequestParam(required = false) BulkAction action,
                      @RequestParam(required = false) String channel, @RequestParam(required = false) String returnTo,
                      Principal principal, RedirectAttributes redirect) {
        try {
            int done = articles.bulk(ids, action, channel, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.bulk.done", done,
                    action.label())));
        } catch (InvalidInputException | cn.dayuan.system.ConflictException | cn.dayuan.system.ForbiddenException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("article.bulk.refused", e)));
        }
        return Redirects.back(returnTo, "/admin/articles");
    }

    /** Fills the keyword and summary fields from the body, for the 自动提取 button (htmx). */
    @PostMapping("/suggest")
    String suggest(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("suggestions", articles.suggest(body));
        return "newsroom/article-suggestions";
    }

    @PostMapping("/{id}/publish")
    RedirectView publish(@PathVariable long id, @RequestParam(required = false) String returnTo,
                         Principal principal, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(Notice.FLASH, publishedNotice(articles.publish(id, principal.getName())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("article.publish.failed", e)));
        }
        return Redirects.back(returnTo, editUrl(id));
    }

    @PostMapping("/{id}/unpublish")
    RedirectView unpublish(@PathVariable long id, @RequestParam(required = false) String returnTo,
                           Principal principal, RedirectAttributes redirect) {
        ArticleDetail article = articles.unpublish(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.unpublished", article.title())));
        return Redirects.back(returnTo, editUrl(id));
    }

    @PostMapping("/{id}/submit")
    RedirectView submit(@PathVariable long id, @RequestParam(required = false) String returnTo,
                        Principal principal, RedirectAttributes redirect) {
        try {
            ArticleDetail article = articles.submitForReview(id, principal.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.submitted", article.title())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of("article.submit.failed", e)));
        }
        return Redirects.back(returnTo, editUrl(id));
    }

    @PostMapping("/{id}/correction")
    RedirectView correct(@PathVariable long id, @RequestParam(required = false) String note, Principal principal,
                         RedirectAttributes redirect) {
        ArticleDetail article = articles.correct(id, note, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(article.correctionNote() == null
                ? texts.of("article.correction.removed") : texts.of("article.correction.marked")));
        return Redirects.seeOther(editUrl(id));
    }

    @PostMapping("/{id}/validity")
    RedirectView validity(@PathVariable long id, @RequestParam Validity validity, Principal principal,
                          RedirectAttributes redirect) {
        ArticleDetail article = articles.changeValidity(id, validity, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(article.validity() == Validity.IN_FORCE
                ? texts.of("article.validity.in-force") : texts.of("article.validity.marked",
                        article.validity().label())));
        return Redirects.seeOther(editUrl(id));
    }

    /** The article as readers will see it, at a signed address that can be shared for a few days. */
    @GetMapping("/{id}/preview")
    RedirectView preview(@PathVariable long id, Principal principal) {
        return new RedirectView(articles.previewLink(id, principal.getName()));
    }

    /** Every saved revision and every review step, with a comparison of any two revisions. */
    @GetMapping("/{id}/history")
    String history(@PathVariable long id, @RequestParam(required = false) Integer from,
                   @RequestParam(required = false) Integer to, Principal principal, Model model) {
        String actor = principal.getName();
        ArticleDetail article = articles.get(id, actor);
        List<RevisionSummary> revisions = articles.revisions(id, actor);
        model.addAttribute("article", article);
        model.addAttribute("revisions", revisions);
        model.addAttribute("reviews", articles.reviews(id, actor));
        RevisionComparison comparison = null;
        if (revisions.size() > 1) {
            int newer = to != null ? to : revisions.get(0).number();
            int older = from != null ? from : revisions.get(1).number();
            comparison = articles.compare(id, Math.min(older, newer), Math.max(older, newer), actor);
        }
        model.addAttribute("comparison", comparison);
        return "newsroom/article-history";
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    RedirectView restore(@PathVariable long id, @PathVariable int number, Principal principal,
                         RedirectAttributes redirect) {
        ArticleDetail article = articles.restoreRevision(id, number, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, article.pendingRevision() != null
                && article.status() == ArticleStatus.PUBLISHED && !Objects.equals(article.pendingRevision(), number)
                ? Notice.success(texts.of("article.revision.restored.pending", number))
                : Notice.success(texts.of("article.revision.restored", number)));
        return Redirects.seeOther("/admin/articles/" + id + "/history");
    }

    /** The confirmation step before deleting, so a stray click deletes nothing. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("article", articles.get(id, principal.getName()));
        return "newsroom/article-delete";
    }

    @PostMapping("/{id}/delete")
    RedirectView delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        String title = articles.get(id, principal.getName()).title();
        articles.delete(id, principal.getName());
        redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("article.trashed", title,
                properties.trashRetention().toDays())));
        return Redirects.seeOther("/admin/articles");
    }

    private String form(Model model, ArticleForm form, ArticleDetail article, FormError error, Principal principal) {
        model.addAttribute("form", form);
        model.addAttribute("reviews", article == null ? List.of() : articles.reviews(article.id(), principal.getName()));
        if (!model.containsAttribute("meanwhile")) {
            model.addAttribute("meanwhile", List.of());
        }
        model.addAttribute("article", article);
        model.addAttribute("publicUrl", article != null && isPublic(article) ? article.url() : null);
        model.addAttribute("channels", channels.tree().all());
        model.addAttribute("rightsTypes", RightsType.values());
        model.addAttribute("error", error);
        return "newsroom/article-form";
    }

    private RedirectView saved(ArticleDetail article, RedirectAttributes redirect) {
        Notice notice = article.pendingRevision() != null ? Notice.success(texts.of("article.saved.pending",
                article.pendingRevision())) : switch (article.status()) {
            case DRAFT -> Notice.success(texts.of("article.saved.draft"));
            case PENDING -> Notice.success(texts.of("article.saved.submitted"));
            case PUBLISHED -> publishedNotice(article);
            case UNPUBLISHED -> Notice.success(texts.of("article.saved.unpublished"));
            case TRASHED -> Notice.success(texts.of("article.saved.trashed"));
        };
        redirect.addFlashAttribute(Notice.FLASH, withSensitiveWords(notice, article));
        return Redirects.seeOther(editUrl(article.id()));
    }

    /** A warning, not a block: the editor decides whether a flagged word belongs in the article. */
    private Notice withSensitiveWords(Notice notice, ArticleDetail article) {
        List<String> found = sensitiveWords.find(article.title() + "\n" + Objects.toString(article.subtitle(), "")
                + "\n" + ArticleHtml.text(article.body()));
        if (found.isEmpty()) {
            return notice;
        }
        return new Notice(notice.success(), texts.of("article.sensitive-words", notice.message(),
                String.join("、", found)), notice.publicUrl());
    }

    private Notice publishedNotice(ArticleDetail article) {
        if (!isPublic(article)) {
            return Notice.success(texts.of("article.published.scheduled",
                    SCHEDULED.format(article.publishedAt().atZone(zone))));
        }
        return Notice.published(texts.of("article.published"), article.url());
    }

    private static boolean isPublic(ArticleDetail article) {
        return article.status() == ArticleStatus.PUBLISHED && article.publishedAt() != null
                && !article.publishedAt().isAfter(Instant.now());
    }

    private static ArticleStatus statusFor(String action) {
        return switch (action) {
            case "draft" -> ArticleStatus.DRAFT;
            case "submit" -> ArticleStatus.PENDING;
            case "publish" -> ArticleStatus.PUBLISHED;
            default -> throw new InvalidInputException("action", "article.bulk.action.unknown", action);
        };
    }

    private static String editUrl(long id) {
        return "/admin/articles/" + id + "/edit";
    }
}
