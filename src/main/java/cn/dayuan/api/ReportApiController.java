package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.report.ReportKind;
import cn.dayuan.report.ReportService.CaseView;
import cn.dayuan.report.ReportService.PublicCase;
import cn.dayuan.report.ReportService.ReportDraft;
import cn.dayuan.report.ReportService;
import cn.dayuan.report.ReportStatus;
import cn.dayuan.report.ReportStep;
import cn.dayuan.system.NotFoundException;

/**
 * 举报: readers file a report (with a captcha) and look its status up by case number; editors work the queue.
 */
@RestController
class ReportApiController {

    private final ReportService reports;
    private final ApiFormat format;

    ReportApiController(ReportService reports, ApiFormat format) {
        this.reports = reports;
        this.format = format;
    }

    record ReportRequest(ReportKind kind, String url, Long comment, String description, String contactName,
                         String contact, String captchaId, String captchaAnswer) {
    }

    record Filed(String caseNumber) {
    }

    @PostMapping("/api/v1/reports")
    ResponseEntity<Filed> file(@RequestBody ReportRequest request, HttpServletRequest http) {
        String number = reports.submit(new ReportDraft(request.kind(), request.url(), request.comment(),
                request.description(), request.contactName(), request.contact(), request.captchaId(),
                request.captchaAnswer(), null), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(new Filed(number));
    }

    record CaseStatus(String caseNumber, ReportKind kind, String kindLabel, ReportStatus status, String statusLabel,
                      OffsetDateTime createdAt, OffsetDateTime handledAt, String resolution) {
    }

    @GetMapping("/api/v1/reports/{caseNumber}")
    ResponseEntity<CaseStatus> status(@PathVariable String caseNumber) {
        PublicCase c = reports.lookup(caseNumber);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new CaseStatus(c.caseNumber(), c.kind(),
                c.kind().label(), c.status(), c.status().label(), format.time(c.createdAt()),
                format.time(c.handledAt()), c.resolution()));
    }

    record Step(ReportStep action, String actor, OffsetDateTime at, String note) {
    }

    record CaseResponse(long id, String caseNumber, ReportKind kind, String url, Long article, Long comment,
                        String description, String contactName, String contact, String address, ReportStatus status,
                        String resolution, OffsetDateTime createdAt, OffsetDateTime dueAt, boolean overdue,
                        OffsetDateTime handledAt, String handledBy, List<Step> steps) {
    }

    /** The queue: open cases first, by due time; then closed ones, newest first. */
    @GetMapping("/api/v1/reports")
    ArticleApiController.PageResponse<CaseResponse> queue(@RequestParam(required = false) ReportStatus status,
                                                          @RequestParam(defaultValue = "1") int page,
                                                          @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, ArticleApiController.MAX_PAGE_SIZE);
        Page<CaseView> found = reports.queue(status, page - 1, size);
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(this::response).toList(), page,
                size, found.getTotalElements(), found.getTotalPages());
    }

    record StepRequest(String note) {
    }

    /**
     * One step on a case: {@code start}, {@code resolve}, {@code dismiss}, {@code withdraw} (takes the reported
     * article off the site and closes the case, the note as its reason) or {@code remove-comment}.
     */
    @PostMapping("/api/v1/reports/{id}/{step}")
    CaseResponse act(@PathVariable long id, @PathVariable String step,
                     @RequestBody(required = false) StepRequest request, Principal who) {
        ReportStep chosen = ReportStep.byPath(step).orElseThrow(() -> new NotFoundException("api.report.step.unknown",
                step));
        return response(reports.act(id, chosen, request == null ? null : request.note(), who.getName()));
    }

    private CaseResponse response(CaseView c) {
        return new CaseResponse(c.id(), c.caseNumber(), c.kind(), c.url(), c.articleId(), c.commentId(),
                c.description(), c.contactName(), c.contact(), c.clientAddress(), c.status(), c.resolution(),
                format.time(c.createdAt()), format.time(c.dueAt()), c.overdue(), format.time(c.handledAt()),
                c.handledBy(), c.steps().stream().map(s -> new Step(s.action(), s.actor(), format.time(s.at()),
                s.note())).toList());
    }
}
