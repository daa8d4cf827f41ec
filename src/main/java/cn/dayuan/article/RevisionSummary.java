package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an article's history: the revision's number (from 1), who saved it, when, the fields it changed,
 * and whether it still waits for an editor.
 */
public record RevisionSummary(int number, String account, Instant time, List<String> fields, boolean pending) {

    static RevisionSummary of(ArticleRevision r) {
        return new RevisionSummary(r.getNumber(), r.getAccount(), r.getCreatedAt(), r.getChangedFields(),
                r.isPending());
    }
}
