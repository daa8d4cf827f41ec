package cn.dayuan.account;

/** Newsroom roles, from most to least powerful. */
public enum Role {
    /** Runs the site: accounts, settings, everything an editor can do. */
    ADMIN("管理员"),
    /** Reviews and publishes articles, manages channels and navigation links. */
    EDITOR("编辑"),
    /** Writes articles and submits them for review. */
    AUTHOR("作者");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this role may do what {@code required} may do. */
    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }
}
