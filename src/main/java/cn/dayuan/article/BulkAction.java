package cn.dayuan.article;

/** What the newsroom's list does to every ticked article at once. */
public enum BulkAction {
    SUBMIT("提交审核"),
    PUBLISH("发布"),
    UNPUBLISH("撤稿"),
    MOVE("移动到栏目"),
    DELETE("删除");

    private final String label;

    BulkAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
