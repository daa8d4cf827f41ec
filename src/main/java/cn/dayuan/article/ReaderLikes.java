package cn.dayuan.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.stereotype.Service;

import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.RateLimiter;
import cn.dayuan.system.TooManyRequestsException;

/**
 * Readers' likes (顶): one per reader and article a day, a reader being its client address, and a few a minute per
 * address across all articles. Both limits go through {@link RateLimiter}, so they hold across a cluster; the
 * address reaches them only as a hash, never in clear.
 */
@Service
public class ReaderLikes {

    public static final int LIKES_PER_MINUTE = 10;
    private static final RateLimiter.Limit ANY_ARTICLE =
            new RateLimiter.Limit("like", LIKES_PER_MINUTE, Duration.ofMinutes(1));
    private static final RateLimiter.Limit SAME_ARTICLE = new RateLimiter.Limit("like-article", 1, Duration.ofDays(1));

    private final ArticleService articles;
    private final RateLimiter limiter;

    ReaderLikes(ArticleService articles, RateLimiter limiter) {
        this.articles = articles;
        this.limiter = limiter;
    }

    /** @param counted false when this reader already liked the article today: the count stays as it was */
    public record Liked(long likes, boolean counted) {
    }

    /** Likes a public article for the reader at {@code clientAddress}; 404 for any other id, 429 when too often. */
    public Liked like(long articleId, String clientAddress) {
        articles.findPublic(articleId).orElseThrow(() -> new NotFoundException("article.not-found", articleId));
        TooManyRequestsException.unlessAllowed(limiter.take(ANY_ARTICLE, digest(clientAddress)),
                "article.like.too-often.what");
        if (limiter.take(SAME_ARTICLE, digest(articleId + "@" + clientAddress)).allowed()) {
            return new Liked(articles.like(articleId), true);
        }
        return new Liked(articles.counts(articleId).likes(), false);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
