package cn.dayuan.article;

import java.time.Instant;

/**
 * One step of an article's review: at which level, by which account (its username and the name it shows), what was
 * decided, when and, for a rejection, why.
 */
public record Review(int level, String account, String accountName, ReviewDecision decision, Instant time,
                     String reason) {
}
