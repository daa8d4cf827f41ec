package cn.dayuan.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;
import cn.dayuan.system.StartupRefusedException;
import cn.dayuan.system.StoredTimes;

/**
 * The audit log. Every {@link AuditEvent} becomes one entry, written in the transaction of the change it records
 * (so an entry exists exactly when its change does). Entries are only ever added; none can be changed or deleted
 * through any page or API, and they are pruned only once older than {@code dayuan.audit-retention}.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    /** The shortest retention the site may configure: 互联网新闻信息服务 logs are kept at least 180 days. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, AuditEvent.Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ExclusiveWork exclusive;
    private final Duration retention;

    private final Permissions permissions;

    AuditLog(JdbcTemplate jdbc, ExclusiveWork exclusive, DayuanProperties properties, Permissions permissions) {
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.exclusive = exclusive;
        this.retention = properties.auditRetention();
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new StartupRefusedException("dayuan.audit-retention is " + retention.toDays()
                    + " days; the audit log must be kept at least 180 days",
                    "Set dayuan.audit-retention to 180d or longer (or leave it out for the default 180d).");
        }
    }

    @EventListener
    @Transactional
    public void record(AuditEvent event) {
        String changes = event.changes().isEmpty() ? null : JSON.writeValueAsString(event.changes());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("INSERT INTO audit_entry (created_at, actor, action, object, address, changes) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(now), StoredTimes.utc());
            ps.setString(2, truncate(event.actor() != null ? event.actor() : signedIn(), 50));
            ps.setString(3, truncate(event.action(), 50));
            ps.setString(4, truncate(event.object(), 200));
            ps.setString(5, clientAddress());
            ps.setString(6, changes);
        });
    }

    /** Entries matching {@code query}, newest first; {@code page} counts from 0. */
    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        permissions.require(Role.ADMIN);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (present(query.actor())) {
            where.append(" AND actor = ?");
            args.add(query.actor().trim());
        }
        if (present(query.action())) {
            where.append(" AND action = ?");
            args.add(query.action().trim());
        }
        if (present(query.object())) {
            String object = query.object().trim();
            where.append(object.contains(":") ? " AND object = ?" : " AND object LIKE ?");
            args.add(object.contains(":") ? object : object.replace("%", "").replace("_", "") + ":%");
        }
        if (query.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND created_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + where, Long.class, args.toArray());
        PageRequest request = PageRequest.of(page, size);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add(request.getOffset());
        List<AuditEntry> entries = jdbc.query("SELECT id, created_at, actor, action, object, address, changes "
                + "FROM audit_entry" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", ENTRY,
                pageArgs.toArray());
        return new PageImpl<>(entries, request, total);
    }

    /** The actions recorded so far, for the newsroom's filter. */
    public List<String> actions() {
        permissions.require(Role.ADMIN);
        return jdbc.queryForList("SELECT DISTINCT action FROM audit_entry ORDER BY action", String.class);
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT6H")
    void forgetExpiredEntries() {
        exclusive.runIfFree("audit-retention", Duration.ofMinutes(10), () -> jdbc.update(
                "DELETE FROM audit_entry WHERE created_at < ?",
                ps -> ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)), StoredTimes.utc())));
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(rs.getLong(1),
            rs.getTimestamp(2, StoredTimes.utc()).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7) == null ? Map.of() : JSON.readValue(rs.getString(7), CHANGES));

    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? AuditEvent.SYSTEM : authentication.getName();
    }

    /** The client's address as the web layer resolved it (trusted proxies applied); none outside a request. */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? truncate(attributes.getRequest().getRemoteAddr(), 64) : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
