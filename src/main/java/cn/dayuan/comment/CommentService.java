package cn.dayuan.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.comment.CommentPolicyStore.Block;
import cn.dayuan.comment.CommentPolicyStore.BlockKind;
import cn.dayuan.sensitive.SensitiveWordService;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.RateLimiter;
import cn.dayuan.system.Texts;
import cn.dayuan.system.TooManyRequestsException;

/**
 * Readers' comments, from the form to the page: checked (rate, captcha, sensitive words, blocklists), held for review
 * or published as the site's mode and the channel's and article's rules say, moderated in the newsroom with every
 * decision recorded, and counted on the article. A change that readers can see (a comment appears or goes) announces
 * exactly {@link PageKeys#comments} of its article.
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    public static final int MAX_NAME_LENGTH = 20;
    public static final int MAX_CONTENT_LENGTH = 500;
    public static final String DEFAULT_NAME = "网友";
    /** Threads shown on an article's page (each with its replies); the API pages through all of them. */
    public static final int THREADS_ON_PAGE = 100;
    public static final int MAX_POSTS_PER_TEN_MINUTES = 10_000;

    private final CommentRepository comments;
    private final ModerationRecordRepository records;
    private final CommentPolicyStore policy;
    private final ArticleService articles;
    private final ChannelService channels;
    private final CaptchaService captcha;
    private final SensitiveWordService sensitiveWords;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Texts texts;

    private final Permissions permissions;

    CommentService(CommentRepository comments, ModerationRecordRepository records, CommentPolicyStore policy,
                   ArticleService articles, ChannelService channels, CaptchaService captcha,
                   SensitiveWordService sensitiveWords, RateLimiter limiter, ApplicationEventPublisher events,
                   Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.comments = comments;
        this.records = records;
        this.policy = policy;
        this.articles = articles;
        this.channels = channels;
        this.captcha = captcha;
        this.sensitiveWords = sensitiveWords;
        this.limiter = limiter;
        this.events = events;
    }

    // ---- posting ------------------------------------------------------------------------------------------

    /**
     * What a reader sends.
     *
     * @param website the form's hidden honeypot field: people leave it empty, form-filling robots do not
     */
    public record CommentDraft(String name, String content, Long replyTo, String captchaId, String captchaAnswer,
                               String website) {
    }

    public record Posted(long id, CommentStatus status) {
    }

    /**
     * Whether an article takes comments and whether they wait for review.
     *
     * @param closedBecause why comments are closed, for the reader; null when open
     */
    public record Policy(boolean open, boolean reviewed, String closedBecause) {
    }

    /**
     * Posts a comment. Refused without storing anything: too many from the address (429), article not public (404),
     * comments closed (409), a field wrong (400 naming it), captcha wrong, expired or used (400). A robot that filled
     * the honeypot, a blocked address or a blocked word is stored as spam and told nothing more than any reader.
     */
    @Transactional
    public Posted post(long articleId, CommentDraft draft, String clientAddress) {
        int allowance = policy.postsPerTenMinutes();
        // The limit's name carries its size, so that a new size starts new buckets (on every node).
        RateLimiter.Limit posts = new RateLimiter.Limit("comment" + allowance, allowance, Duration.ofMinutes(10));
        TooManyRequestsException.unlessAllowed(limiter.take(posts, clientAddress), "comment.too-often.what");
        ArticleDetail article = publicArticle(articleId);
        Policy rules = policyFor(article);
        if (!rules.open()) {
            throw new ConflictException(article.commentsOpen() ? "comment.closed.channel" : "comment.closed.article");
        }
        String typedName = PlainText.clean(draft.name());
        String name = typedName == null || typedName.isBlank() ? DEFAULT_NAME : typedName.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "comment.name.too-long", MAX_NAME_LENGTH);
        }
        String content = draft.content() == null ? "" : PlainText.clean(draft.content()).strip();
        if (content.isEmpty()) {
            throw new InvalidInputException("content", "comment.content.required");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new InvalidInputException("content", "comment.content.too-long", MAX_CONTENT_LENGTH,
                    content.length());
        }
        Long replyTo = threadOf(articleId, draft.replyTo());
        captcha.check(draft.captchaId(), draft.captchaAnswer());

        List<String> flagged = sensitiveWords.find(name + "\n" + content);
        CommentStatus status;
        if (draft.website() != null && !draft.website().isEmpty() || blocked(clientAddress, name + "\n" + content)) {
            status = CommentStatus.SPAM;
        } else if (!flagged.isEmpty() || rules.reviewed()) {
            status = CommentStatus.PENDING;
        } else {
            status = CommentStatus.APPROVED;
        }
        Comment comment = comments.save(new Comment(articleId, replyTo, name, content, status,
                flagged.isEmpty() ? null : String.join(Comment.WORD_SEPARATOR, flagged), clientAddress, Instant.now()));
        if (status == CommentStatus.APPROVED) {
            visibleCommentsChanged(articleId);
        }
        // Spam is answered like any comment waiting for review: a robot learns nothing from the answer.
        return new Posted(comment.getId(), status == CommentStatus.SPAM ? CommentStatus.PENDING : status);
    }

    /** The thread a reply joins: replies to a reply join its thread, so there is one level of nesting. */
    private Long threadOf(long articleId, Long replyTo) {
        if (replyTo == null) {
            return null;
        }
        Comment parent = comments.findById(replyTo)
                .filter(c -> c.getArticleId() == articleId && c.getStatus() == CommentStatus.APPROVED)
                .orElseThrow(() -> new InvalidInputException("replyTo", "comment.reply-to.missing"));
        return parent.getReplyTo() != null ? parent.getReplyTo() : parent.getId();
    }

    private boolean blocked(String clientAddress, String text) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        for (Block block : policy.blocks()) {
            boolean hit = switch (block.kind()) {
                case ADDRESS -> block.value().endsWith("*")
                        ? clientAddress.startsWith(block.value().substring(0, block.value().length() - 1))
                        : clientAddress.equals(block.value());
                case WORD -> lowerCase.contains(block.value().toLowerCase(Locale.ROOT));
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private ArticleDetail publicArticle(long articleId) {
        return articles.findPublic(articleId).orElseThrow(() -> new NotFoundException("comment.article.not-found",
                articleId));
    }

    /** The rules for an article: its own switch, its channel's rules (and its ancestors'), the site's mode. */
    public Policy policyFor(ArticleDetail article) {
        if (!article.commentsOpen()) {
            return new Policy(false, true, texts.of("comment.closed.article"));
        }
        CommentPolicyStore.Rules rules = policy.rules();
        Map<Long, ChannelRule> channelRules = rules.channelRules();
        boolean reviewed = rules.mode() == CommentMode.REVIEW_FIRST || policy.articleAlwaysReviewed(article.id());
        for (ChannelView channel : channels.tree().trail(article.channelId())) {
            ChannelRule rule = channelRules.get(channel.id());
            if (rule == ChannelRule.CLOSED) {
                return new Policy(false, true, texts.of("comment.closed.channel"));
            }
            reviewed |= rule == ChannelRule.REVIEWED;
        }
        return new Policy(true, reviewed, null);
    }

    // ---- reading: public site and API ---------------------------------------------------------------------

    /**
     * An approved comment as readers see it.
     *
     * @param place the poster's address, masked ({@code 203.0.*.*})
     */
    public record ReaderComment(long id, Long replyTo, String name, String content, String place, Instant createdAt,
                                List<ReaderComment> replies) {
    }

    /** The first threads of an article's page, oldest first, each with its replies; records what the page shows. */
    public List<ReaderComment> threadsOnPage(ArticleDetail article) {
        // The article counts its approved comments in the transaction that changes them: none, nothing to read.
        if (article.commentCount() == 0) {
            PageKeys.record(PageKeys.comments(article.id()));
            return List.of();
        }
        return threadsOnPage(article.id());
    }

    /** The first threads of approved comments on an article, as its page shows them. */
    public List<ReaderComment> threadsOnPage(long articleId) {
        PageKeys.record(PageKeys.comments(articleId));
        List<Comment> approved = comments.findByArticleIdAndStatusOrderByIdAsc(articleId, CommentStatus.APPROVED,
                PageRequest.of(0, THREADS_ON_PAGE * 5)).getContent();
        Map<Long, List<ReaderComment>> replies = new HashMap<>();
        Set<Long> ids = new LinkedHashSet<>();
        approved.forEach(c -> ids.add(c.getId()));
        List<Comment> threads = new ArrayList<>();
        for (Comment c : approved) {
            if (c.getReplyTo() == null || !ids.contains(c.getReplyTo())) {
                threads.add(c);
            } else {
                replies.computeIfAbsent(c.getReplyTo(), k -> new ArrayList<>()).add(readerView(c, List.of()));
            }
        }
        return threads.stream().limit(THREADS_ON_PAGE)
                .map(c -> readerView(c, replies.getOrDefault(c.getId(), List.of()))).toList();
    }

    /** Every approved comment of a public article, oldest first, a page at a time (replies carry {@code replyTo}). */
    public Page<ReaderComment> approved(long articleId, int page, int size) {
        publicArticle(articleId);
        return comments.findByArticleIdAndStatusOrderByIdAsc(articleId, CommentStatus.APPROVED,
                PageRequest.of(page, size)).map(c -> readerView(c, List.of()));
    }

    private static ReaderComment readerView(Comment c, List<ReaderComment> replies) {
        return new ReaderComment(c.getId(), c.getReplyTo(), c.getAuthorName(), c.getContent(),
                maskAddress(c.getClientAddress()), c.getCreatedAt(), replies);
    }

    /** {@code 203.0.113.7} → {@code 203.0.*.*}; an IPv6 address keeps its first two groups. */
    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        if (address.contains(":")) {
            String[] groups = address.split(":");
            return groups.length < 2 ? "*" : groups[0] + ":" + groups[1] + ":*";
        }
        String[] parts = address.split("\\.");
        return parts.length == 4 ? parts[0] + "." + parts[1] + ".*.*" : "*";
    }

    // ---- moderation ---------------------------------------------------------------------------------------

    /** A comment as the moderation queue shows it; the address is full, the web layer masks it for non-admins. */
    public record QueueItem(long id, long articleId, String articleTitle, String articleUrl, Long replyTo, String name,
                            String content, CommentStatus status, List<String> flaggedWords, String clientAddress,
                            Instant createdAt, String decidedBy, Instant decidedAt) {
    }

    /** The queue, newest first; every filter may be null ({@code until} is exclusive). */
    public Page<QueueItem> queue(CommentStatus status, Long articleId, Instant from, Instant until, int page, int size) {
        permissions.require(Role.EDITOR);
        // Only the filters given become conditions: PostgreSQL cannot type a null parameter in "? is null".
        Specification<Comment> query = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (articleId != null) {
                where.add(cb.equal(root.get("articleId"), articleId));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
            }
            if (until != null) {
                where.add(cb.lessThan(root.get("createdAt"), until));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Comment> found = comments.findAll(query, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
        Map<Long, Optional<ArticleDetail>> articleById = new HashMap<>();
        return found.map(c -> queueItem(c, articleById.computeIfAbsent(c.getArticleId(), this::findArticle)));
    }

    /** The article a comment is on, for a reader's 举报 of the comment; {@code NotFoundException} when none. */
    public long articleOf(long commentId) {
        return load(commentId).getArticleId();
    }

    public QueueItem get(long id) {
        permissions.require(Role.EDITOR);
        Comment comment = load(id);
        return queueItem(comment, findArticle(comment.getArticleId()));
    }

    private QueueItem queueItem(Comment c, Optional<ArticleDetail> article) {
        return new QueueItem(c.getId(), c.getArticleId(),
                article.map(ArticleDetail::title).orElseGet(() -> texts.of("comment.article.deleted")),
                article.map(ArticleDetail::url).orElse(null),
                c.getReplyTo(), c.getAuthorName(), c.getContent(), c.getStatus(), flaggedWords(c),
                c.getClientAddress(), c.getCreatedAt(), c.getDecidedBy(), c.getDecidedAt());
    }

    private Optional<ArticleDetail> findArticle(long id) {
        try {
            return Optional.of(articles.get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<String> flaggedWords(Comment c) {
        return c.getFlaggedWords() == null ? List.of() : List.of(c.getFlaggedWords().split(Comment.WORD_SEPARATOR));
    }

    public long pendingCount() {
        return comments.countByStatus(CommentStatus.PENDING);
    }

    /** One record of the moderation log. */
    public record Decision(long commentId, ModerationAction action, String actor, Instant at) {
    }

    public List<Decision> decisions(Collection<Long> commentIds) {
        permissions.require(Role.EDITOR);
        return records.findByCommentIdInOrderByIdAsc(commentIds).stream()
                .map(r -> new Decision(r.getCommentId(), r.getAction(), r.getActor(), r.getActedAt())).toList();
    }

    /**
     * Applies one decision to every comment in {@code ids} (all or none: an unknown id refuses the lot), records it,
     * recounts the articles whose visible comments changed and announces them.
     */
    @Transactional
    public int decide(Collection<Long> ids, ModerationAction action, String actor) {
        permissions.require(Role.EDITOR);
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "comment.ids.required");
        }
        Set<Long> changedArticles = new LinkedHashSet<>();
        Instant now = Instant.now();
        Map<Long, Comment> found = new LinkedHashMap<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            found.put(id, load(id));
        }
        for (Comment comment : found.values()) {
            boolean wasVisible = comment.getStatus() == CommentStatus.APPROVED;
            events.publishEvent(AuditEvent.of(actor, "comment." + action.name().toLowerCase(java.util.Locale.ROOT),
                    "comment:" + comment.getId()).with("status", comment.getStatus(),
                    action == ModerationAction.DELETE ? null : action.name()));
            records.save(new ModerationRecord(comment.getId(), comment.getArticleId(), action, actor, now));
            if (action == ModerationAction.DELETE) {
                comments.delete(comment);
            } else {
                comment.decide(switch (action) {
                    case APPROVE -> CommentStatus.APPROVED;
                    case REJECT -> CommentStatus.REJECTED;
                    default -> CommentStatus.SPAM;
                }, actor, now);
            }
            boolean visible = action == ModerationAction.APPROVE;
            if (wasVisible != visible) {
                changedArticles.add(comment.getArticleId());
            }
        }
        comments.flush();
        changedArticles.forEach(this::visibleCommentsChanged);
        return found.size();
    }

    private Comment load(long id) {
        return comments.findById(id).orElseThrow(() -> new NotFoundException("comment.not-found", id));
    }

    private void visibleCommentsChanged(long articleId) {
        articles.setCommentCount(articleId,
                (int) comments.countByArticleIdAndStatus(articleId, CommentStatus.APPROVED));
        events.publishEvent(ContentChangedEvent.of(PageKeys.comments(articleId)));
    }

    // ---- rules and blocklists -----------------------------------------------------------------------------

    public CommentMode mode() {
        return policy.rules().mode();
    }

    /** Changes how comments are published; pages say it under their comment form, so every page is renewed. */
    @Transactional
    public void setMode(CommentMode mode) {
        permissions.require(Role.ADMIN);
        if (mode == null) {
            throw new InvalidInputException("mode", "comment.mode.required");
        }
        events.publishEvent(AuditEvent.of(null, "comment.settings", "settings:comments")
                .with("mode", policy.rules().mode(), mode));
        policy.setMode(mode);
        events.publishEvent(ContentChangedEvent.of(PageKeys.SITE, PageKeys.COMMENT_RULES));
    }

    /** How many comments one address may post in ten minutes. */
    public int postsPerTenMinutes() {
        return policy.postsPerTenMinutes();
    }

    @Transactional
    public void setPostsPerTenMinutes(int posts) {
        permissions.require(Role.ADMIN);
        if (posts < 1 || posts > MAX_POSTS_PER_TEN_MINUTES) {
            throw new InvalidInputException("posts", "comment.posts.out-of-range", MAX_POSTS_PER_TEN_MINUTES);
        }
        events.publishEvent(AuditEvent.of(null, "comment.settings", "settings:comments")
                .with("postsPerTenMinutes", policy.postsPerTenMinutes(), posts));
        policy.setPostsPerTenMinutes(posts);
    }

    public Map<Long, ChannelRule> channelRules() {
        return policy.rules().channelRules();
    }

    /** Sets or clears ({@code rule} null) a channel's rule; the pages of its articles show whether comments are open. */
    @Transactional
    public void setChannelRule(Long channelId, ChannelRule rule) {
        permissions.require(Role.ADMIN);
        if (channelId == null) {
            throw new InvalidInputException("channel", "comment.rule.channel.required");
        }
        channels.get(channelId);
        events.publishEvent(AuditEvent.of(null, "comment.channel", "channel:" + channelId)
                .with("rule", policy.rules().channelRules().get(channelId), rule));
        policy.setChannelRule(channelId, Optional.ofNullable(rule));
        events.publishEvent(ContentChangedEvent.of(PageKeys.SITE, PageKeys.COMMENT_RULES));
    }

    public boolean articleAlwaysReviewed(long articleId) {
        return policy.articleAlwaysReviewed(articleId);
    }

    @Transactional
    public void setArticleAlwaysReviewed(long articleId, boolean reviewed) {
        permissions.require(Role.EDITOR);
        articles.get(articleId);
        events.publishEvent(AuditEvent.of(null, "comment.article", "article:" + articleId)
                .with("alwaysReviewed", policy.articleAlwaysReviewed(articleId), reviewed));
        policy.setArticleAlwaysReviewed(articleId, reviewed);
        events.publishEvent(ContentChangedEvent.of(PageKeys.comments(articleId)));
    }

    /** An entry of the blocklists: an address (a trailing {@code *} blocks a whole range) or a word. */
    public record BlockEntry(long id, boolean address, String value, String createdBy, Instant createdAt) {
    }

    public List<BlockEntry> blocks() {
        permissions.require(Role.EDITOR);
        return policy.blocks().stream().map(b -> new BlockEntry(b.id(), b.kind() == BlockKind.ADDRESS, b.value(),
                b.createdBy(), b.createdAt())).toList();
    }

    @Transactional
    public void block(boolean address, String value, String actor) {
        permissions.require(Role.EDITOR);
        String clean = value == null ? "" : PlainText.clean(value).strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("value",
                    address ? "comment.blocked.address.required" : "comment.blocked.word.required");
        }
        if (clean.length() > 64) {
            throw new InvalidInputException("value", "comment.blocked.too-long");
        }
        if (address && !clean.matches("[0-9A-Fa-f:.]+\\*?")) {
            throw new InvalidInputException("value", "comment.blocked.address.invalid");
        }
        policy.addBlock(address ? BlockKind.ADDRESS : BlockKind.WORD, clean, actor);
        events.publishEvent(AuditEvent.of(actor, "comment.block", address ? "address:" + clean : "word:" + clean));
    }

    @Transactional
    public void unblock(long id) {
        permissions.require(Role.EDITOR);
        policy.removeBlock(id);
        events.publishEvent(AuditEvent.of(null, "comment.unblock", "block:" + id));
    }
}
