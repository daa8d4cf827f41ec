package cn.dayuan.article;

import java.util.List;
import java.util.Map;

import cn.dayuan.account.Role;

/**
 * How articles are reviewed: how many levels (1 to 3) site-wide and in the channels that differ, and who may sign
 * off each level.
 *
 * @param levels        site-wide number of levels
 * @param rules         level (1..3) → who may sign it off
 * @param channelLevels channel id → its own number of levels (sub-channels inherit the nearest one)
 * @param allowedSources  稿源单位名单: the sources the site may reprint from
 * @param sourcesRequired whether a reprint from a source not on the list needs an administrator to publish it
 * @param editsReviewed   whether editors' edits of published articles wait for another editor, as authors' do
 */
public record ReviewPolicy(int levels, Map<Integer, LevelRule> rules, Map<Long, Integer> channelLevels,
                           List<String> allowedSources, boolean sourcesRequired, boolean editsReviewed) {

    public static final int MAX_LEVELS = 3;

    /** Who may sign off a level: at least {@code minimumRole}, and one of {@code accounts} when any are named. */
    public record LevelRule(int level, Role minimumRole, List<String> accounts) {

        public boolean allows(String username, Role role) {
            return role.includes(minimumRole) && (accounts.isEmpty() || accounts.contains(username));
        }

        /** The level's usual Chinese name: 初审, 复审, 终审 (of three); with fewer levels the last is 终审. */
        public static String name(int level, int levels) {
            if (level == levels) {
                return "终审";
            }
            return level == 1 ? "初审" : "复审";
        }
    }

    /** Whether publishing a reprint (or authorised copy) from {@code source} needs an administrator. */
    public boolean needsAdministrator(RightsType rights, String source) {
        boolean reprinted = rights == RightsType.REPRINT || rights == RightsType.AUTHORIZED;
        return sourcesRequired && reprinted && (source == null || !allowedSources.contains(source.trim()));
    }

    public LevelRule rule(int level) {
        return rules.get(level);
    }
}
