package cn.dayuan.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Published by a service, inside the transaction of a change, for the audit log: what was done ({@code action},
 * e.g. {@code article.approve}), to which object ({@code object}, e.g. {@code article:12}) and which fields changed.
 * The log adds who did it (the signed-in account unless {@code actor} names one), when and from which address, and
 * writes the entry in the same transaction, so a change that rolls back leaves no entry and none is ever lost.
 *
 * @param actor   the account that acted, or null for the signed-in one
 * @param changes field name → its value before and after (either may be null)
 */
public record AuditEvent(String actor, String action, String object, Map<String, Change> changes) {

    /** The actor of work no account asked for: scheduled jobs, commands on the server. */
    public static final String SYSTEM = "system";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(object, "object");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public static AuditEvent of(String actor, String action, String object) {
        return new AuditEvent(actor, action, object, Map.of());
    }

    /** This event with one more changed field; a field whose value did not change is left out. */
    public AuditEvent with(String field, Object before, Object after) {
        String was = before == null ? null : String.valueOf(before);
        String is = after == null ? null : String.valueOf(after);
        if (Objects.equals(was, is)) {
            return this;
        }
        Map<String, Change> more = new LinkedHashMap<>(changes);
        more.put(field, new Change(was, is));
        return new AuditEvent(actor, action, object, more);
    }

    public record Change(String before, String after) {
    }
}
