package cn.dayuan.api;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.audit.AuditEntry;
import cn.dayuan.audit.AuditLog;
import cn.dayuan.audit.AuditQuery;
import cn.dayuan.system.AuditEvent;

/** The audit log, for administrators: read only, there is no way to change or delete an entry. */
@RestController
class AuditApiController {

    private final AuditLog audit;
    private final ApiFormat format;

    AuditApiController(AuditLog audit, ApiFormat format) {
        this.audit = audit;
        this.format = format;
    }

    record AuditItem(long id, OffsetDateTime time, String actor, String action, String object, String address,
                     Map<String, AuditEvent.Change> changes) {
    }

    /**
     * Entries newest first. {@code object} is one object ({@code article:12}) or a kind ({@code article});
     * {@code from} and {@code to} are times or days ({@code 2026-12-01}), {@code to} exclusive.
     */
    @GetMapping("/api/v1/audit")
    ArticleApiController.PageResponse<AuditItem> list(@RequestParam(required = false) String actor,
                                                      @RequestParam(required = false) String action,
                                                      @RequestParam(required = false) String object,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(defaultValue = "1") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, ArticleApiController.MAX_PAGE_SIZE);
        Page<AuditEntry> found = audit.search(new AuditQuery(actor, action, object, format.parseTimeOrDay("from", from),
                format.parseTimeOrDay("to", to)), page - 1, size);
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(e -> new AuditItem(e.id(),
                        format.time(e.time()), e.actor(), e.action(), e.object(), e.address(), e.changes())).toList(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }
}
