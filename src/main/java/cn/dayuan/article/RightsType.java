package cn.dayuan.article;

/** On what terms the site carries an article; chooses the rights statement printed under it. */
public enum RightsType {
    ORIGINAL("原创"),
    AUTHORIZED("授权发表"),
    REPRINT("转载");

    private final String label;

    RightsType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
