package cn.dayuan.system;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers that may be checked once, for a short while (captcha challenges): kept in this process on a single node,
 * in Redis in a cluster, so that a challenge drawn by one node can be answered on another. Taking an answer removes
 * it, so a second try with the same challenge finds nothing.
 */
public interface OneTimeAnswers {

    /** Keeps {@code answer} under {@code id} for {@code lifetime}. */
    void keep(String id, String answer, Duration lifetime);

    /** The answer kept under {@code id}, removed in the same step; empty when unknown, expired or already taken. */
    Optional<String> take(String id);
}
