package cn.dayuan.report;

/** Where a case stands; {@link #RESOLVED} and {@link #DISMISSED} are closed. */
public enum ReportStatus {
    NEW("新"),
    IN_PROGRESS("处理中"),
    RESOLVED("已处理"),
    DISMISSED("已驳回");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == NEW || this == IN_PROGRESS;
    }
}
