package cn.dayuan.newsroom;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.comment.ChannelRule;
import cn.dayuan.comment.CommentMode;
import cn.dayuan.comment.CommentService.QueueItem;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentStatus;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.sensitive.SensitiveWordService;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * Comment moderation for editors: the queue (filter by status, article and days; approve, reject, mark as spam or
 * delete one or many), the blocklists and the newsroom's sensitive words; administrators also choose how comments
 * are published and which channels close or always review them.
 */
@Controller
@RequestMapping("/admin/comments")
class ModerationController {

    static final int PAGE_SIZE = 30;

    private final CommentService comments;
    private final SensitiveWordService sensitiveWords;
    private final ChannelService channels;
    private final DayuanProperties properties;
    private final Texts texts;

    private final Permissions permissions;

    ModerationController(CommentService comments, SensitiveWordService sensitiveWords, ChannelService channels,
                         DayuanProperties properties, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.comments = comments;
        this.sensitiveWords = sensitiveWords;
        this.channels = channels;
        this.properties = properties;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String article,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(defaultValue = "1") String page, Authentication who, Model model) {
        CommentStatus wanted = status == null ? CommentStatus.PENDING : named(CommentStatus.values(), status);
        Long articleId = parseLong(article);
        Long asked = parseLong(page);
        int pageNumber = asked == null ? 1 : (int) Math.max(1, Math.min(100_000, asked));
        LocalDate fromDay = parseDay(from);
        LocalDate toDay = parseDay(to);
        CommentFilter filter = new CommentFilter(wanted == null ? "" : wanted.name(), articleId, from, to, pageNumber);
        Page<QueueItem> found = comments.queue(wanted, articleId,
                fromDay == null ? null : fromDay.atStartOfDay(properties.timeZone()).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(properties.timeZone()).toInstant(),
                pageNumber - 1, PAGE_SIZE);
        boolean admin = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        List<CommentRow> rows = new ArrayList<>();
        for (QueueItem item : found.getContent()) {
            rows.add(new CommentRow(item, Highlighted.of(item.content(), item.flaggedWords()),
                    admin ? item.clientAddress() : CommentService.maskAddress(item.clientAddress())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("found", found);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CommentStatus.values());
        model.addAttribute("actions", ModerationAction.values());
        model.addAttribute("pending", comments.pendingCount());
        return "newsroom/comments";
    }

    @PostMapping("/decide")
    Object decide(@RequestParam(name = "ids", required = false) List<Long> ids,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String returnTo,
                  Authentication who, RedirectAttributes redirect) {
        ModerationAction chosen = named(ModerationAction.values(), action);
        try {
            if (chosen == null) {
                throw new InvalidInputException("action", "newsroom.moderation.action.required");
            }
            int changed = comments.decide(ids, chosen, who.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("comment.moderated", chosen.label(),
                    changed)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.back(returnTo, "/admin/comments");
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("mode", comments.mode());
        model.addAttribute("modes", CommentMode.values());
        model.addAttribute("postsPerTenMinutes", comments.postsPerTenMinutes());
        model.addAttribute("channelRules", comments.channelRules());
        model.addAttribute("rules", ChannelRule.values());
        model.addAttribute("channels", channels.tree().all());
        model.addAttribute("blocks", comments.blocks());
        model.addAttribute("words", sensitiveWords.list());
        return "newsroom/comment-settings";
    }

    @PostMapping("/settings/mode")
    Object mode(@RequestParam(required = false) String mode, RedirectAttributes redirect) {
        return saved(redirect, () -> comments.setMode(named(CommentMode.values(), mode)),
                "comment.settings.mode.saved");
    }

    @PostMapping("/settings/rate")
    Object rate(@RequestParam(required = false) String posts, RedirectAttributes redirect) {
        return saved(redirect, () -> {
            Long value = parseLong(posts);
            comments.setPostsPerTenMinutes(value == null || value > Integer.MAX_VALUE ? -1 : value.intValue());
        }, "comment.settings.rate.saved");
    }

    @PostMapping("/settings/channels")
    Object channelRule(@RequestParam(required = false) Long channel, @RequestParam(required = false) String rule,
                       RedirectAttributes redirect) {
        return saved(redirect, () -> comments.setChannelRule(channel, named(ChannelRule.values(), rule)),
                "comment.settings.channel-rule.saved");
    }

    /** One article's comments always wait for review, whatever the site's mode (or no longer). */
    @PostMapping("/settings/article")
    Object articleRule(@RequestParam(required = false) String article, @RequestParam(required = false) String reviewed,
                       RedirectAttributes redirect) {
        return saved(redirect, () -> {
            Long id = parseLong(article);
            if (id == null) {
                throw new InvalidInputException("article", "comment.rule.article.required");
            }
            try {
                comments.setArticleAlwaysReviewed(id, "true".equals(reviewed));
            } catch (cn.dayuan.system.NotFoundException e) {
                throw new InvalidInputException("article", "comment.rule.article.missing", id);
            }
        }, "comment.settings.article-rule.saved");
    }

    @PostMapping("/blocks")
    Object block(@RequestParam(required = false) String kind, @RequestParam(required = false) String value,
                 Authentication who, RedirectAttributes redirect) {
        return saved(redirect, () -> comments.block("address".equals(kind), value, who.getName()),
                "comment.settings.blocked.added");
    }

    @PostMapping("/blocks/{id}/delete")
    Object unblock(@PathVariable long id, RedirectAttributes redirect) {
        return saved(redirect, () -> comments.unblock(id), "comment.settings.blocked.removed");
    }

    @PostMapping("/words")
    Object word(@RequestParam(required = false) String word, @RequestParam(required = false) String kind,
                Authentication who, RedirectAttributes redirect) {
        return saved(redirect, () -> sensitiveWords.put(word, "allow".equals(kind), who.getName()),
                "sensitive.word.saved");
    }

    @PostMapping("/words/delete")
    Object removeWord(@RequestParam(required = false) String word, RedirectAttributes redirect) {
        return saved(redirect, () -> sensitiveWords.remove(word), "sensitive.word.removed");
    }

    /** Runs {@code change} and tells the outcome: the text of {@code doneKey}, or why it was refused. */
    private Object saved(RedirectAttributes redirect, Runnable change, String doneKey) {
        try {
            change.run();
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of(doneKey)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.seeOther("/admin/comments/settings");
    }

    /** The constant called {@code name}, or null: a form sends names, and an unknown one means "none chosen". */
    private static <E extends Enum<E>> E named(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDay(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
