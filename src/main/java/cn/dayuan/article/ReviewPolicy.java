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
 */
public record ReviewPolicy(int levels, Map<Integer, LevelRule> rules, Map<Long, Integer> channelLevels) {

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

    public LevelRule rule(int level) {
        return rules.get(level);
    }
}
