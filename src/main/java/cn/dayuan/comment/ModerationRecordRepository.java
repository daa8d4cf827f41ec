package cn.dayuan.comment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModerationRecordRepository extends JpaRepository<ModerationRecord, Long> {

    List<ModerationRecord> findByCommentIdInOrderByIdAsc(Collection<Long> commentIds);
}
