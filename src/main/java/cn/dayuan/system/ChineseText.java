package cn.dayuan.system;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;

/** Chinese-text helpers backed by HanLP: pinyin slugs, keyword and summary suggestions. */
public final class ChineseText {

    /**
     * How much of a text keywords and summaries are drawn from. HanLP's TextRank grows faster than the text (a body
     * of 300,000 characters ran a 1 GB heap out of memory); the opening of an article says what it is about.
     */
    public static final int ANALYSED_LENGTH = 20_000;

    private ChineseText() {
    }

    /** "国内新闻" → "guoneixinwen"; Latin letters and digits are kept, everything else dropped. */
    public static String pinyinSlug(String name) {
        if (name == null) {
            return "";
        }
        String pinyin = HanLP.convertToPinyinString(name.trim(), "", false);
        String ascii = Normalizer.normalize(pinyin, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /**
     * Up to {@code count} keywords suggested for a text, most important first: names (people, places,
     * organisations, other proper nouns) and nouns ranked by TextRank over HanLP's segmentation, names weighted
     * up, verb-nouns (供热, 接种) down. Never a function word, a date or time (十二月, 明日, 今年), a number or a
     * generic word that would fit any article (部分, 实行, 持续, 进行, 工作, 问题): see {@link #STOP_WORDS}. These
     * are suggestions for an editor to pick from; a tag gets a public page, so none becomes one unseen.
     */
    public static List<String> keywords(String text, int count) {
        if (text == null || text.isBlank() || count <= 0) {
            return List.of();
        }
        List<Term> terms = HanLP.segment(opening(text));
        Map<String, Integer> occurrences = new HashMap<>();
        terms.forEach(term -> occurrences.merge(term.word, 1, Integer::sum));
        List<Term> candidates = new ArrayList<>();
        Map<String, Float> weights = new HashMap<>();
        for (Term term : terms) {
            float weight = weight(term, occurrences.get(term.word));
            if (weight > 0) {
                candidates.add(term);
                weights.merge(term.word, weight, Math::max);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Float> rank = new TextRankKeyword() {
            @Override
            protected boolean shouldInclude(Term term) {
                return true;
            }
        }.getTermAndRank(candidates);
        return rank.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Float> e) -> e.getValue() * weights.get(e.getKey()))
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .limit(count)
                .toList();
    }

    /**
     * How much a word counts as a keyword, by its part of speech and how often the text uses it; 0 for a word that
     * is never one. Names of people, places and organisations (nr, ns, nt) count double, but HanLP finds those that
     * are not in its dictionary by guessing, and a guess seen once is as often a fragment (应由, 时比) as a name: such
     * a name counts double only where the text repeats it.
     */
    static float weight(Term term, int occurrences) {
        String word = term.word.trim();
        if (word.codePointCount(0, word.length()) < 2 || word.codePointCount(0, word.length()) > 12
                || STOP_WORDS.contains(word) || NOT_A_TERM.matcher(word).matches()) {
            return 0;
        }
        String nature = term.nature == null ? "" : term.nature.toString();
        if (nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt")) {
            return CoreDictionary.contains(word) || occurrences >= 2 ? 2f : 0.3f;
        }
        if (nature.equals("nz")) {
            // HanLP's supplementary words: terms (清零, 新能源, 古城墙) beside loose phrases (疑似, 浅蓝色).
            return occurrences >= 2 ? 1.5f : 1f;
        }
        if (nature.equals("nx")) {
            // Latin words: a brand or an abbreviation (5G, ETC, iPhone: a digit, or a capital past the first letter) is
            // a term; an English word (the, All, content, from a copyright notice in English) is noise.
            return word.matches("[A-Za-z0-9][A-Za-z0-9+.-]*[A-Za-z0-9+]") && word.matches(".*[A-Za-z].*")
                    && word.matches(".*[0-9].*|.+[A-Z].*") ? 1f : 0;
        }
        if (nature.equals("nnt") || nature.equals("nis")) {
            // Job titles and institution kinds (干部, 专家, 医院, 公司): right for some articles, generic in most.
            return 0.6f;
        }
        if (nature.startsWith("n") && !nature.equals("nf") && !nature.equals("ng")) {
            return 1f;
        }
        if (nature.equals("vn")) {
            return 0.7f;
        }
        return 0;
    }

    /**
     * Dates, times, numbers and counts, in figures or in characters: 2024年, 12日, 十二月, 第三, 两天, 明晚, 周六.
     * Only whole words of that shape: 五台山 and 三峡 are names.
     */
    private static final Pattern NOT_A_TERM = Pattern.compile(
            "[\\p{N}\\p{P}\\p{S}\\s]*"
                    + "|[0-9０-９][^A-Za-z]*"
                    + "|[零〇一二三四五六七八九十百千万亿两几半第]+[年月日号时分秒天周岁个次项件条名位批家所种]?"
                    + "|[今明昨前去本上下次当近每同翌][年月日天晚早周期时夜]"
                    + "|(?:星期|礼拜|周)[一二三四五六日天末]"
                    + "|余[座册家个名人次项件条所处辆台万亿元米吨户]");

    /**
     * Words that fit any article and so describe none: function words, time words, generic verbs and nouns of
     * reports (the five that a new user found as public tags first: 部分, 实行, 持续, 十二月, 明日).
     */
    static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // time
            "今年", "明年", "去年", "今天", "明天", "昨天", "今日", "明日", "昨日", "当日", "次日", "近日", "日前",
            "目前", "当前", "此前", "之前", "之后", "以后", "以前", "期间", "时候", "时间", "时期", "阶段", "年度",
            "近期", "同期", "当天", "当晚", "每天", "每年", "全年", "上午", "下午", "晚上", "早上", "凌晨", "中午",
            "冬季", "夏季", "春季", "秋季", "现在", "未来", "过去", "年底", "年初", "月底", "月初", "周末", "节假日",
            // amounts and parts
            "部分", "全部", "一些", "多数", "少数", "大部分", "总数", "数量", "比例", "左右", "以上", "以下", "其中",
            "方面", "层面", "整体", "个人", "人数", "人次", "次数", "总量", "规模",
            // generic verbs and verb-nouns of reports
            "实行", "持续", "进行", "开展", "推进", "推动", "加强", "加快", "实现", "实施", "落实", "提高", "提升",
            "完善", "做好", "做到", "确保", "保障", "促进", "坚持", "继续", "开始", "结束", "完成", "组织", "举行",
            "举办", "参加", "参与", "表示", "介绍", "认为", "指出", "强调", "要求", "提出", "发布", "通过", "根据",
            "按照", "围绕", "进一步", "有效", "有关", "相关", "主要", "重要", "重点", "积极", "不断", "全面", "充分",
            "发展", "建设", "管理", "工作", "服务", "活动", "情况", "问题", "措施", "方式", "方法", "作用", "影响",
            "工程", "项目", "任务", "目标", "水平", "能力", "质量", "效果", "成效", "成果", "经验", "基础", "条件",
            "需要", "需求", "过程", "内容", "形式", "领域", "环节", "机制", "体系", "政策", "制度", "规定", "标准",
            // generic people and bodies
            "部门", "单位", "人员", "工作人员", "负责人", "有关部门", "相关部门", "市民", "群众", "居民", "大家",
            "人们", "记者", "本报", "本网", "笔者", "我们", "他们", "自己", "地方", "地区", "全市", "全省", "全国",
            "全县", "全区", "本市", "该市", "市里", "现场", "信息", "消息", "通知", "公告", "新闻", "报道", "文章",
            "事情", "样子", "东西", "据介绍", "原则上", "没有人", "老旧", "机构", "平台", "综合", "实际", "前提",
            "表面", "对象", "范围", "地点", "地址", "电话", "小时", "分钟", "速度"));

    /** A summary of at most {@code maxLength} characters made of the text's most central sentences. */
    public static String summary(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String normalized = opening(text).replaceAll("\\s+", " ").trim();
        if (normalized.length() <= maxLength) {
            return normalized;
        }
        String summary = HanLP.getSummary(normalized, maxLength);
        if (summary == null || summary.isBlank()) {
            summary = normalized;
        }
        if (!summary.endsWith("。")) {
            summary = summary + "。";
        }
        return shorten(summary, maxLength);
    }

    /** The first {@link #ANALYSED_LENGTH} chars of the text, never ending in half a surrogate pair. */
    static String opening(String text) {
        if (text.length() <= ANALYSED_LENGTH) {
            return text;
        }
        int end = ANALYSED_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The text cut to at most {@code maxLength} chars, ending in "…" when cut. Cuts between code points, so a
     * rare character outside the Basic Multilingual Plane (𣲗 in a poet's name) is never split into half a
     * surrogate pair, which XML (feeds, sitemaps) refuses.
     */
    public static String shorten(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
