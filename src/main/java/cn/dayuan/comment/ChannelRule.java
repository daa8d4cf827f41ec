package cn.dayuan.comment;

/** What a channel says about the comments on its articles and those of its sub-channels. */
public enum ChannelRule {
    CLOSED("关闭评论"),
    REVIEWED("评论一律先审后发");

    private final String label;

    ChannelRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
