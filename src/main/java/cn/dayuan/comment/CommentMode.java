package cn.dayuan.comment;

/** How the site publishes comments that no rule holds back. */
public enum CommentMode {
    /** 先审后发: every comment waits for an editor. */
    REVIEW_FIRST("先审后发：所有评论经审核后显示"),
    /** 先发后审: clean comments appear at once; editors may still take them down. */
    PUBLISH_FIRST("先发后审：不含敏感词的评论立即显示");

    private final String label;

    CommentMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
