package cn.dayuan.report;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReportRepository extends JpaRepository<ReportCase, Long> {

    Optional<ReportCase> findByCaseNumber(String caseNumber);

    /** Open cases first by due time, then closed ones newest first. */
    @Query("select r from ReportCase r where (:status is null or r.status = :status)"
            + " order by case when r.status in (cn.dayuan.report.ReportStatus.NEW, cn.dayuan.report.ReportStatus.IN_PROGRESS) then 0 else 1 end, r.dueAt asc, r.id desc")
    Page<ReportCase> search(@Param("status") ReportStatus status, Pageable page);

    long countByStatusIn(Collection<ReportStatus> statuses);

    long countByStatusInAndDueAtBefore(Collection<ReportStatus> statuses, Instant now);
}
