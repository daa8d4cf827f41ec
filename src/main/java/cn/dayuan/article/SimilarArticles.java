package cn.dayuan.article;

import java.util.List;

/**
 * Chooses the published articles whose text is most like an article's, for the related articles under its page. The
 * search index answers (the article package knows nothing of search); the choice is made when the article is saved
 * and kept with it, so a cached page and the static export show the same list until the article changes again.
 */
public interface SimilarArticles {

    /**
     * @param excludedId the article's own id, or null for one not saved yet
     * @param body       the article's body as stored (HTML)
     * @return at most {@code count} ids, best first (empty when nothing is alike enough), or null when there is no
     *         index to ask (the choice is then made later, see {@link ArticleService#chooseMissingSimilar})
     */
    List<Long> like(Long excludedId, String title, List<String> tags, String body, int count);
}
