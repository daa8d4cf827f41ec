package cn.dayuan.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.dayuan.account.Account;
import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;

/**
 * Fills the recommendation slots. A slot is saved whole (its articles in order) by an editor; a save that names the
 * version it started from is refused when someone saved the slot in between, so no one's arrangement is lost.
 * Readers' pages see the public articles of a slot; an article unpublished or deleted drops out of the pages at
 * once (each page records every article of the slot) and comes back when it is public again.
 */
@Service
public class SlotService {

    private final JdbcTemplate jdbc;
    private final ArticleService articles;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    SlotService(JdbcTemplate jdbc, ArticleService articles, Permissions permissions, ApplicationEventPublisher events,
                PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.articles = articles;
        this.permissions = permissions;
        this.events = events;
    }

    /** A slot as the newsroom sees it: every article in it, public or not. */
    public record SlotView(Slot slot, List<ArticleDetail> articles, long version, String updatedBy,
                           Instant updatedAt) {

        public List<Long> articleIds() {
            return articles.stream().map(ArticleDetail::id).toList();
        }
    }

    /** A slot with every article in it, for the editors who arrange it. */
    @Transactional(readOnly = true)
    public SlotView get(Slot slot, String actor) {
        permissions.require(actor, Role.EDITOR);
        return view(slot);
    }

    private SlotView view(Slot slot) {
        // an article in the recycle bin keeps its place, unseen, and is back in the slot if it is restored
        List<ArticleDetail> inSlot = ids(slot).stream().filter(id -> !articles.inTrash(id)).map(articles::get).toList();
        return jdbc.query("select version, updated_by, updated_at from slot_state where name = ?",
                (row, n) -> {
                    Timestamp at = row.getTimestamp("updated_at");
                    return new SlotView(slot, inSlot, row.getLong("version"), row.getString("updated_by"),
                            at == null ? null : at.toInstant());
                }, slot.key()).stream().findFirst().orElse(new SlotView(slot, inSlot, 0, null, null));
    }

    /** What readers see of a slot: its public articles, in order. The page records the slot and each article. */
    @Transactional(readOnly = true)
    public List<ArticleSummary> shown(Slot slot) {
        PageKeys.record(PageKeys.slot(slot.key()));
        List<Long> ids = ids(slot);
        ids.forEach(id -> PageKeys.record(PageKeys.article(id)));
        return articles.publicArticles(ids).stream()
                .filter(a -> !slot.needsCover() || a.coverImage() != null).toList();
    }

    /**
     * Puts {@code articleIds} into the slot, in that order, replacing what it held.
     *
     * @param expectedVersion the version the editor's page or client read, or null to save regardless
     */
    @Transactional
    public SlotView update(Slot slot, List<Long> articleIds, Long expectedVersion, String actor) {
        Account account = permissions.require(actor, Role.EDITOR);
        List<Long> ids = checked(slot, articleIds);
        createStateOnFirstSave(slot);
        // the slot's row is locked until this transaction ends: saves of one slot take turns
        long version = jdbc.queryForObject("select version from slot_state where name = ? for update", Long.class,
                slot.key());
        if (expectedVersion != null && expectedVersion != version) {
            String by = jdbc.queryForObject("select updated_by from slot_state where name = ?", String.class,
                    slot.key());
            throw by == null ? new ConflictException("slot.edited-meanwhile", slot.label())
                    : new ConflictException("slot.edited-meanwhile.by", slot.label(), by);
        }
        List<Long> before = ids(slot);
        jdbc.update("delete from slot_article where slot = ?", slot.key());
        for (int i = 0; i < ids.size(); i++) {
            jdbc.update("insert into slot_article (slot, position, article_id) values (?, ?, ?)", slot.key(), i,
                    ids.get(i));
        }
        jdbc.update("update slot_state set version = ?, updated_by = ?, updated_at = ? where name = ?", version + 1,
                account.getUsername(), Timestamp.from(Instant.now()), slot.key());
        events.publishEvent(AuditEvent.of(account.getUsername(), "slot.update", "slot:" + slot.key())
                .with("articles", before, ids));
        events.publishEvent(ContentChangedEvent.of(PageKeys.slot(slot.key())));
        return view(slot);
    }

    /**
     * A slot's row appears on its first save, in a transaction of its own: two first saves at once both find it
     * there afterwards (the loser's insert fails alone, without spoiling the save's transaction).
     */
    private void createStateOnFirstSave(Slot slot) {
        if (jdbc.queryForObject("select count(*) from slot_state where name = ?", Long.class, slot.key()) > 0) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status ->
                    jdbc.update("insert into slot_state (name, version) values (?, 0)", slot.key()));
        } catch (DuplicateKeyException createdMeanwhile) {
            // the other save created it: that is all this wanted
        }
    }


    private List<Long> ids(Slot slot) {
        return jdbc.queryForList("select article_id from slot_article where slot = ? order by position", Long.class,
                slot.key());
    }

    private List<Long> checked(Slot slot, List<Long> articleIds) {
        List<Long> ids = articleIds == null ? List.of() : articleIds;
        if (ids.size() > slot.capacity()) {
            throw new InvalidInputException("articles", "slot.too-many", slot.label(), slot.capacity(), ids.size());
        }
        Set<Long> seen = new HashSet<>();
        List<Long> checked = new ArrayList<>();
        for (Long id : ids) {
            if (id == null || !seen.add(id)) {
                throw id == null ? new InvalidInputException("articles", "slot.article.missing-id")
                        : new InvalidInputException("articles", "slot.article.twice", id);
            }
            ArticleDetail article;
            try {
                article = articles.get(id);
            } catch (NotFoundException e) {
                throw new InvalidInputException("articles", "slot.article.not-found", id);
            }
            if (slot.needsCover() && (article.coverImage() == null || article.coverImage().isBlank())) {
                throw new InvalidInputException("articles", "slot.article.no-cover", article.title(), slot.label());
            }
            checked.add(id);
        }
        return checked;
    }
}
