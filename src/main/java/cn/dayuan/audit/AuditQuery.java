package cn.dayuan.audit;

import java.time.Instant;

/**
 * A search of the audit log; null or blank means "any". {@code actor} and {@code action} match exactly,
 * {@code object} matches an object ({@code article:12}) or every object of a kind ({@code article}); {@code from}
 * is inclusive and {@code to} exclusive.
 */
public record AuditQuery(String actor, String action, String object, Instant from, Instant to) {
}
