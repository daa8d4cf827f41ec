package cn.dayuan.comment;

/** What an editor did to a comment. */
public enum ModerationAction {
    APPROVE("通过"),
    REJECT("拒绝"),
    SPAM("标为垃圾"),
    DELETE("删除");

    private final String label;

    ModerationAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
