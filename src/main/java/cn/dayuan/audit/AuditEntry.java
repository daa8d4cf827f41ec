package cn.dayuan.audit;

import java.time.Instant;
import java.util.Map;

import cn.dayuan.system.AuditEvent;

/** One line of the audit log: who did what to which object, when and from where, and which fields changed. */
public record AuditEntry(long id, Instant time, String actor, String action, String object, String address,
                         Map<String, AuditEvent.Change> changes) {
}
