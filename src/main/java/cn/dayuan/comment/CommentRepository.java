package cn.dayuan.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommentRepository extends JpaRepository<Comment, Long> {

    Page<Comment> findByArticleIdAndStatusOrderByIdAsc(long articleId, CommentStatus status, Pageable page);

    List<Comment> findByArticleIdAndStatusAndReplyToInOrderByIdAsc(long articleId, CommentStatus status,
                                                                 Collection<Long> replyTo);

    long countByArticleIdAndStatus(long articleId, CommentStatus status);

    long countByStatus(CommentStatus status);

    /** The moderation queue: newest first, every filter optional. */
    @Query("select c from Comment c where (:status is null or c.status = :status)"
            + " and (:articleId is null or c.articleId = :articleId)"
            + " and (:from is null or c.createdAt >= :from) and (:until is null or c.createdAt < :until)"
            + " order by c.id desc")
    Page<Comment> search(@Param("status") CommentStatus status, @Param("articleId") Long articleId,
                         @Param("from") Instant from, @Param("until") Instant until, Pageable page);
}
