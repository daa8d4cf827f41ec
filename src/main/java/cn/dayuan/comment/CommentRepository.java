package cn.dayuan.comment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CommentRepository extends JpaRepository<Comment, Long>, JpaSpecificationExecutor<Comment> {

    Page<Comment> findByArticleIdAndStatusOrderByIdAsc(long articleId, CommentStatus status, Pageable page);

    List<Comment> findByArticleIdAndStatusAndReplyToInOrderByIdAsc(long articleId, CommentStatus status,
                                                                 Collection<Long> replyTo);

    long countByArticleIdAndStatus(long articleId, CommentStatus status);

    long countByStatus(CommentStatus status);

}
