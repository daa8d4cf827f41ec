package cn.dayuan.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

    List<ArticleRevision> findByArticleIdOrderByRevisionNumberDesc(long articleId);

    Optional<ArticleRevision> findByArticleIdAndRevisionNumber(long articleId, int revisionNumber);

    List<ArticleRevision> findByArticleIdAndPendingTrue(long articleId);

    @Query("select coalesce(max(r.revisionNumber), 0) from ArticleRevision r where r.articleId = :articleId")
    int findLastNumber(long articleId);
}
