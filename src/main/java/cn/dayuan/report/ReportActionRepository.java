package cn.dayuan.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportActionRepository extends JpaRepository<ReportAction, Long> {

    List<ReportAction> findByCaseIdOrderByIdAsc(long caseId);
}
