package cn.dayuan.article;

/** Whether a notice (通知、公告、政策) still applies; a lapsed one stays readable, with its label. */
public enum Validity {
    IN_FORCE(""),
    /** 已失效: its time has passed (a deadline, an event). */
    EXPIRED("已失效"),
    /** 已废止: withdrawn or replaced by a later decision. */
    REPEALED("已废止");

    private final String label;

    Validity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
