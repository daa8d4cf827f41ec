package cn.dayuan.report;

/** A step the newsroom takes on a case. */
public enum ReportStep {
    START("开始处理"),
    RESOLVE("处理完毕"),
    DISMISS("驳回"),
    WITHDRAW_ARTICLE("撤下文章"),
    REMOVE_COMMENT("撤下评论");

    private final String label;

    ReportStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
