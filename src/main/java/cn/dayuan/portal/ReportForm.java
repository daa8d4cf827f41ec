package cn.dayuan.portal;

import cn.dayuan.report.ReportKind;

/** What the 举报 form holds, to show it again after a mistake. */
public record ReportForm(ReportKind kind, String url, Long comment, String description, String contactName,
                         String contact) {
}
