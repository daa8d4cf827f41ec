package cn.dayuan.portal;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.dayuan.system.RateLimiter;

/**
 * Which posts to the view counter are a reader reading: not a prefetch (the browser guessing the next page), not a
 * crawler or a script, and not beyond {@value #VIEWS_PER_ADDRESS} views of one article from one address within
 * {@code dayuan.view-repeat-interval} (counted across the nodes of a cluster). Many readers share an address behind
 * a carrier's or an office's NAT, so an address gets a few views, not one; a flood from one machine adds those few
 * and nothing more, so the 阅读排行 cannot be pushed by it. The others get the same answer but add nothing.
 */
@Component
public class ViewCounting {

    /** Crawlers and tools that say what they are; browsers say none of these words. */
    private static final Pattern NOT_A_READER = Pattern.compile(
            "bot|spider|crawl|slurp|sogou|yisou|bytespider|archiver|scrapy|curl|wget|python-|libwww"
                    + "|go-http-client|okhttp|headless|phantomjs|facebookexternalhit|monitor",
            Pattern.CASE_INSENSITIVE);

    public static final int VIEWS_PER_ADDRESS = 10;

    private final RateLimiter limiter;
    private final RateLimiter.Limit limit;

    ViewCounting(RateLimiter limiter, @Value("${dayuan.view-repeat-interval:10m}") Duration repeatInterval) {
        this.limiter = limiter;
        this.limit = repeatInterval.isZero() || repeatInterval.isNegative()
                ? null : new RateLimiter.Limit("view", VIEWS_PER_ADDRESS, repeatInterval);
    }

    /** Whether this post is a reader's view of {@code article} (its identity) within the address's allowance. */
    boolean counts(HttpServletRequest request, String article) {
        if (!"POST".equals(request.getMethod()) || isPrefetch(request) || !looksLikeABrowser(request)) {
            return false;
        }
        return limit == null || limiter.take(limit, request.getRemoteAddr() + "/" + article).allowed();
    }

    static boolean isPrefetch(HttpServletRequest request) {
        return contains(request.getHeader("Sec-Purpose"), "prefetch")
                || contains(request.getHeader("Purpose"), "prefetch")
                || contains(request.getHeader("X-Purpose"), "preview")
                || contains(request.getHeader("X-Moz"), "prefetch");
    }

    static boolean looksLikeABrowser(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent != null && !agent.isBlank() && !NOT_A_READER.matcher(agent).find();
    }

    private static boolean contains(String header, String word) {
        return header != null && header.toLowerCase(java.util.Locale.ROOT).contains(word);
    }
}
