package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import cn.dayuan.account.Account;
import cn.dayuan.account.Role;
import cn.dayuan.system.ForbiddenException;

/**
 * Who may do what with articles, decided here alone: the article service asks before every read and change, so
 * the newsroom, the API and any later door get the same answer. Authors write, submit and read their own articles
 * (and what is public); editors and administrators read and change every article, publish and review;
 * administrators alone empty or restore the recycle bin and set how reviews go.
 */
@Component
class ArticlePolicy {

    boolean mayRead(Account account, Article article) {
        return account.getRole().includes(Role.EDITOR) || ownedBy(article, account)
                || article.isPublicAt(Instant.now());
    }

    void requireMayRead(Account account, Article article) {
        if (!mayRead(account, article)) {
            throw new ForbiddenException("article.policy.read.own");
        }
    }

    /** Authors list only their own articles, whatever the query asks for: the publisher they are held to, or null. */
    String onlyPublisher(Account account) {
        return account.getRole().includes(Role.EDITOR) ? null : account.getUsername();
    }

    /**
     * Whether {@code account} may save changes to {@code article}. An author's edit of their own published article
     * is allowed, and kept as a pending revision (see {@link #editGoesLive}).
     */
    void requireMayEdit(Account account, Article article) {
        if (!account.getRole().includes(Role.EDITOR) && !ownedBy(article, account)) {
            throw new ForbiddenException("article.policy.edit.own");
        }
    }

    /**
     * An edit of a published article goes live at once when an administrator makes it, or an editor on a site that
     * does not review edits; otherwise (always for authors) it waits as a pending revision.
     */
    boolean editGoesLive(Account account, Article article, ReviewPolicy reviewPolicy) {
        if (article.getStatus() != ArticleStatus.PUBLISHED || account.getRole().includes(Role.ADMIN)) {
            return true;
        }
        return account.getRole().includes(Role.EDITOR) && !reviewPolicy.editsReviewed();
    }

    /** Taking a pending revision live is reviewing it: editors, and not one's own unless an administrator. */
    void requireMayAdopt(Account account, String proposedBy) {
        requireEditor(account, "article.action.adopt-pending");
        if (!account.getRole().includes(Role.ADMIN) && account.getUsername().equals(proposedBy)) {
            throw new ForbiddenException("article.policy.pending.own");
        }
    }

    /** Whether a save by {@code account} may ask for this status; an author asking to publish is sent to review. */
    ArticleStatus allowedStatus(Account account, ArticleStatus wanted) {
        if (account.getRole().includes(Role.EDITOR)) {
            return wanted;
        }
        return switch (wanted) {
            case PUBLISHED -> ArticleStatus.PENDING;
            case UNPUBLISHED -> throw new ForbiddenException("article.policy.unpublish.editor");
            case TRASHED -> throw new ForbiddenException("article.policy.trash.use-delete");
            default -> wanted;
        };
    }

    /** A reprint from a source not on the site's 稿源单位名单 is published by an administrator only. */
    void requireMayPublish(Account account, Article article, ReviewPolicy reviewPolicy) {
        if (!account.getRole().includes(Role.ADMIN)
                && reviewPolicy.needsAdministrator(article.getRightsType(), article.getSourceName())) {
            throw article.getSourceName() == null
                    ? new ForbiddenException("article.policy.reprint.unnamed-source")
                    : new ForbiddenException("article.policy.reprint.unlisted-source", article.getSourceName());
        }
    }

    /** Refuses an author; {@code actionKey} names the text of what was tried, e.g. "发布文章". */
    void requireEditor(Account account, String actionKey) {
        if (!account.getRole().includes(Role.EDITOR)) {
            throw new ForbiddenException("article.policy.editor-only", new DefaultMessageSourceResolvable(actionKey));
        }
    }

    /** Refuses anyone but an administrator; {@code actionKey} names the text of what was tried. */
    void requireAdmin(Account account, String actionKey) {
        if (!account.getRole().includes(Role.ADMIN)) {
            throw new ForbiddenException("article.policy.admin-only", new DefaultMessageSourceResolvable(actionKey));
        }
    }

    void requireMayDelete(Account account, Article article) {
        if (!account.getRole().includes(Role.EDITOR)
                && (!ownedBy(article, account) || article.getStatus() == ArticleStatus.PUBLISHED)) {
            throw new ForbiddenException("article.policy.delete.own-unpublished");
        }
    }

    /**
     * Whether {@code account} may sign off (approve or reject) the level {@code article} awaits: the level's role and
     * named accounts, and, where there are several levels, not a level it already signed off in this round, so that
     * 三审 means three people.
     */
    void requireMaySignOff(Account account, Article article, ReviewPolicy policy, int levels, List<Review> reviews) {
        int level = article.getReviewLevel();
        ReviewPolicy.LevelRule rule = policy.rule(level);
        String levelName = ReviewPolicy.LevelRule.name(level, levels);
        if (!rule.allows(account.getUsername(), account.getRole())) {
            throw rule.accounts().isEmpty()
                    ? new ForbiddenException("article.policy.review.role", levelName, rule.minimumRole().label())
                    : new ForbiddenException("article.policy.review.accounts", levelName,
                    String.join("、", rule.accounts()));
        }
        if (levels > 1 && signedThisRound(reviews, account.getUsername())) {
            throw new ForbiddenException("article.policy.review.same-signer", levelName);
        }
    }

    private static boolean signedThisRound(List<Review> reviews, String username) {
        for (int i = reviews.size() - 1; i >= 0; i--) {
            Review review = reviews.get(i);
            if (review.decision() == ReviewDecision.SUBMITTED) {
                return false;
            }
            if (review.decision() == ReviewDecision.APPROVED && review.account().equals(username)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownedBy(Article article, Account account) {
        return article.getPublisher().getId().equals(account.getId());
    }
}
