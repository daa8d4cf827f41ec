package cn.dayuan.article;

/** One step of an article's review. */
public enum ReviewDecision {
    /** Sent to level 1 by its author (or an editor). */
    SUBMITTED("送审"),
    /** Signed off at a level; at the last level this publishes it. */
    APPROVED("审核通过"),
    /** Sent back to its author with a reason. */
    REJECTED("退回修改"),
    /** Published by an editor or administrator without the review levels (签发). */
    PUBLISHED("直接签发");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
