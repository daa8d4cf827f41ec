package cn.dayuan.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

    String PUBLIC = "a.status = cn.dayuan.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now";

    /**
     * {@link #PUBLIC} for the lists read in the order of an index (the newest, the headlines, the most read), with
     * the status compared as text so that no index on the status is offered: H2 took one (nearly every article of a
     * site is published, so it narrows nothing) and sorted every article instead of reading the first rows of the
     * order's index, 2.7 s instead of 5 ms at 100,000 articles. PostgreSQL and MariaDB read the same index.
     */
    String PUBLIC_IN_ORDER = "cast(a.status as String) = 'PUBLISHED' and a.publishedAt <= :now";

    /**
     * {@link #PUBLIC_IN_ORDER} for a list read in the order of an index that does not lead with the publish time (the
     * most read): the publish time is compared through {@code coalesce}, which no index serves. Offered
     * ix_article_addresses for it, H2 read every article row, bodies and all, and sorted them by views (0.6 s at
     * 10,000 articles, for each refresh of the ranking) instead of the first rows of ix_article_most_read.
     */
    String PUBLIC_IN_OTHER_ORDER = "cast(a.status as String) = 'PUBLISHED' and a.publishedAt is not null"
            + " and coalesce(a.publishedAt, :now) <= :now";

    /**
     * Fetches joined in the query itself: Hibernate keeps the SQL of a query string for the next call, while an
     * entity graph (or a derived query) has it translated anew on every call, a fifth of an article's save.
     */
    @Query("select a from Article a left join fetch a.publisher left join fetch a.tags where a.id = :id")
    Optional<Article> findWithDetailsById(Long id);

    boolean existsByIdAndStatus(long id, ArticleStatus status);

    @Query(ArticleRow.SELECT + " where " + PUBLIC_IN_ORDER + " order by a.publishedAt desc, a.id desc")
    Slice<ArticleRow> findPublic(Instant now, Pageable pageable);

    @Query(ArticleRow.SELECT + " where " + PUBLIC_IN_ORDER + " and a.publishedAt > :since"
            + " order by a.publishedAt desc, a.id desc")
    Slice<ArticleRow> findPublicSince(Instant now, Instant since, Pageable pageable);

    /** {@code headline} leads the order, though always true here, so that it is the order of ix_article_headlines. */
    @Query(ArticleRow.SELECT + " where " + PUBLIC_IN_ORDER + " and a.headline = true"
            + " order by a.headline desc, a.publishedAt desc, a.id desc")
    List<ArticleRow> findPublicHeadlines(Instant now, Pageable pageable);

    /** {@code [id, channelId, updatedAt]} of the public articles, newest first, from ix_article_addresses alone. */
    @Query("select a.id, a.channel.id, a.updatedAt from Article a where " + PUBLIC_IN_ORDER
            + " order by a.publishedAt desc, a.id desc")
    List<Object[]> findPublicAddresses(Instant now, Pageable pageable);

    @Query(ArticleRow.SELECT + " where a.id in :ids")
    List<ArticleRow> findRows(Collection<Long> ids);

    @Query(ArticleRow.SELECT + " where a.status = :status order by a.id")
    List<ArticleRow> findRowsByStatus(ArticleStatus status);

    @Query("select a from Article a left join fetch a.publisher left join fetch a.tags where a.id in :ids")
    List<Article> findWithDetailsByIdIn(Collection<Long> ids);

    @Query("select a.id from Article a where " + PUBLIC_IN_OTHER_ORDER
            + " order by a.viewCount desc, a.publishedAt desc")
    List<Long> findPublicMostReadIds(Instant now, Pageable pageable);

    /**
     * {@code [id, publishedAt, pinned]} of the published articles in the channels, scheduled ones included, from
     * ix_article_channel_listing alone.
     */
    @Query("select a.id, a.publishedAt, a.pinned from Article a"
            + " where a.status = cn.dayuan.article.ArticleStatus.PUBLISHED and a.channel.id in :channelIds")
    List<Object[]> findListingOfChannels(Collection<Long> channelIds);

    /**
     * {@code [id, publishedAt, pinned]} of the published articles with the tag, scheduled ones included, from the
     * tag's rows alone (pinning does not order a tag's list: always false).
     */
    @Query("select r.articleId, r.listedAt, false from ArticleTagRow r"
            + " where r.tagId = :tagId and r.listedAt is not null")
    List<Object[]> findListingOfTag(long tagId);

    /**
     * Writes into the article's tag rows when it is listed under its tags: its publish time while it is published,
     * else null ({@code at}). After the article's own changes are flushed, which may have written the rows anew.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "update article_tag set listed_at = :at where article_id = :id", nativeQuery = true)
    void listUnderTags(long id, Instant at);

    /**
     * Counted from ix_article_addresses alone ({@link #PUBLIC_IN_ORDER}): through the status index H2 read every
     * article row, bodies and all, 0.55 s in a new process at 10,000 articles, for every part of the sitemap.
     */
    @Query("select count(a) from Article a where " + PUBLIC_IN_ORDER)
    long countPublic(Instant now);

    @Query("select a.id from Article a where " + PUBLIC + " order by a.id")
    List<Long> findPublicIds(Instant now);

    @Query("select a.id as id, a.channel.id as channelId from Article a where " + PUBLIC + " order by a.id")
    List<ArticleRef> findPublicRefs(Instant now);

    @Query("select a.id as id, a.channel.id as channelId from Article a where a.id in :ids and " + PUBLIC
            + " order by a.id")
    List<ArticleRef> findPublicRefs(Instant now, Collection<Long> ids);

    /** Scheduled articles whose time has come and whose going live nobody announced yet. */
    @EntityGraph(attributePaths = "tags")
    @Query("select a from Article a where a.awaitingGoLive = true and a.publishedAt <= :now")
    List<Article> findGoneLive(Instant now);

    /** Takes the announcement of an article's going live: 1 for the one transaction (on any node) that gets it. */
    @Modifying
    @Query("update Article a set a.awaitingGoLive = false where a.id = :id and a.awaitingGoLive = true")
    int claimGoLive(long id);

    @Query("select a from Article a where a.status = cn.dayuan.article.ArticleStatus.TRASHED and a.trashedAt < :before")
    List<Article> findTrashedBefore(Instant before);

    interface ArticleRef {
        long getId();

        long getChannelId();
    }

    /** Articles without a choice of similar ones yet, newest first. */
    @Query("select a.id from Article a where a.similarIds is null order by a.id desc")
    List<Long> findIdsWithoutSimilar(Pageable pageable);

    /** Keeps a choice of similar articles unless one was made meanwhile, leaving the version as it is. */
    @Modifying
    @Query("update Article a set a.similarIds = :ids where a.id = :id and a.similarIds is null")
    int keepSimilar(long id, String ids);

    /** Replaces the choice of similar articles, leaving the version as it is. */
    @Modifying
    @Query("update Article a set a.similarIds = :ids where a.id = :id")
    int replaceSimilar(long id, String ids);

    @Modifying
    @Query("update Article a set a.similarIds = null")
    int forgetSimilar();

    @Modifying
    @Query("update Article a set a.viewCount = a.viewCount + :views where a.id = :id")
    int addViews(long id, long views);

    @Modifying
    @Query("update Article a set a.likeCount = a.likeCount + 1 where a.id = :id")
    int addLike(long id);

    @Modifying
    @Query("update Article a set a.commentCount = :count where a.id = :id")
    int setCommentCount(long id, int count);

    @Query("select a.viewCount from Article a where a.id = :id")
    Optional<Long> findViewCount(long id);

    @Query("select a.createdAt, a.viewCount, a.likeCount, a.commentCount from Article a where a.id = :id and " + PUBLIC)
    List<Object[]> findPublicCounts(long id, Instant now);

    @Query("select a.likeCount from Article a where a.id = :id")
    Optional<Long> findLikeCount(long id);

    @Query("select a.commentCount from Article a where a.id = :id")
    Optional<Integer> findCommentCount(long id);
}
