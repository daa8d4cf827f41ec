package cn.dayuan.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelTree;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.WebAddress;
import cn.dayuan.system.PlainText;
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
    public static final int SUGGESTED_TAGS = 5;
    /** Length of an article page's related-articles list. */
    public static final int RELATED = 8;
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

    ArticleService(ArticleRepository articles, ChannelService channels, TagService tags, AccountService accounts,
                   ViewCounter viewCounter, ArticleListings listings, MostReadStore mostReadStore,
                   ApplicationEventPublisher events) {
        this.articles = articles;
        this.mostReadStore = mostReadStore;
        this.listings = listings;
        this.channels = channels;
        this.tags = tags;
        this.accounts = accounts;
        this.viewCounter = viewCounter;
        this.events = events;
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /** Writes a new article as {@code actor} (a newsroom username), who becomes its publisher. */
    @Transactional
    public ArticleDetail create(ArticleDraft draft, String actor) {
        Account account = actor(actor);
        ArticleDraft checked = check(draft, account);
        Channel channel = channels.getByPath(checked.channel());
        Article article = new Article(account);
        article.apply(checked, channel, tags.findOrCreate(checked.tags()));
        articles.save(article);
        announce(article, Place.NOWHERE);
        return detail(article);
    }

    @Transactional
    public ArticleDetail update(long id, ArticleDraft draft, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        checkMayEdit(article, account);
        ArticleDraft checked = check(draft, account);
        Channel channel = channels.getByPath(checked.channel());
        Place before = Place.of(article);
        article.apply(checked, channel, tags.findOrCreate(checked.tags()));
        articles.flush();
        announce(article, before);
        return detail(article);
    }

    /** Makes an article public now (or at its scheduled time, if that lies ahead). */
    @Transactional
    public ArticleDetail publish(long id, String actor) {
        Account account = actor(actor);
        requireEditor(account, "发布文章");
        Article article = load(id);
        if (article.getBody() == null || ArticleHtml.text(article.getBody()).isBlank() && !article.getBody().contains("<img")) {
            throw new InvalidInputException("body", "正文为空的文章不能发布");
        }
        // An explicit publish time is kept: it may be a scheduled time or the original date of an imported article.
        Instant at = article.getPublishedAt() == null ? Instant.now() : article.getPublishedAt();
        Place before = Place.of(article);
        article.changeStatus(ArticleStatus.PUBLISHED, at);
        announce(article, before);
        return detail(article);
    }

    /** Takes an article off the public site; it stays in the newsroom and can be published again. */
    @Transactional
    public ArticleDetail unpublish(long id, String actor) {
        requireEditor(actor(actor), "撤下文章");
        Article article = load(id);
        Place before = Place.of(article);
        article.changeStatus(ArticleStatus.UNPUBLISHED, article.getPublishedAt());
        announce(article, before);
        return detail(article);
    }

    /** An author hands a draft to the editors. */
    @Transactional
    public ArticleDetail submitForReview(long id, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        checkMayEdit(article, account);
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            throw new InvalidInputException("status", "文章已发布，无需送审");
        }
        article.changeStatus(ArticleStatus.PENDING, article.getPublishedAt());
        return detail(article);
    }

    @Transactional
    public void delete(long id, String actor) {
        Account account = actor(actor);
        Article article = load(id);
        if (!account.getRole().includes(Role.EDITOR)) {
            checkMayEdit(article, account);
        }
        Place before = Place.of(article);
        long articleId = article.getId();
        articles.delete(article);
        announce(articleId, before, Place.NOWHERE);
    }

    /** Adds a reader's like; returns the new count. */
    @Transactional
    public long like(long id) {
        Article article = articles.findById(id).filter(a -> a.isPublicAt(Instant.now()))
                .orElseThrow(() -> new NotFoundException("文章不存在：" + id));
        articles.addLike(article.getId());
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
     * again beside the same Redis. Drafts, unpublished and missing articles count nothing and answer zeros.
     */
    public Counts view(long id, java.util.function.Predicate<String> counts) {
        Optional<Instant> created = articles.findPublicCreatedAt(id, Instant.now());
        if (created.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        if (counts.test(id + "@" + created.get().toEpochMilli())) {
            viewCounter.record(id);
        }
        return counts(id);
    }

    /** Current view, like and comment counts, including views not yet written. */
    public Counts counts(long id) {
        long views = articles.findViewCount(id).orElseThrow(() -> new NotFoundException("文章不存在：" + id));
        return new Counts(views + viewCounter.pending(id), articles.findLikeCount(id).orElse(0L),
                articles.findCommentCount(id).orElse(0));
    }

    /** {@link #counts} of a public article; any other id is not found, drafts included. */
    public Counts publicCounts(long id) {
        findPublic(id).orElseThrow(() -> new NotFoundException("文章不存在：" + id));
        return counts(id);
    }

    public record Counts(long views, long likes, long comments) {
    }

    // ---- reading: newsroom and API -----------------------------------------------------------------------

    public ArticleDetail get(long id) {
        return detail(load(id));
    }

    public boolean exists(long id) {
        return articles.existsById(id);
    }

    public Page<ArticleSummary> search(ArticleQuery query, int page, int size) {
        Specification<Article> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.channel() != null && !query.channel().isBlank()) {
                ChannelTree tree = channels.tree();
                ChannelView channel = tree.byPath(query.channel().trim().replaceAll("^/+|/+$", ""))
                        .orElseThrow(() -> new InvalidInputException("channel", "栏目不存在：" + query.channel()));
                where.add(root.get("channel").get("id").in(tree.selfAndDescendantIds(channel.id())));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.keyword() != null && !query.keyword().isBlank()) {
                where.add(cb.like(cb.lower(root.get("title")), "%" + query.keyword().trim().toLowerCase() + "%"));
            }
            if (query.author() != null && !query.author().isBlank()) {
                where.add(cb.equal(root.get("publisher").get("username"), query.author().trim()));
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
        return articles.findWithDetailsById(id).filter(a -> a.isPublicAt(Instant.now())).map(this::detail);
    }

    /** Public articles of a channel and its sub-channels; pinned first, then newest first. */
    public Page<ArticleSummary> publicInChannel(long channelId, int page, int size) {
        long version = listings.version();
        List<Long> channelIds = channels.tree().selfAndDescendantIds(channelId);
        return page(listings.channel(channelId, version, () -> articles.findListingOfChannels(channelIds)), page,
                size);
    }

    /** The newest {@code limit} public articles in one read (home page, feeds, and the sitemap's up to 50,000). */
    public List<ArticleSummary> newest(int limit) {
        return articles.findPublic(Instant.now(), PageRequest.of(0, Math.max(limit, 1))).map(this::listed)
                .getContent();
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

    /** The first {@code length} articles of {@code ranking} that are still public, for one page. */
    public List<ArticleSummary> rankingForPage(List<Long> ranking, int length) {
        return summaries(ranking, length);
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

    /** Public articles sharing a tag with {@code article}, newest first. */
    public List<ArticleSummary> related(ArticleDetail article) {
        long version = listings.version();
        List<ArticleListings.Listing> tagListings = article.tags().stream()
                .map(tag -> listings.tag(tag.getId(), version, () -> articles.findListingOfTag(tag.getId()))).toList();
        return summaries(ArticleListings.newestAcross(tagListings, article.id(), RELATED, Instant.now()));
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
        ChannelTree tree = channels.tree();
        return articles.findPublicRefs(Instant.now()).stream()
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

    private Article load(long id) {
        return articles.findWithDetailsById(id).orElseThrow(() -> new NotFoundException("文章不存在：" + id));
    }

    private Account actor(String username) {
        return accounts.findByUsername(username).filter(Account::isEnabled)
                .orElseThrow(() -> new AccessDeniedException("账号不存在或已停用"));
    }

    private static void requireEditor(Account account, String action) {
        if (!account.getRole().includes(Role.EDITOR)) {
            throw new AccessDeniedException("只有编辑或管理员可以" + action);
        }
    }

    private static void checkMayEdit(Article article, Account account) {
        if (account.getRole().includes(Role.EDITOR)) {
            return;
        }
        if (!article.getPublisher().getId().equals(account.getId())) {
            throw new AccessDeniedException("作者只能修改自己的文章");
        }
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            throw new AccessDeniedException("文章已发布，请联系编辑修改");
        }
    }

    private ArticleDraft check(ArticleDraft draft, Account account) {
        if (draft == null) {
            throw new InvalidInputException("title", "请填写文章内容");
        }
        String title = required(draft.title(), "title", "标题", 200);
        String subtitle = optional(draft.subtitle(), "subtitle", "副标题", 200);
        if (draft.channel() == null || draft.channel().isBlank()) {
            throw new InvalidInputException("channel", "请选择栏目");
        }
        channels.getByPath(draft.channel());
        String body = ArticleHtml.sanitize(PlainText.clean(draft.body()));
        String text = ArticleHtml.text(body);
        ArticleStatus status = draft.status() == null ? ArticleStatus.DRAFT : draft.status();
        if (status != ArticleStatus.DRAFT && text.isBlank() && !body.contains("<img")) {
            throw new InvalidInputException("body", "请填写正文");
        }
        if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.UNPUBLISHED) {
            requireEditor(account, "发布或撤下文章");
        }
        String summary = optional(draft.summary(), "summary", "摘要", 1000);
        if (summary == null && !text.isBlank()) {
            summary = ChineseText.summary(text, SUMMARY_LENGTH);
        }
        List<String> tagNames = List.copyOf(TagService.normalize(draft.tags()));
        Instant publishedAt = draft.publishedAt();
        if (status == ArticleStatus.PUBLISHED && publishedAt == null) {
            publishedAt = Instant.now();
        }
        return new ArticleDraft(title, subtitle, summary, body, PlainText.clean(draft.channel()).trim(),
                optional(draft.author(), "author", "作者", 100),
                optional(draft.source(), "source", "来源", 100),
                url(draft.sourceUrl(), "sourceUrl", "来源网址", false),
                optional(draft.editor(), "editor", "责任编辑", 100),
                tagNames,
                draft.rightsType() == null ? RightsType.ORIGINAL : draft.rightsType(),
                publishedAt, status,
                url(draft.coverImage(), "coverImage", "封面图片", true),
                draft.headline(), draft.pinned(), draft.commentsOpen());
    }

    private static String required(String value, String field, String label, int max) {
        String checked = optional(value, field, label, max);
        if (checked == null) {
            throw new InvalidInputException(field, "请填写" + label);
        }
        return checked;
    }

    private static String optional(String value, String field, String label, int max) {
        String cleaned = PlainText.clean(value);
        if (cleaned == null || cleaned.isBlank()) {
            return null;
        }
        String trimmed = cleaned.trim();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, label + "不能超过 " + max + " 个字符");
        }
        return trimmed;
    }

    private static String url(String value, String field, String label, boolean sitePathAllowed) {
        String url = optional(value, field, label, 500);
        if (url == null) {
            return null;
        }
        if (sitePathAllowed && url.startsWith("/") && !url.startsWith("//")) {
            return url;
        }
        if (WebAddress.isHttp(url)) {
            return url;
        }
        throw new InvalidInputException(field, label + "须是以 http:// 或 https:// 开头的网址");
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
     * Tells the listings where the article is listed now, and the page cache which pages the change touches: every
     * page that shows the article, and, when its place changed, every list it left, entered or moved in.
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
        Map<Long, ArticleRow> byId = new HashMap<>();
        articles.findRows(ids).forEach(row -> byId.put(row.id(), row));
        return ids.stream().map(byId::get).filter(a -> a != null && a.isPublicAt(now)).limit(limit)
                .map(this::listed).toList();
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
                row.pinned(), row.viewCount() + viewCounter.pending(row.id()), row.commentCount());
    }

    private ArticleDetail detail(Article a) {
        ChannelView channel = channelOf(a.getChannel().getId(), a.getId());
        return new ArticleDetail(a.getId(), a.getTitle(), a.getSubtitle(), a.getSummary(), a.getBody(),
                channel.id(), channel.name(), channel.path(), a.getPublisher().getUsername(),
                a.getPublisher().getDisplayName(), a.getAuthor(), a.getSourceName(), a.getSourceUrl(),
                a.getEditor(), a.getRightsType(), a.getStatus(), a.getPublishedAt(), a.getCoverImage(),
                a.isHeadline(), a.isPinned(), a.isCommentsOpen(),
                a.getViewCount() + viewCounter.pending(a.getId()), a.getLikeCount(), a.getCommentCount(),
                List.copyOf(a.getTags()), a.getCreatedAt(), a.getUpdatedAt(), a.getVersion());
    }

    private ChannelView channelOf(long channelId, long articleId) {
        return channels.tree().byId(channelId).orElseThrow(() -> new IllegalStateException(
                "Channel " + channelId + " of article " + articleId + " is missing from the channel tree"));
    }
}
