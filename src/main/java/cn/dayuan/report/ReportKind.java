package cn.dayuan.report;

/** What a report is about. */
public enum ReportKind {
    ILLEGAL("违法和不良信息"),
    INFRINGEMENT("侵权"),
    OTHER("其他");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
