package cn.dayuan.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.InputRules;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.WebAddress;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;

/**
 * Articles: the one way they are written, published and read, by the newsroom, the API and the public site
 * alike. Every change announces the pages it affects with a {@link ContentChangedEvent}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

    public static final int SUMMARY_LENGTH = 120;
    /**
     * The longest body, in characters of its HTML, for the newsroom form and the API alike (about 150,000 Chinese
     * characters of text with their markup). The web server takes forms far larger, so a longer one reaches this
     * check and comes back with what was typed.
     */
    public static final int MAX_BODY_LENGTH = 500_000;
    public static final int SUGGESTED_TAGS = 5;
    /** Length of an article page's related-articles list. */
    public static final int RELATED = 8;
    /** Of those, at most this many of the newest sharing a tag come first, before the most similar. */
    static final int FOLLOW_UPS = 3;
    /** The fields whose change makes the similar articles be chosen again; other edits keep the choice. */
    private static final Set<String> SIMILARITY_FIELDS = Set.of("title", "body", "tags");
    /** Articles kept in the most-read ranking: more than a page shows, so a withdrawn one leaves no gap. */
    private static final int RANKED = 20;

    private final ArticleRepository articles;
    private final ChannelService channels;
    private final TagService tags;
    private final AccountService accounts;
    private final ViewCounter viewCounter;
    private final ArticleListings listings;
    private final MostReadStore mostReadStore;
    private final ApplicationEventPublisher events;
    private final ArticlePolicy policy;
    private final ReviewStore reviewStore;
    private final ArticleRevisionRepository revisions;
    private final Duration trashRetention;
    private final PreviewLinks previewLinks;
    private final BodyPictures bodyPictures;
    private final InputRules rules;

    private final Permissions permissions;
    private final SimilarArticles similar;
    private final KeywordSearch keywordSearch;

    ArticleService(ArticleRepository articles, ChannelService channels, TagService tags, AccountService accounts,
                   ViewCounter viewCounter, ArticleListings listings, MostReadStore mostReadStore,
                   ApplicationEventPublisher events, ArticlePolicy policy, ReviewStore reviewStore,
                   ArticleRevisionRepository revisions, DayuanProperties properties, PreviewLinks previewLinks,
                   BodyPictures bodyPictures, InputRules rules, Permissions permissions,
                   SimilarArticles similar, KeywordSearch keywordSearch) {
        this.permissions = permissions;
        this.similar = similar;
        this.keywordSearch = keywordSearch;
        this.rules = rules;
        this.previewLinks = previewLinks;
        this.bodyPictures = bodyPictures;
        this.articles = articles;
        this.policy = policy;
        this.reviewStore = reviewStore;
        this.revisions = revisions;
        this.trashRetention = properties.trashRetention();
        this.mostReadStore = mostReadStore;
        this.listings = listings;
        this.channels = channels;
        this.tags = tags;
        this.accounts = accounts;
        this.viewCounter = viewCounter;
        this.events = events;
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /**
     * Writes a new article as {@code actor} (a newsroom username), who becomes its publisher. An author asking for
     * {@code PUBLISHED} gets it saved as pending review (the answer's status says so).
     */
    @Transactional
    public ArticleDetail create(ArticleDraft draft, String actor) {
        Account account = actor(actor);
        ArticleDraft checked = check(draft, account);
        Channel channel = channels.getByPath(checked.channel());
        Article article = new Article(account);
        article.apply(checked.with(ArticleStatus.DRAFT, checked.publishedAt()), channel, tags.findOrCreate(checked.tags()));
        ReviewDecision step = enterStatus(article, checked.status(), checked.publishedAt(), account);
        chooseSimilar(article);
        articles.saveAndFlush(article);
        record(article, step, account);
        keepRevision(article, null, account, false);
        audit(AuditEvent.of(actor, "article.create", object(article)).with("title", null, article.getTitle())
                .with("status", null, article.getStatus()));
        announce(article, Place.NOWHERE);
        return detail(article);
    }

    /** {@link #update(long, ArticleDraft, String, Long)} without a version check. */
    @Transactional
    public ArticleDetail update(long id, ArticleDraft draft, String actor) {
        return update(id, draft, actor, null);
    }

    /**
     * Replaces an article's content. With {@code expectedVersion} (the version the editor's form or client read), a
     * save over a newer version is refused with {@link EditedMeanwhileException}, so no one's change is lost. An
     * edit of a published article that does not go live at once ({@link ArticlePolicy#editGoesLive}: an author's, or
     * an editor's when the site reviews edits) is kept as a pending revision; the live version stays up until another
     * editor takes it ({@link #restoreRevision}).
     */
    @Transactional
    public ArticleDetail update(long id, ArticleDraft draft, String actor, Long expectedVersion) {
        Account account = actor(actor);
        Article article = load(id);
        policy.requireMayEdit(account, article);
        if (expectedVersion != null && expectedVersion != article.getVersion()) {
            throw new EditedMeanwhileException(revisionsAfter(article.getId(), expectedVersion));
        }
        ArticleDraft checked = check(draft, account);
        Channel channel = channels.getByPath(checked.channel());
        if (!policy.editGoesLive(account, article, reviewStore.policy())) {
            return propose(article, checked, channel, account);
        }
        return save(article, checked, channel, account);
    }

    /** Writes a checked draft over the article: the live version, a revision, the audit entry, the pages told. */
    private ArticleDetail save(Article article, ArticleDraft checked, Channel channel, Account account) {
        String actor = account.getUsername();
        ArticleContent before = ArticleContent.of(article);
        Place place = Place.of(article);
        ArticleStatus wanted = checked.status();
        ArticleDraft kept = checked.with(article.getStatus(), keptPublishTime(checked, article));
        article.apply(kept, channel, tags.findOrCreate(checked.tags()));
        record(article, enterStatus(article, wanted, kept.publishedAt(), account), account);
        if (!article.hasSimilarChoice()) {
            chooseSimilar(article);
        } else if (!Collections.disjoint(ArticleContent.of(article).changedFrom(before), SIMILARITY_FIELDS)) {
            // Asking the index takes longer than the rest of the save; the page shows the old choice until then.
            events.publishEvent(new SimilarChoiceStale(article.getId()));
        }
        articles.flush();
        settlePendingRevisions(article.getId());
        keepRevision(article, before, account, false);
        audit(changes(AuditEvent.of(actor, "article.update", object(article)), before, ArticleContent.of(article)));
        announce(article, place);
        return detail(article);
    }

    /** Makes an article public now (or at its scheduled time, if that lies ahead), without the review levels. */
    @Transactional
    public ArticleDetail publish(long id, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.publish");
        Article article = load(id);
        policy.requireMayEdit(account, article);
        Place before = Place.of(article);
        ArticleStatus was = article.getStatus();
        record(article, enterStatus(article, ArticleStatus.PUBLISHED, article.getPublishedAt(), account), account);
        audit(AuditEvent.of(actor, "article.publish", object(article)).with("status", was, article.getStatus()));
        announce(article, before);
        return detail(article);
    }

    /** Takes an article off the public site; it stays in the newsroom and can be published again. */
    @Transactional
    public ArticleDetail unpublish(long id, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.unpublish");
        Article article = load(id);
        policy.requireMayEdit(account, article);
        Place before = Place.of(article);
        ArticleStatus was = article.getStatus();
        article.changeStatus(ArticleStatus.UNPUBLISHED, article.getPublishedAt());
        audit(AuditEvent.of(actor, "article.unpublish", object(article)).with("status", was, article.getStatus()));
        announce(article, before);
        return detail(article);
    }

    /** An author (or editor) hands an article to the first review level. */
    @Transactional
    public ArticleDetail submitForReview(long id, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        policy.requireMayEdit(account, article);
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            throw new InvalidInputException("status", "article.review.already-published");
        }
        if (article.getStatus() == ArticleStatus.PENDING) {
            throw new ConflictException("article.review.already-in-review", levelName(article));
        }
        requireBody(article);
        ArticleStatus was = article.getStatus();
        Place before = Place.of(article);
        record(article, enterStatus(article, ArticleStatus.PENDING, article.getPublishedAt(), account), account);
        audit(AuditEvent.of(actor, "article.submit", object(article)).with("status", was, article.getStatus()));
        announce(article, before);
        return detail(article);
    }

    /**
     * Signs off the level a pending article awaits: it moves on to the next level or, at the last one, is published
     * (or scheduled for its publish time) with the approver as 责任编辑 unless one was named.
     */
    @Transactional
    public ArticleDetail approve(long id, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.review");
        Article article = load(id);
        requirePending(article);
        int levels = levels(article);
        policy.requireMaySignOff(account, article, reviewStore.policy(), levels, reviewStore.reviews(id));
        int level = article.getReviewLevel();
        reviewStore.add(id, level, actor, ReviewDecision.APPROVED, null);
        Place before = Place.of(article);
        if (level >= levels) {
            policy.requireMayPublish(account, article, reviewStore.policy());
            bodyPictures.requireAltText(article.getBody());
            article.publish(publishTime(article), account.getDisplayName());
        } else {
            article.advanceReview();
        }
        audit(AuditEvent.of(actor, "article.approve", object(article)).with("level", null, level)
                .with("status", ArticleStatus.PENDING, article.getStatus()));
        announce(article, before);
        return detail(article);
    }

    /** Sends a pending article back to its author as a draft, with a reason the author reads in the newsroom. */
    @Transactional
    public ArticleDetail reject(long id, String reason, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.review");
        Article article = load(id);
        requirePending(article);
        policy.requireMaySignOff(account, article, reviewStore.policy(), levels(article), reviewStore.reviews(id));
        String checkedReason = text(reason);
        if (checkedReason == null) {
            throw new InvalidInputException("reason", "article.reject.reason.required");
        }
        if (checkedReason.length() > 500) {
            throw new InvalidInputException("reason", "article.reject.reason.too-long", 500);
        }
        int level = article.getReviewLevel();
        reviewStore.add(id, level, actor, ReviewDecision.REJECTED, checkedReason);
        article.reject(checkedReason);
        audit(AuditEvent.of(actor, "article.reject", object(article)).with("level", null, level)
                .with("reason", null, checkedReason));
        return detail(article);
    }

    /** Every step of an article's reviews, oldest first. */
    public List<Review> reviews(long id, String actor) {
        Article article = load(id);
        policy.requireMayRead(actor(actor), article);
        return reviewStore.reviews(id);
    }

    /** Moves an article to another channel; its old address answers 301 to the new one, as every article address does. */
    @Transactional
    public ArticleDetail move(long id, String channelPath, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        policy.requireMayEdit(account, article);
        if (!policy.editGoesLive(account, article, reviewStore.policy())) {
            throw new ForbiddenException("article.move.published");
        }
        if (channelPath == null || channelPath.isBlank()) {
            throw new InvalidInputException("channel", "article.move.channel.required");
        }
        Channel channel = channels.getByPath(channelPath);
        ArticleContent before = ArticleContent.of(article);
        Place place = Place.of(article);
        article.moveTo(channel);
        articles.flush();
        keepRevision(article, before, account, false);
        audit(AuditEvent.of(actor, "article.move", object(article)).with("channel", before.channelId(),
                channel.getId()));
        announce(article, place);
        return detail(article);
    }

    /**
     * One action on many articles, all or none: the first article the action is refused for (with its reason)
     * refuses the lot, so a half-done batch never happens.
     *
     * @param channel the channel path to move to, for {@link BulkAction#MOVE}
     * @return how many articles it was done to
     */
    @Transactional
    public int bulk(List<Long> ids, BulkAction action, String channel, String actor) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "article.bulk.ids.required");
        }
        if (action == null) {
            throw new InvalidInputException("action", "article.bulk.action.required");
        }
        if (ids.size() > 200) {
            throw new InvalidInputException("ids", "article.bulk.too-many");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        for (long id : distinct) {
            try {
                switch (action) {
                    case SUBMIT -> submitForReview(id, actor);
                    case PUBLISH -> publish(id, actor);
                    case UNPUBLISH -> unpublish(id, actor);
                    case MOVE -> move(id, channel, actor);
                    case DELETE -> delete(id, actor);
                }
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.field(), "article.bulk.failed", id, e);
            } catch (ConflictException e) {
                throw new ConflictException("article.bulk.failed", id, e);
            }
        }
        return distinct.size();
    }

    /** Moves an article to the recycle bin: it leaves the site at once and can be restored for a while. */
    @Transactional
    public void delete(long id, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        policy.requireMayDelete(account, article);
        Place before = Place.of(article);
        ArticleStatus was = article.getStatus();
        article.trash(actor);
        audit(AuditEvent.of(actor, "article.trash", object(article)).with("status", was, article.getStatus()));
        announce(article.getId(), before, Place.NOWHERE);
    }

    // ---- corrections and lapsed notices --------------------------------------------------------------------

    /** Marks a published article 已更正 with a note readers see under it; a blank note takes the mark away. */
    @Transactional
    public ArticleDetail correct(long id, String note, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.correct");
        Article article = load(id);
        if (article.getStatus() != ArticleStatus.PUBLISHED) {
            throw new ConflictException("article.correction.unpublished");
        }
        String checked = text(note);
        if (checked != null && checked.length() > 500) {
            throw new InvalidInputException("note", "article.correction.note.too-long", 500);
        }
        audit(AuditEvent.of(actor, "article.correct", object(article))
                .with("correction", article.getCorrectionNote(), checked));
        Place place = Place.of(article);
        article.correct(checked);
        announce(article, place);
        return detail(article);
    }

    /** Marks a notice 已失效 or 已废止 (or in force again); it stays readable, labelled on its page and in lists. */
    @Transactional
    public ArticleDetail changeValidity(long id, Validity validity, String actor) {
        Account account = actor(actor);
        policy.requireEditor(account, "article.action.validity");
        if (validity == null) {
            throw new InvalidInputException("validity", "article.validity.required");
        }
        Article article = load(id);
        audit(AuditEvent.of(actor, "article.validity", object(article)).with("validity", article.getValidity(),
                validity));
        Place place = Place.of(article);
        article.changeValidity(validity);
        announce(article, place);
        return detail(article);
    }

    // ---- recycle bin ---------------------------------------------------------------------------------------

    /** An article in the recycle bin: who put it there, when, and when it will be purged for good. */
    public record TrashedArticle(ArticleSummary article, Instant trashedAt, String trashedBy, Instant purgedAt) {
    }

    /** The recycle bin, most recently deleted first. */
    public Page<TrashedArticle> trash(int page, int size, String actor) {
        policy.requireEditor(actor(actor), "article.action.view-trash");
        Specification<Article> trashed = (root, q, cb) -> cb.equal(root.get("status"), ArticleStatus.TRASHED);
        return articles.findAll(trashed, pageRequest(page, size, Sort.by(Sort.Order.desc("trashedAt"),
                Sort.Order.desc("id")))).map(a -> new TrashedArticle(summary(a), a.getTrashedAt(),
                a.getTrashedBy(), a.getTrashedAt().plus(trashRetention)));
    }

    /** Takes an article out of the recycle bin with its URL, revisions and counters, in the status it had. */
    @Transactional
    public ArticleDetail restoreFromTrash(long id, String actor) {
        policy.requireAdmin(actor(actor), "article.action.restore");
        Article article = trashed(id);
        article.restoreFromTrash();
        audit(AuditEvent.of(actor, "article.restore", object(article))
                .with("status", ArticleStatus.TRASHED, article.getStatus()));
        announce(article, Place.NOWHERE);
        return detail(article);
    }

    /** Deletes an article in the recycle bin for good, with its revisions, reviews and comments. */
    @Transactional
    public void purge(long id, String actor) {
        policy.requireAdmin(actor(actor), "article.action.purge");
        Article article = trashed(id);
        audit(AuditEvent.of(actor, "article.purge", object(article)).with("title", article.getTitle(), null));
        articles.delete(article);
    }

    /** Purges what has lain in the recycle bin longer than {@code dayuan.trash-retention}; returns how many. */
    @Transactional
    public int purgeExpiredTrash() {
        List<Article> expired = articles.findTrashedBefore(Instant.now().minus(trashRetention));
        for (Article article : expired) {
            audit(AuditEvent.of(AuditEvent.SYSTEM, "article.purge", object(article))
                    .with("title", article.getTitle(), null));
            articles.delete(article);
        }
        return expired.size();
    }

    private Article trashed(long id) {
        return articles.findWithDetailsById(id).filter(a -> a.getStatus() == ArticleStatus.TRASHED)
                .orElseThrow(() -> new NotFoundException("article.trash.not-found", id));
    }

    // ---- revisions -----------------------------------------------------------------------------------------

    /** An article's revisions, newest first. */
    public List<RevisionSummary> revisions(long id, String actor) {
        policy.requireMayRead(actor(actor), load(id));
        return revisions.findByArticleIdOrderByRevisionNumberDesc(id).stream().map(RevisionSummary::of).toList();
    }

    public RevisionDetail revision(long id, int number, String actor) {
        policy.requireMayRead(actor(actor), load(id));
        ArticleRevision revision = revision(id, number);
        ArticleContent c = revision.content();
        String channel = channels.tree().byId(c.channelId()).map(ChannelView::path).orElse(null);
        return new RevisionDetail(RevisionSummary.of(revision), c.title(), c.subtitle(), c.summary(), c.body(),
                channel, c.author(), c.source(), c.sourceUrl(), c.editor(), c.tags(), c.rightsType(), c.status(),
                c.publishedAt(), c.coverImage(), c.headline(), c.pinned(), c.commentsOpen(), c.provenance());
    }

    /** Two revisions side by side, for the newsroom's 版本对比. */
    public RevisionComparison compare(long id, int from, int to, String actor) {
        return RevisionComparison.of(revision(id, from, actor), revision(id, to, actor));
    }

    /**
     * Brings back an old revision's content as a new revision; the article keeps its status and publish time. An
     * editor restoring an author's pending revision puts that edit live.
     */
    @Transactional
    public ArticleDetail restoreRevision(long id, int number, String actor) {
        Article article = load(id);
        ArticleContent c = revision(id, number).content();
        String channel = channels.tree().byId(c.channelId()).map(ChannelView::path)
                .orElseThrow(() -> new ConflictException("article.revision.channel-gone"));
        // 责任编辑 is whoever signed off the live version, unless the revision named one.
        String editor = c.editor() != null ? c.editor() : article.getEditor();
        ArticleDraft draft = new ArticleDraft(c.title(), c.subtitle(), c.summary(), c.body(), channel, c.author(),
                c.source(), c.sourceUrl(), editor, c.tags(), c.rightsType(), article.getPublishedAt(),
                article.getStatus(), c.coverImage(), c.headline(), c.pinned(), c.commentsOpen(), c.provenance());
        ArticleRevision revision = revision(id, number);
        ArticleDetail restored;
        if (revision.isPending()) {
            // Taking a waiting edit live is the review of it: an editor who is not the one who proposed it.
            Account account = actor(actor);
            policy.requireMayAdopt(account, revision.getAccount());
            ArticleDraft checked = check(draft, account);
            restored = save(article, checked, channels.getByPath(checked.channel()), account);
        } else {
            restored = update(id, draft, actor);
        }
        audit(AuditEvent.of(actor, "article.revision.restore", object(article)).with("revision", null, number));
        return restored;
    }

    private ArticleRevision revision(long id, int number) {
        return revisions.findByArticleIdAndRevisionNumber(id, number)
                .orElseThrow(() -> new NotFoundException("article.revision.not-found", id, number));
    }

    /** A save refused because the article changed since the editor read it: the revisions saved meanwhile. */
    public static class EditedMeanwhileException extends ConflictException {

        private final transient List<RevisionSummary> meanwhile;

        EditedMeanwhileException(List<RevisionSummary> meanwhile) {
            super(meanwhile.isEmpty() ? "article.edited-meanwhile" : "article.edited-meanwhile.by",
                    meanwhile.stream().map(RevisionSummary::account).distinct().reduce((a, b) -> a + "、" + b)
                            .orElse(""));
            this.meanwhile = List.copyOf(meanwhile);
        }

        public List<RevisionSummary> meanwhile() {
            return meanwhile;
        }
    }

    // ---- previews -----------------------------------------------------------------------------------------

    /** How long a shared preview address works. */
    public static final Duration PREVIEW_VALIDITY = Duration.ofDays(3);

    /** A signed address showing the article exactly as readers would see it, until {@link #PREVIEW_VALIDITY} ends. */
    public String previewLink(long id, String actor) {
        policy.requireMayRead(actor(actor), load(id));
        return previewLinks.link(id, Instant.now().plus(PREVIEW_VALIDITY));
    }

    /** The article a preview address shows, if its signature holds and it has not expired or been deleted. */
    public Optional<ArticleDetail> preview(long id, long expires, String signature) {
        if (!previewLinks.valid(id, expires, signature)) {
            return Optional.empty();
        }
        return articles.findWithDetailsById(id).filter(a -> a.getStatus() != ArticleStatus.TRASHED)
                .map(this::detail);
    }

    // ---- how reviews go ------------------------------------------------------------------------------------

    public ReviewPolicy reviewPolicy() {
        return reviewStore.policy();
    }

    /** How reviews go, as the administrators who set it see it. */
    public ReviewPolicy reviewPolicyToEdit() {
        permissions.require(Role.ADMIN);
        return reviewStore.policy();
    }

    /** Whether editors' edits of published articles wait for another editor, as authors' always do. */
    @Transactional
    public void setEditsReviewed(boolean reviewed, String actor) {
        policy.requireAdmin(actor(actor), "article.action.set-edit-review");
        boolean before = reviewStore.policy().editsReviewed();
        reviewStore.setEditsReviewed(reviewed);
        audit(AuditEvent.of(actor, "review.edits", "review").with("editsReviewed", before, reviewed));
    }

    /** Sets how many levels a review has, site-wide, and who may sign off each level. */
    @Transactional
    public void setReviewPolicy(int levels, List<ReviewPolicy.LevelRule> rules, String actor) {
        policy.requireAdmin(actor(actor), "article.action.set-review");
        if (levels < 1 || levels > ReviewPolicy.MAX_LEVELS) {
            throw new InvalidInputException("levels", "article.review.levels.out-of-range", ReviewPolicy.MAX_LEVELS);
        }
        ReviewPolicy before = reviewStore.policy();
        AuditEvent event = AuditEvent.of(actor, "review.settings", "review").with("levels", before.levels(), levels);
        reviewStore.setLevels(levels);
        for (ReviewPolicy.LevelRule rule : rules) {
            if (rule.minimumRole() == Role.AUTHOR) {
                throw new InvalidInputException("minimumRole", "article.review.minimum-role.invalid");
            }
            for (String username : rule.accounts()) {
                Account named = accounts.findByUsername(username).filter(Account::isEnabled).orElseThrow(
                        () -> new InvalidInputException("accounts", "article.review.account.unknown", username));
                if (!named.getRole().includes(rule.minimumRole())) {
                    throw new InvalidInputException("accounts", "article.review.account.role-too-low", username,
                            ReviewPolicy.LevelRule.name(rule.level(), ReviewPolicy.MAX_LEVELS),
                            rule.minimumRole().label());
                }
            }
            ReviewPolicy.LevelRule old = before.rule(rule.level());
            if (old == null) {
                throw new InvalidInputException("level", "article.review.level.out-of-range", ReviewPolicy.MAX_LEVELS);
            }
            event = event.with("level" + rule.level(), old.minimumRole() + " " + old.accounts(),
                    rule.minimumRole() + " " + rule.accounts());
            reviewStore.setRule(rule);
        }
        audit(event);
    }

    /** The 稿源单位名单 and whether a reprint from elsewhere needs an administrator to publish it. */
    @Transactional
    public void setReprintSources(List<String> sources, boolean required, String actor) {
        policy.requireAdmin(actor(actor), "article.action.set-sources");
        List<String> cleaned = new ArrayList<>();
        for (String source : sources == null ? List.<String>of() : sources) {
            String name = text(source);
            if (name != null && name.length() > 100) {
                throw new InvalidInputException("sources", "article.review.source.too-long", 100);
            }
            if (name != null && !cleaned.contains(name)) {
                cleaned.add(name);
            }
        }
        if (cleaned.size() > 500) {
            throw new InvalidInputException("sources", "article.review.sources.too-many");
        }
        ReviewPolicy before = reviewStore.policy();
        reviewStore.setSources(cleaned, required);
        audit(AuditEvent.of(actor, "review.sources", "review").with("sources", before.allowedSources(), cleaned)
                .with("required", before.sourcesRequired(), required));
    }

    /** A channel's own number of review levels (for it and its sub-channels), or null to follow the site's. */
    @Transactional
    public void setChannelReviewLevels(long channelId, Integer levels, String actor) {
        policy.requireAdmin(actor(actor), "article.action.set-channel-review");
        channels.get(channelId);
        if (levels != null && (levels < 1 || levels > ReviewPolicy.MAX_LEVELS)) {
            throw new InvalidInputException("levels", "article.review.levels.out-of-range", ReviewPolicy.MAX_LEVELS);
        }
        Integer before = reviewStore.policy().channelLevels().get(channelId);
        reviewStore.setChannelLevels(channelId, levels);
        audit(AuditEvent.of(actor, "review.channel", "channel:" + channelId).with("levels", before, levels));
    }

    /** Pending articles awaiting {@code level}'s sign-off, longest waiting first. */
    public Page<ArticleSummary> awaitingReview(int level, int page, int size, String actor) {
        policy.requireEditor(actor(actor), "article.action.review");
        Specification<Article> waiting = (root, q, cb) -> cb.and(
                cb.equal(root.get("status"), ArticleStatus.PENDING), cb.equal(root.get("reviewLevel"), level));
        return articles.findAll(waiting, pageRequest(page, size, Sort.by("updatedAt", "id"))).map(this::summary);
    }

    /** How many articles await each review level's sign-off. */
    public Map<Integer, Long> awaitingReviewPerLevel() {
        return reviewStore.waitingPerLevel();
    }

    /** Adds a reader's like; returns the new count. */
    @Transactional
    public long like(long id) {
        Article article = articles.findById(id).filter(a -> a.isPublicAt(Instant.now()))
                .orElseThrow(() -> new NotFoundException("article.not-found", id));
        articles.addLike(article.getId());
        viewCounter.forget(id);
        return articles.findLikeCount(id).orElse(0L);
    }

    /**
     * Sets the number of approved comments an article's page shows. The comment service announces the change
     * ({@code PageKeys.comments}); the article's own version is left alone, so an editor's open form stays valid.
     */
    @Transactional
    public void setCommentCount(long id, int count) {
        articles.setCommentCount(id, count);
    }

    /** Counts a reader's view without writing to the database now. */
    public void recordView(long id) {
        viewCounter.record(id);
    }

    /**
     * A reader's view of a public article, and the counts after it. {@code counts} decides whether this view is
     * counted (not a crawler, not beyond an address's allowance); it is given the article's identity, its id and
     * creation time, which no other article ever has, even where ids start over in a database emptied and filled
     * again beside the same Redis. Drafts, unpublished and missing articles count nothing and answer zeros. What a
     * view needs to know of an article is kept in memory ({@link ViewCounter#known}): a view reads no database.
     */
    public Counts view(long id, java.util.function.Predicate<String> counts) {
        ViewCounter.Known known = viewCounter.known(id);
        if (known == ViewCounter.NOT_PUBLIC) {
            return new Counts(0, 0, 0);
        }
        if (counts.test(known.identity())) {
            viewCounter.record(id);
        }
        return new Counts(known.views() + viewCounter.pending(id), known.likes(), known.comments());
    }

    /** Current view, like and comment counts, including views not yet written. */
    public Counts counts(long id) {
        long views = articles.findViewCount(id).orElseThrow(() -> new NotFoundException("article.not-found", id));
        return new Counts(views + viewCounter.pending(id), articles.findLikeCount(id).orElse(0L),
                articles.findCommentCount(id).orElse(0));
    }

    /** {@link #counts} of a public article; any other id is not found, drafts included. */
    public Counts publicCounts(long id) {
        findPublic(id).orElseThrow(() -> new NotFoundException("article.not-found", id));
        return counts(id);
    }

    public record Counts(long views, long likes, long comments) {
    }

    // ---- reading: newsroom and API -----------------------------------------------------------------------

    /** An article as the signed-in account may read it (authors: their own, and public ones). */
    public ArticleDetail get(long id, String actor) {
        Article article = load(id);
        policy.requireMayRead(actor(actor), article);
        return detail(article);
    }

    /** An article whoever asks: for features that show what an article is (a comment's or a report's). */
    public ArticleDetail get(long id) {
        return detail(load(id));
    }

    public boolean exists(long id) {
        return articles.existsById(id);
    }

    /** Whether the article lies in the recycle bin: its page answers 410 Gone until it is restored or purged. */
    public boolean inTrash(long id) {
        return articles.existsByIdAndStatus(id, ArticleStatus.TRASHED);
    }

    /**
     * The newsroom's article list as {@code actor} may see it: authors their own articles only. Articles in the
     * recycle bin are left out unless {@code TRASHED} is asked for. Without a keyword the most recently changed come
     * first; with one, the search index finds the articles whose words match, best first ({@link KeywordSearch}).
     */
    public Page<ArticleSummary> search(ArticleQuery query, int page, int size, String actor) {
        String onlyPublisher = policy.onlyPublisher(actor(actor));
        List<Long> channelIds = null;
        if (query.channel() != null && !query.channel().isBlank()) {
            ChannelTree tree = channels.tree();
            ChannelView channel = tree.byPath(query.channel().trim().replaceAll("^/+|/+$", ""))
                    .orElseThrow(() -> new InvalidInputException("channel", "channel.not-found", query.channel()));
            channelIds = tree.selfAndDescendantIds(channel.id());
        }
        if (query.keyword() != null && !query.keyword().isBlank()) {
            Page<Long> found = keywordSearch.find(query, channelIds, onlyPublisher,
                    pageRequest(page, size, Sort.unsorted()));
            Map<Long, ArticleRow> byId = found.hasContent() ? rows(found.getContent()) : Map.of();
            return new PageImpl<>(found.getContent().stream().map(byId::get).filter(Objects::nonNull)
                    .map(this::summary).toList(), found.getPageable(), found.getTotalElements());
        }
        List<Long> inChannels = channelIds;
        Specification<Article> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (onlyPublisher != null) {
                where.add(cb.equal(root.get("publisher").get("username"), onlyPublisher));
            }
            if (inChannels != null) {
                where.add(root.get("channel").get("id").in(inChannels));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            } else {
                where.add(cb.notEqual(root.get("status"), ArticleStatus.TRASHED));
            }
            if (query.author() != null && !query.author().isBlank()) {
                String author = query.author().trim();
                where.add(cb.or(cb.equal(root.get("publisher").get("username"), author),
                        cb.like(root.get("author"), "%" + likeLiteral(author) + "%", '!')));
            }
            jakarta.persistence.criteria.Expression<Instant> when = cb.coalesce(root.get("publishedAt"),
                    root.get("createdAt"));
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(when, query.from()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(when, query.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Pageable pageable = pageRequest(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        return articles.findAll(spec, pageable).map(this::summary);
    }

    /** Keywords and a summary suggested from an article body (HTML or text). */
    public Suggestions suggest(String body) {
        String text = ArticleHtml.text(body);
        return new Suggestions(ChineseText.keywords(text, SUGGESTED_TAGS), ChineseText.summary(text, SUMMARY_LENGTH));
    }

    public record Suggestions(List<String> tags, String summary) {
    }

    // ---- reading: public site -----------------------------------------------------------------------------

    public Optional<ArticleDetail> findPublic(long id) {
        ArticleReadAhead ahead = ArticleReadAhead.current();
        ArticleDetail read = ahead != null ? ahead.detail(id) : null;
        return read != null ? Optional.of(read) : articles.findWithDetailsById(id)
                .filter(a -> a.isPublicAt(Instant.now())).map(a -> detail(a, false));
    }

    /**
     * The published articles read ahead for a run that builds most of the public pages, in force where it
     * {@linkplain ArticleReadAhead#during runs}: their list rows now, their pages' articles in runs as they are asked
     * for.
     */
    public ArticleReadAhead readAhead() {
        return new ArticleReadAhead(articles.findRowsByStatus(ArticleStatus.PUBLISHED), this::publicDetails);
    }

    private Map<Long, ArticleDetail> publicDetails(List<Long> ids) {
        Instant now = Instant.now();
        Map<Long, ArticleDetail> details = new HashMap<>();
        articles.findWithDetailsByIdIn(ids).stream().filter(a -> a.isPublicAt(now))
                .forEach(a -> details.put(a.getId(), detail(a, false)));
        return details;
    }

    /** Public articles of a channel and its sub-channels; pinned first, then newest first. */
    public Page<ArticleSummary> publicInChannel(long channelId, int page, int size) {
        long version = listings.version();
        List<Long> channelIds = channels.tree().selfAndDescendantIds(channelId);
        return page(listings.channel(channelId, version, () -> articles.findListingOfChannels(channelIds)), page,
                size);
    }

    /** The newest {@code limit} public articles in one read (home page, feeds). */
    public List<ArticleSummary> newest(int limit) {
        return articles.findPublic(Instant.now(), PageRequest.of(0, Math.max(limit, 1))).map(this::listed)
                .getContent();
    }

    /**
     * The addresses of page {@code page} (from 0) of all public articles, newest first, {@code size} to a page: the
     * sitemap's parts. Read without the articles' rows, which a new process would otherwise read from disk.
     */
    public List<ArticleAddress> publicAddresses(int page, int size) {
        return articles.findPublicAddresses(Instant.now(), PageRequest.of(Math.max(page, 0), Math.max(size, 1)))
                .stream().map(row -> {
                    long id = (Long) row[0];
                    PageKeys.record(PageKeys.article(id));
                    return new ArticleAddress(ArticleSummary.url(channelOf((Long) row[1], id).path(), id),
                            (Instant) row[2]);
                }).toList();
    }

    /** The newest public articles published after {@code since}, at most {@code limit} (the news sitemap). */
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return articles.findPublicSince(Instant.now(), since, PageRequest.of(0, Math.max(limit, 1)))
                .map(this::listed).getContent();
    }

    /** The public ones among the articles with {@code ids}, in that order (a curated list: a slot, a topic). */
    public List<ArticleSummary> publicArticles(List<Long> ids) {
        return summaries(ids);
    }

    public List<ArticleSummary> headlines(int count) {
        return articles.findPublicHeadlines(Instant.now(), PageRequest.of(0, clamp(count))).stream()
                .map(this::listed).toList();
    }

    /** The most read public articles now, by views counted so far (the newsroom's dashboard). */
    public List<ArticleSummary> mostRead(int count) {
        return summaries(mostReadIds(count), count);
    }

    /**
     * The "阅读排行" ranking every page's sidebar shows, the same on every node: the one last announced by
     * {@link #refreshMostReadRanking}, kept in memory until the next announcement. On a site that never had one, the
     * current ranking. Shown by {@link #rankingForPage}.
     */
    @Cacheable(cacheNames = PageKeys.MOST_READ, sync = true)
    public List<Long> mostReadRanking() {
        List<Long> announced = mostReadStore.ids();
        return announced.isEmpty() ? mostReadIds(RANKED) : announced;
    }

    /**
     * The first {@code length} articles of {@code ranking} that are still public, for one page. Every page shows
     * them, so they are kept until the ranking or any article changes (the export read them 13,000 times).
     */
    @Cacheable(cacheNames = PageKeys.MOST_READ, sync = true)
    public List<ArticleSummary> rankingForPage(List<Long> ranking, int length) {
        return summaries(ranking, length);
    }

    /** Those of {@code ids} that are public now, in the same order (search results). */
    public List<ArticleSummary> publicSummaries(List<Long> ids) {
        return summaries(ids);
    }

    /**
     * Views never evict pages, so the ranking pages show falls behind as readers read. This compares the announced
     * ranking with the current one by views and, when the first {@code length} public articles differ, stores the
     * current one and announces {@link PageKeys#MOST_READ} with it: every node then forgets its kept ranking and
     * evicts the pages that show one.
     *
     * @return whether the ranking changed
     */
    @Transactional
    public boolean refreshMostReadRanking(int length) {
        List<Long> current = mostReadIds(RANKED);
        List<Long> announced = mostReadStore.ids();
        if (ids(summaries(current, length)).equals(ids(summaries(announced, length)))) {
            return false;
        }
        mostReadStore.replace(current);
        events.publishEvent(ContentChangedEvent.of(PageKeys.MOST_READ));
        return true;
    }

    private List<Long> mostReadIds(int count) {
        return articles.findPublicMostReadIds(Instant.now(), PageRequest.of(0, clamp(count)));
    }

    private static List<Long> ids(List<ArticleSummary> summaries) {
        return summaries.stream().map(ArticleSummary::id).toList();
    }

    public Page<ArticleSummary> publicByTag(long tagId, int page, int size) {
        long version = listings.version();
        return page(listings.tag(tagId, version, () -> articles.findListingOfTag(tagId)), page, size);
    }

    /**
     * The related articles under an article's page: the newest {@value #FOLLOW_UPS} sharing a tag with it (how its
     * story went on), then those most like it by their text ({@link SimilarArticles}, chosen when it was saved), then
     * more of the newest sharing a tag, {@value #RELATED} public articles at most.
     */
    public List<ArticleSummary> related(ArticleDetail article) {
        long version = listings.version();
        List<ArticleListings.Listing> tagListings = article.tags().stream()
                .map(tag -> listings.tag(tag.getId(), version, () -> articles.findListingOfTag(tag.getId()))).toList();
        List<Long> sharingTags = ArticleListings.newestAcross(tagListings, article.id(), RELATED, Instant.now());
        Set<Long> ids = new LinkedHashSet<>(sharingTags.subList(0, Math.min(FOLLOW_UPS, sharingTags.size())));
        ids.addAll(article.similarIds());
        ids.addAll(sharingTags);
        ids.remove(article.id());
        return summaries(List.copyOf(ids), RELATED);
    }

    /**
     * Chooses the articles most like this one's text now, for a new article or one without a choice yet. Before its
     * flush: the choice is part of the same update (and version) as the text it follows.
     */
    private void chooseSimilar(Article article) {
        article.setSimilarIds(mostAlike(article));
    }

    /** @return null when there is no index to ask */
    private List<Long> mostAlike(Article article) {
        return similar.like(article.getId(), article.getTitle(), article.getTags().stream().map(Tag::getName).toList(),
                article.getBody(), RELATED);
    }

    /** An article whose text changed: its similar articles are chosen again once the change committed. */
    record SimilarChoiceStale(long articleId) {
    }

    /**
     * Chooses again the articles most like an article's committed text, without changing its version, and tells its
     * page when the choice changed ({@link SimilarChoiceRenewal}).
     */
    @Transactional
    public void chooseSimilarAgain(long id) {
        articles.findById(id).ifPresent(article -> {
            List<Long> ids = mostAlike(article);
            if (ids != null && !ids.equals(article.getSimilarIds())
                    && articles.replaceSimilar(id, Article.similarIdsColumn(ids)) > 0) {
                events.publishEvent(ContentChangedEvent.of(PageKeys.similarTo(id)));
            }
        });
    }

    /**
     * Chooses the similar articles of up to {@code limit} articles that have no choice yet (saved before there was
     * one, or handed back by {@link #forgetSimilar}), without changing their version: an editor's open form stays
     * current. Their pages are told.
     *
     * @return how many articles got a choice
     */
    @Transactional
    public int chooseMissingSimilar(int limit) {
        List<Article> waiting = articles.findAllById(articles.findIdsWithoutSimilar(PageRequest.of(0, limit)));
        Set<String> keys = new HashSet<>();
        for (Article article : waiting) {
            List<Long> ids = mostAlike(article);
            if (ids != null && articles.keepSimilar(article.getId(), Article.similarIdsColumn(ids)) > 0) {
                keys.add(PageKeys.similarTo(article.getId()));
            }
        }
        if (!keys.isEmpty()) {
            events.publishEvent(new ContentChangedEvent(keys));
        }
        return keys.size();
    }

    /** Drops every article's choice of similar articles, so that each is chosen again (after a bulk import). */
    @Transactional
    public void forgetSimilar() {
        articles.forgetSimilar();
    }

    public long countPublic() {
        return articles.countPublic(Instant.now());
    }

    /** Ids of every public article, for the sitemap and the static export. */
    public List<Long> publicIds() {
        return articles.findPublicIds(Instant.now());
    }

    /** Addresses ({@link ArticleSummary#url()}) of every public article, for the static export. */
    public List<String> publicUrls() {
        return urls(articles.findPublicRefs(Instant.now()));
    }

    /** The addresses of those of these articles that readers may see now, in order of id. */
    public List<String> publicUrls(Collection<Long> ids) {
        List<ArticleRepository.ArticleRef> refs = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            refs.addAll(articles.findPublicRefs(Instant.now(), all.subList(i, Math.min(all.size(), i + 1000))));
        }
        return urls(refs);
    }

    private List<String> urls(List<ArticleRepository.ArticleRef> refs) {
        ChannelTree tree = channels.tree();
        return refs.stream()
                .map(ref -> ArticleSummary.url(tree.byId(ref.getChannelId()).orElseThrow().path(), ref.getId()))
                .toList();
    }

    /**
     * Announces the scheduled articles whose time has come: they went public without any commit that would tell the
     * pages that list them. Each is announced once in the whole cluster, by the transaction whose conditional update
     * claimed it, in that transaction (so the announcement reaches the change log with the claim).
     *
     * @return how many articles this call announced
     */
    @Transactional
    public int announceArticlesGoneLive() {
        Set<String> keys = new HashSet<>();
        int announced = 0;
        for (Article article : articles.findGoneLive(Instant.now())) {
            if (articles.claimGoLive(article.getId()) == 0) {
                continue;
            }
            announced++;
            Place place = Place.of(article);
            keys.add(PageKeys.article(article.getId()));
            keys.add(PageKeys.LATEST);
            keys.addAll(listingKeys(Set.of(place.channelId()), place.tagIds()));
            // It has just become the newest article of each of its tags.
            place.tagIds().forEach(tagId -> keys.add(PageKeys.relatedByTag(tagId)));
        }
        if (!keys.isEmpty()) {
            events.publishEvent(new ContentChangedEvent(keys));
        }
        return announced;
    }

    // ---- internals ----------------------------------------------------------------------------------------

    /** An article that is not in the recycle bin: a deleted article is gone for everything but the bin. */
    private Article load(long id) {
        return articles.findWithDetailsById(id).filter(a -> a.getStatus() != ArticleStatus.TRASHED)
                .orElseThrow(() -> new NotFoundException("article.not-found-or-deleted", id));
    }

    private Account actor(String username) {
        return permissions.enabled(username);
    }


    /** A save without a publish time leaves a published (or withdrawn) article's time as it was. */
    private static Instant keptPublishTime(ArticleDraft d, Article article) {
        boolean wasPublished = article.getStatus() == ArticleStatus.PUBLISHED
                || article.getStatus() == ArticleStatus.UNPUBLISHED;
        return d.publishedAt() == null && wasPublished ? article.getPublishedAt() : d.publishedAt();
    }

    /**
     * Moves an article to the status a save asked for, as far as {@code account} may: submitting starts a review at
     * level 1; publishing without the levels (editors only) is 签发 and names the editor 责任编辑 when nobody was
     * named. Answers the review step to {@link #record}, or null.
     */
    private ReviewDecision enterStatus(Article article, ArticleStatus wanted, Instant publishedAt, Account account) {
        ArticleStatus status = policy.allowedStatus(account, wanted);
        if (status == article.getStatus()) {
            return null;
        }
        switch (status) {
            case PENDING -> {
                requireBody(article);
                article.submit();
                return ReviewDecision.SUBMITTED;
            }
            case PUBLISHED -> {
                requireBody(article);
                policy.requireMayPublish(account, article, reviewStore.policy());
                bodyPictures.requireAltText(article.getBody());
                article.publish(publishedAt == null ? Instant.now() : publishedAt, account.getDisplayName());
                return ReviewDecision.PUBLISHED;
            }
            default -> {
                article.changeStatus(status, publishedAt);
                return null;
            }
        }
    }

    /** Keeps the review step a change of status took (once the article has its id). */
    private void record(Article article, ReviewDecision step, Account account) {
        if (step != null) {
            reviewStore.add(article.getId(), step == ReviewDecision.SUBMITTED ? 1 : 0, account.getUsername(), step,
                    null);
        }
    }

    private static void requireBody(Article article) {
        String body = article.getBody();
        if (body == null || ArticleHtml.text(body).isBlank() && !body.contains("<img")) {
            throw new InvalidInputException("body", "article.review.body.empty");
        }
    }

    private static void requirePending(Article article) {
        if (article.getStatus() != ArticleStatus.PENDING) {
            throw new ConflictException("article.review.not-in-review", article.getStatus().label());
        }
    }

    /** An explicit publish time is kept: it may be a scheduled time or the original date of an imported article. */
    private static Instant publishTime(Article article) {
        return article.getPublishedAt() == null ? Instant.now() : article.getPublishedAt();
    }

    /** How many review levels the article's channel asks for: its own or its nearest parent's, else the site's. */
    private int levels(Article article) {
        ReviewPolicy reviewPolicy = reviewStore.policy();
        List<ChannelView> trail = channels.tree().trail(article.getChannel().getId());
        for (int i = trail.size() - 1; i >= 0; i--) {
            Integer own = reviewPolicy.channelLevels().get(trail.get(i).id());
            if (own != null) {
                return own;
            }
        }
        return reviewPolicy.levels();
    }

    private String levelName(Article article) {
        return ReviewPolicy.LevelRule.name(article.getReviewLevel(), levels(article));
    }

    /** Keeps the article as this save left it, unless the save changed nothing. */
    private void keepRevision(Article article, ArticleContent before, Account account, boolean pending) {
        ArticleContent content = ArticleContent.of(article);
        List<String> changed = content.changedFrom(before);
        if (before != null && changed.isEmpty()) {
            return;
        }
        revisions.save(new ArticleRevision(article.getId(), revisions.findLastNumber(article.getId()) + 1,
                account.getUsername(), changed, pending, article.getVersion(), content));
    }

    /** An author's edit of their published article, kept as a pending revision; the live version stays. */
    private ArticleDetail propose(Article article, ArticleDraft checked, Channel channel, Account account) {
        ArticleContent live = ArticleContent.of(article);
        ArticleContent proposed = new ArticleContent(checked.title(), checked.subtitle(), checked.summary(),
                checked.body(), channel.getId(), checked.author(), checked.source(), checked.sourceUrl(),
                checked.editor(), checked.tags(), checked.rightsType(), live.status(), live.publishedAt(),
                checked.coverImage(), checked.headline(), checked.pinned(), checked.commentsOpen(),
                checked.provenance());
        List<String> changed = proposed.changedFrom(live);
        if (!changed.isEmpty()) {
            settlePendingRevisions(article.getId());
            int number = revisions.findLastNumber(article.getId()) + 1;
            revisions.save(new ArticleRevision(article.getId(), number, account.getUsername(), changed, true,
                    article.getVersion(), proposed));
            audit(AuditEvent.of(account.getUsername(), "article.propose", object(article))
                    .with("revision", null, number).with("fields", null, String.join(",", changed)));
        }
        return detail(article);
    }

    private void settlePendingRevisions(long articleId) {
        revisions.findByArticleIdAndPendingTrue(articleId).forEach(ArticleRevision::settle);
    }

    private List<RevisionSummary> revisionsAfter(long articleId, long version) {
        return revisions.findByArticleIdOrderByRevisionNumberDesc(articleId).stream()
                .filter(r -> !r.isPending() && r.getArticleVersion() > version).map(RevisionSummary::of).toList();
    }

    private static String object(Article article) {
        return "article:" + article.getId();
    }

    /** The event with the fields that changed; a body is named by its length, the revisions keep it in full. */
    private static AuditEvent changes(AuditEvent event, ArticleContent before, ArticleContent after) {
        for (String field : after.changedFrom(before)) {
            event = switch (field) {
                case "body" -> event.with("body", before.body().length() + " 字符", after.body().length() + " 字符");
                case "title" -> event.with(field, before.title(), after.title());
                case "channel" -> event.with(field, before.channelId(), after.channelId());
                case "status" -> event.with(field, before.status(), after.status());
                case "tags" -> event.with(field, before.tags(), after.tags());
                case "editor" -> event.with(field, before.editor(), after.editor());
                case "source" -> event.with(field, before.source(), after.source());
                case "publishedAt" -> event.with(field, before.publishedAt(), after.publishedAt());
                default -> event.with(field, "", "已修改");
            };
        }
        return event;
    }

    private void audit(AuditEvent event) {
        events.publishEvent(event);
    }

    private ArticleDraft check(ArticleDraft draft, Account account) {
        if (draft == null) {
            throw new InvalidInputException("title", "article.empty");
        }
        ArticleDraft given = rules.check(trimmed(draft));
        channels.getByPath(given.channel());
        String withPictures = bodyPictures.store(draft.body(), account.getUsername());
        if (withPictures != null && withPictures.length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException("body", "article.body.too-long", MAX_BODY_LENGTH / 10_000,
                    withPictures.length());
        }
        String body = ArticleHtml.sanitize(PlainText.clean(withPictures));
        String text = ArticleHtml.text(body);
        ArticleStatus status = draft.status() == null ? ArticleStatus.DRAFT : draft.status();
        if (status != ArticleStatus.DRAFT && text.isBlank() && !body.contains("<img")) {
            throw new InvalidInputException("body", "article.body.required");
        }
        String summary = given.summary();
        if (summary == null && !text.isBlank()) {
            summary = ChineseText.summary(text, SUMMARY_LENGTH);
        }
        List<String> tagNames = List.copyOf(TagService.normalize(draft.tags()));
        Instant publishedAt = draft.publishedAt();
        if (given.sourceUrl() != null && !WebAddress.isHttp(given.sourceUrl())) {
            throw new InvalidInputException("sourceUrl", "article.source-url.invalid");
        }
        String cover = given.coverImage();
        if (cover != null && !(cover.startsWith("/") && !cover.startsWith("//")) && !WebAddress.isHttp(cover)) {
            throw new InvalidInputException("coverImage", "article.cover-image.invalid");
        }
        return new ArticleDraft(given.title(), given.subtitle(), summary, body, given.channel(), given.author(),
                given.source(), given.sourceUrl(), given.editor(), tagNames,
                draft.rightsType() == null ? RightsType.ORIGINAL : draft.rightsType(),
                publishedAt, status, cover, draft.headline(), draft.pinned(), draft.commentsOpen(), given.provenance());
    }

    /** The draft as the input rules judge it and the service saves it: every text cleaned, trimmed,
            a blank one null. */
    private static ArticleDraft trimmed(ArticleDraft d) {
        Provenance p = d.provenance() == null ? Provenance.NONE : d.provenance();
        return new ArticleDraft(text(d.title()), text(d.subtitle()), text(d.summary()), d.body(), text(d.channel()),
                text(d.author()), text(d.source()), text(d.sourceUrl()), text(d.editor()), d.tags(), d.rightsType(),
                d.publishedAt(), d.status(), text(d.coverImage()), d.headline(), d.pinned(), d.commentsOpen(),
                new Provenance(text(p.originalTitle()), text(p.originalAuthor()), p.originalPublishedAt()));
    }

    private static String text(String value) {
        String cleaned = PlainText.clean(value);
        return cleaned == null || cleaned.isBlank() ? null : cleaned.trim();
    }

    /** A user's text inside a LIKE pattern (escape character {@code !}), matched as typed: % and _ are not wildcards. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static int clamp(int size) {
        return Math.min(Math.max(size, 1), 100);
    }

    /**
     * Page {@code page} (from 0) of {@code size} articles. A page further than an int offset reaches (the
     * databases' limit, {@code ?page=2147483647}) is taken as the last reachable one, which is empty.
     */
    private static PageRequest pageRequest(int page, int size, Sort sort) {
        int checkedSize = clamp(size);
        int lastReachable = Integer.MAX_VALUE / checkedSize - 1;
        return PageRequest.of(Math.min(Math.max(page, 0), lastReachable), checkedSize, sort);
    }

    private static Set<Long> tagIds(Article article) {
        Set<Long> ids = new HashSet<>();
        article.getTags().forEach(t -> ids.add(t.getId()));
        return ids;
    }

    /**
     * Where an article stands in the public lists: whether it is listed (published, maybe scheduled), when, pinned
     * or a headline, in which channel and under which tags. A change that leaves this alone (a corrected title or
     * body) changes no list's order or membership, only what the lists show of it.
     */
    private record Place(boolean listed, Instant publishedAt, boolean pinned, boolean headline, long channelId,
                         Set<Long> tagIds) {

        static final Place NOWHERE = new Place(false, null, false, false, -1, Set.of());

        static Place of(Article article) {
            return new Place(article.getStatus() == ArticleStatus.PUBLISHED && article.getPublishedAt() != null,
                    article.getPublishedAt(), article.isPinned(), article.isHeadline(), article.getChannel().getId(),
                    ArticleService.tagIds(article));
        }

        Set<Long> channelIds() {
            return listed ? Set.of(channelId) : Set.of();
        }

        Set<Long> listedTagIds() {
            return listed ? tagIds : Set.of();
        }
    }

    private void announce(Article article, Place before) {
        announce(article.getId(), before, Place.of(article));
    }

    /**
     * Tells the listings where the article is listed now (in memory, and in its tag rows, which a tag's listing is
     * read from), and the page cache which pages the change touches: every page that shows the article, and, when
     * its place changed, every list it left, entered or moved in.
     */
    private void announce(long articleId, Place before, Place after) {
        Set<Long> channelIds = new HashSet<>(before.channelIds());
        channelIds.addAll(after.channelIds());
        Set<Long> tagIds = new HashSet<>(before.listedTagIds());
        tagIds.addAll(after.listedTagIds());
        Set<String> touched = listingKeys(channelIds, tagIds);
        Set<String> keys = new HashSet<>();
        keys.add(PageKeys.article(articleId));
        if (!before.equals(after) && (before.listed() || after.listed())) {
            keys.add(PageKeys.LATEST);
            keys.addAll(touched);
            tagIds.stream().filter(tagId -> amongRelated(tagId, articleId, before, after))
                    .forEach(tagId -> keys.add(PageKeys.relatedByTag(tagId)));
        }
        if (before.listed() || after.listed()) {
            // A save may have written the tag rows anew (a draft's tag list replaces the old one): set them all.
            articles.listUnderTags(articleId, after.listed() ? after.publishedAt() : null);
        }
        events.publishEvent(new ArticleListings.Placement(articleId, touched,
                after.listed() ? listingKeys(Set.of(after.channelId()), after.tagIds()) : Set.of(),
                after.publishedAt(), after.pinned()));
        events.publishEvent(new ContentChangedEvent(keys));
    }

    /**
     * Whether the article was or will be among the newest articles of the tag that related-article lists draw from;
     * only then do those lists change (its title in them is covered by its own key). Without the tag's listing at
     * hand, the answer is yes.
     */
    private boolean amongRelated(long tagId, long articleId, Place before, Place after) {
        // Not loaded here: inside this transaction a listing would be read with the change not yet committed.
        ArticleListings.Listing listing = listings.loadedTag(tagId);
        if (listing == null) {
            return true;
        }
        int depth = RELATED + 1;
        Instant now = Instant.now();
        return before.listedTagIds().contains(tagId) && listing.amongNewest(articleId, before.publishedAt(), depth, now)
                || after.listedTagIds().contains(tagId) && listing.amongNewest(articleId, after.publishedAt(), depth, now);
    }

    /** The lists an article of these channels with these tags appears in: its channels' with their parents'. */
    private Set<String> listingKeys(Set<Long> channelIds, Set<Long> tagIds) {
        Set<String> keys = new HashSet<>();
        ChannelTree tree = channels.tree();
        for (long channelId : channelIds) {
            tree.trail(channelId).forEach(c -> keys.add(PageKeys.channelList(c.id())));
        }
        tagIds.forEach(id -> keys.add(PageKeys.tagList(id)));
        return keys;
    }

    private Page<ArticleSummary> page(ArticleListings.Listing listing, int page, int size) {
        Pageable pageable = pageRequest(page, size, Sort.unsorted());
        ArticleListings.Slice slice = listing.page(Instant.now(), pageable.getOffset(), pageable.getPageSize());
        return new PageImpl<>(summaries(slice.ids()), pageable, slice.total());
    }

    /**
     * Summaries of the articles with {@code ids} that are public now, in that order. Lists pass ids of public
     * articles; the check covers one withdrawn between reading the ids and reading the articles.
     */
    private List<ArticleSummary> summaries(List<Long> ids) {
        return summaries(ids, ids.size());
    }

    private List<ArticleSummary> summaries(List<Long> ids, int limit) {
        Instant now = Instant.now();
        Map<Long, ArticleRow> byId = rows(ids);
        return ids.stream().map(byId::get).filter(a -> a != null && a.isPublicAt(now)).limit(limit)
                .map(this::listed).toList();
    }

    /** The rows of these articles by id: read ahead where that is in force, else from the database. */
    private Map<Long, ArticleRow> rows(List<Long> ids) {
        ArticleReadAhead ahead = ArticleReadAhead.current();
        if (ahead != null) {
            return ahead.rows(ids);
        }
        Map<Long, ArticleRow> byId = new HashMap<>();
        articles.findRows(ids).forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    /** An article as a public list shows it; the page being rendered now shows the article. */
    private ArticleSummary listed(ArticleRow row) {
        PageKeys.record(PageKeys.article(row.id()));
        return summary(row);
    }

    private ArticleSummary summary(Article a) {
        return summary(ArticleRow.of(a));
    }

    private ArticleSummary summary(ArticleRow row) {
        ChannelView channel = channelOf(row.channelId(), row.id());
        return new ArticleSummary(row.id(), row.title(), row.subtitle(), row.summary(), channel.id(), channel.name(),
                channel.path(), row.status(), row.publishedAt(), row.updatedAt(), row.coverImage(), row.headline(),
                row.pinned(), row.viewCount() + viewCounter.pending(row.id()), row.commentCount(), row.validity());
    }

    private ArticleDetail detail(Article a) {
        return detail(a, true);
    }

    /**
     * @param forNewsroom whether to look up what only the newsroom shows (the review levels of a pending article, a
     *                    waiting revision of a published one); a public page renders without those queries
     */
    private ArticleDetail detail(Article a, boolean forNewsroom) {
        ChannelView channel = channelOf(a.getChannel().getId(), a.getId());
        return new ArticleDetail(a.getId(), a.getTitle(), a.getSubtitle(), a.getSummary(), a.getBody(),
                channel.id(), channel.name(), channel.path(), a.getPublisher().getUsername(),
                a.getPublisher().getDisplayName(), a.getAuthor(), a.getSourceName(), a.getSourceUrl(),
                a.getEditor(), a.getRightsType(), a.getStatus(), a.getPublishedAt(), a.getCoverImage(),
                a.isHeadline(), a.isPinned(), a.isCommentsOpen(),
                a.getViewCount() + viewCounter.pending(a.getId()), a.getLikeCount(), a.getCommentCount(),
                List.copyOf(a.getTags()), a.getCreatedAt(), a.getUpdatedAt(), a.getVersion(), a.getReviewLevel(),
                forNewsroom && a.getStatus() == ArticleStatus.PENDING ? levels(a) : 0, a.getRejectionReason(),
                forNewsroom && a.getStatus() == ArticleStatus.PUBLISHED ? pendingRevision(a.getId()) : null,
                a.getTrashedAt(),
                a.getCorrectionNote(), a.getCorrectedAt(), a.getValidity(), a.getProvenance(), a.getSimilarIds());
    }

    private Integer pendingRevision(long articleId) {
        return revisions.findByArticleIdAndPendingTrue(articleId).stream().map(ArticleRevision::getNumber)
                .max(Integer::compare).orElse(null);
    }

    private ChannelView channelOf(long channelId, long articleId) {
        return channels.tree().byId(channelId).orElseThrow(() -> new IllegalStateException(
                "Channel " + channelId + " of article " + articleId + " is missing from the channel tree"));
    }
}
