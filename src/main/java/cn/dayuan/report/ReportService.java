package cn.dayuan.report;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleService;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.InputRules;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.RateLimiter;
import cn.dayuan.system.TooManyRequestsException;

/**
 * Readers' 举报: a report gets a case number that the reporter can look up, lands in the newsroom's queue with a due
 * time, and is handled there: started, resolved, dismissed, or resolved by withdrawing the article (or taking down
 * the comment) it is about, with the reason kept in the case and in its record of steps.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_CONTACT_LENGTH = 100;
    public static final int MAX_URL_LENGTH = 500;
    static final RateLimiter.Limit REPORTS = new RateLimiter.Limit("report", 5, Duration.ofMinutes(10));
    private static final Pattern ARTICLE_PATH = Pattern.compile("^(?:https?://[^/?#]+)?/[^?#]*?/(\\d{1,18})\\.html(?:[?#].*)?$");
    private static final String NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Set<ReportStatus> OPEN = Set.of(ReportStatus.NEW, ReportStatus.IN_PROGRESS);

    private final ReportRepository cases;
    private final ReportActionRepository actions;
    private final ArticleService articles;
    private final CommentService comments;
    private final CaptchaService captcha;
    private final RateLimiter limiter;
    private final DayuanProperties properties;
    private final ApplicationEventPublisher events;
    private final InputRules rules;
    private final SecureRandom random = new SecureRandom();

    private final Permissions permissions;

    ReportService(ReportRepository cases, ReportActionRepository actions, ArticleService articles,
                  CommentService comments, CaptchaService captcha, RateLimiter limiter, DayuanProperties properties,
                  ApplicationEventPublisher events,
                  InputRules rules, Permissions permissions) {
        this.permissions = permissions;
        this.rules = rules;
        this.cases = cases;
        this.events = events;
        this.actions = actions;
        this.articles = articles;
        this.comments = comments;
        this.captcha = captcha;
        this.limiter = limiter;
        this.properties = properties;
    }

    /**
     * What a reader sends.
     *
     * @param url     the address of what is reported (an article page is recognised by its address)
     * @param comment the comment reported, when it is one
     * @param website the form's honeypot field, which people leave empty
     */
    public record ReportDraft(
            @NotNull(message = "{report.kind.required}") ReportKind kind,
            @Size(max = MAX_URL_LENGTH, message = "{report.url.too-long}") String url,
            Long comment,
            @NotNull(message = "{report.description.required}")
            @Size(max = MAX_DESCRIPTION_LENGTH, message = "{report.description.too-long}") String description,
            @Size(max = 50, message = "{report.contact-name.too-long}") String contactName,
            @Size(max = MAX_CONTACT_LENGTH, message = "{report.contact.too-long}") String contact,
            String captchaId, String captchaAnswer, String website) {

        /** The draft as it is judged and kept: every text cleaned and trimmed, a blank one null. */
        ReportDraft trimmed() {
            return new ReportDraft(kind, ReportService.trimmed(url), comment, ReportService.trimmed(description),
                    ReportService.trimmed(contactName), ReportService.trimmed(contact), captchaId, captchaAnswer,
                    website);
        }
    }

    /** Files a report; answers its case number. */
    @Transactional
    public String submit(ReportDraft draft, String clientAddress) {
        TooManyRequestsException.unlessAllowed(limiter.take(REPORTS, clientAddress), "report.too-often.what");
        ReportDraft checked = rules.check(draft.trimmed());
        String url = checked.url();
        String description = checked.description();
        String contactName = checked.contactName();
        String contact = checked.contact();
        Long articleId = articleOf(url);
        Long commentId = draft.comment();
        if (commentId != null) {
            try {
                articleId = comments.articleOf(commentId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("comment", "report.comment.missing");
            }
        }
        if (url == null && articleId == null) {
            throw new InvalidInputException("url", "report.url.required");
        }
        captcha.check(draft.captchaId(), draft.captchaAnswer());
        Instant now = Instant.now();
        String caseNumber = caseNumber(now);
        if (draft.website() != null && !draft.website().isEmpty()) {
            return caseNumber; // a robot filled the honeypot: it gets an answer like anyone, and nothing is kept
        }
        cases.save(new ReportCase(caseNumber, draft.kind(), url, articleId, commentId, description, contactName, contact,
                clientAddress, now, now.plus(properties.reportDueTime())));
        return caseNumber;
    }

    private Long articleOf(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = ARTICLE_PATH.matcher(url);
        if (!matcher.matches()) {
            return null;
        }
        long id = Long.parseLong(matcher.group(1));
        return articles.exists(id) ? id : null;
    }

    private String caseNumber(Instant now) {
        StringBuilder number = new StringBuilder("JB").append(NUMBER_DAY.format(now.atZone(properties.timeZone())))
                .append('-');
        for (int i = 0; i < 8; i++) {
            number.append(NUMBER_ALPHABET.charAt(random.nextInt(NUMBER_ALPHABET.length())));
        }
        return number.toString();
    }

    private static String trimmed(String value) {
        String clean = PlainText.clean(value);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }

    /** What the reporter may see of a case: never the contact details or the address. */
    public record PublicCase(String caseNumber, ReportKind kind, ReportStatus status, Instant createdAt,
                             Instant handledAt, String resolution) {
    }

    public PublicCase lookup(String caseNumber) {
        String number = caseNumber == null ? "" : caseNumber.strip().toUpperCase(java.util.Locale.ROOT);
        ReportCase found = number.length() > 32 ? null : cases.findByCaseNumber(number).orElse(null);
        if (found == null) {
            throw new NotFoundException("report.case.not-found", caseNumber);
        }
        return new PublicCase(found.getCaseNumber(), found.getKind(), found.getStatus(), found.getCreatedAt(),
                found.getHandledAt(), found.getResolution());
    }

    // ---- the newsroom's queue -----------------------------------------------------------------------------

    public record Step(ReportStep action, String actor, Instant at, String note) {
    }

    /** A case as the newsroom sees it, with its record of steps. */
    public record CaseView(long id, String caseNumber, ReportKind kind, String url, Long articleId, Long commentId,
                           String description, String contactName, String contact, String clientAddress,
                           ReportStatus status, String resolution, Instant createdAt, Instant dueAt,
                           Instant handledAt, String handledBy, boolean overdue, List<Step> steps) {
    }

    public Page<CaseView> queue(ReportStatus status, int page, int size) {
        permissions.require(Role.EDITOR);
        Instant now = Instant.now();
        return cases.search(status, PageRequest.of(page, size)).map(c -> view(c, now));
    }

    public CaseView get(long id) {
        permissions.require(Role.EDITOR);
        return view(load(id), Instant.now());
    }

    private CaseView view(ReportCase c, Instant now) {
        List<Step> steps = actions.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .map(a -> new Step(a.getAction(), a.getActor(), a.getActedAt(), a.getNote())).toList();
        return new CaseView(c.getId(), c.getCaseNumber(), c.getKind(), c.getUrl(), c.getArticleId(), c.getCommentId(),
                c.getDescription(), c.getContactName(), c.getContact(), c.getClientAddress(), c.getStatus(),
                c.getResolution(), c.getCreatedAt(), c.getDueAt(), c.getHandledAt(), c.getHandledBy(),
                c.getStatus().open() && c.getDueAt().isBefore(now), steps);
    }

    public long openCount() {
        return cases.countByStatusIn(OPEN);
    }

    public long overdueCount() {
        return cases.countByStatusInAndDueAtBefore(OPEN, Instant.now());
    }

    /**
     * Takes one step on a case. Closing steps need a note (the reporter reads the resolution); withdrawing needs
     * an article on the case, taking down a comment a comment. A closed case takes no more steps.
     */
    @Transactional
    public CaseView act(long id, ReportStep step, String note, String actor) {
        permissions.require(Role.EDITOR);
        ReportCase c = load(id);
        if (!c.getStatus().open()) {
            throw new ConflictException("report.case.closed", c.getCaseNumber(), c.getStatus().label());
        }
        String reason = trimmed(note);
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("note", "report.note.too-long");
        }
        if (step != ReportStep.START && reason == null) {
            throw new InvalidInputException("note", "report.note.required");
        }
        Instant now = Instant.now();
        switch (step) {
            case START -> c.moveTo(ReportStatus.IN_PROGRESS, null, actor, now);
            case RESOLVE -> c.moveTo(ReportStatus.RESOLVED, reason, actor, now);
            case DISMISS -> c.moveTo(ReportStatus.DISMISSED, reason, actor, now);
            case WITHDRAW_ARTICLE -> {
                if (c.getArticleId() == null || !articles.exists(c.getArticleId())) {
                    throw new InvalidInputException("step", "report.step.no-article");
                }
                articles.unpublish(c.getArticleId(), actor);
                c.moveTo(ReportStatus.RESOLVED, "已撤下相关文章。" + reason, actor, now);
            }
            case REMOVE_COMMENT -> {
                if (c.getCommentId() == null) {
                    throw new InvalidInputException("step", "report.step.no-comment");
                }
                try {
                    comments.decide(List.of(c.getCommentId()), ModerationAction.REJECT, actor);
                } catch (NotFoundException alreadyDeleted) {
                    // the comment is gone already: nothing left to take down
                }
                c.moveTo(ReportStatus.RESOLVED, "已撤下相关评论。" + reason, actor, now);
            }
        }
        actions.save(new ReportAction(c.getId(), step, actor, now, reason));
        events.publishEvent(AuditEvent.of(actor, "report." + step.name().toLowerCase(java.util.Locale.ROOT),
                "report:" + c.getCaseNumber()).with("status", null, c.getStatus()).with("note", null, reason));
        cases.flush();
        return view(c, now);
    }

    private ReportCase load(long id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("report.not-found", id));
    }
}
