package cn.dayuan.report;

/** A step the newsroom takes on a case. */
public enum ReportStep {
    START("开始处理", "start"),
    RESOLVE("处理完毕", "resolve"),
    DISMISS("驳回", "dismiss"),
    WITHDRAW_ARTICLE("撤下文章", "withdraw"),
    REMOVE_COMMENT("撤下评论", "remove-comment");

    private final String label;
    private final String path;

    ReportStep(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    /** The step as the API's address names it: {@code POST /api/v1/reports/{id}/withdraw}. */
    public String path() {
        return path;
    }

    public static java.util.Optional<ReportStep> byPath(String path) {
        return java.util.Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
