package cn.dayuan.comment;

/** Where a comment stands: only {@link #APPROVED} ones are shown to readers and counted. */
public enum CommentStatus {
    PENDING("待审核"),
    APPROVED("已通过"),
    REJECTED("已拒绝"),
    SPAM("垃圾评论");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
