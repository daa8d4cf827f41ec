package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

    @Test
    void shorteningNeverSplitsACharacterOutsideTheBasicPlane() {
        String poet = "本期选读耿𣲗的作品";
        for (int max = 3; max <= poet.length(); max++) {
            String shortened = ChineseText.shorten(poet, max);
            assertThat(shortened.length()).isLessThanOrEqualTo(max);
            assertThat(shortened.codePoints().noneMatch(c -> Character.isSurrogate((char) c)))
                    .as("no half surrogate pair in %s", shortened).isTrue();
        }
        assertThat(ChineseText.shorten("短文", 10)).isEqualTo("短文");
    }

    @Test
    void summariesOfRareCharactersStayWholeCharacters() {
        String text = "慈恩寺残春 耿𣲗 双林花已尽。".repeat(30);
        String summary = ChineseText.summary(text, 120);
        assertThat(summary.length()).isLessThanOrEqualTo(120);
        assertThat(summary.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void channelSlugsArePinyin() {
        assertThat(ChineseText.pinyinSlug("国内新闻")).isEqualTo("guoneixinwen");
        assertThat(ChineseText.pinyinSlug("2024 两会")).isEqualTo("2024-lianghui");
    }

    @Test
    void aVeryLongBodyGivesKeywordsAndASummaryFromItsOpening() {
        String opening = "城市轨道交通第三期建设规划获批，新建线路将连接南部新区与高铁站。";
        String body = opening + "市民普遍关心通车时间和票价安排，地铁公司表示将分段开通。".repeat(11_000);
        assertThat(body.length()).isGreaterThan(300_000);

        String summary = ChineseText.summary(body, 120);
        List<String> keywords = ChineseText.keywords(body, 5);

        assertThat(summary).isNotBlank().hasSizeLessThanOrEqualTo(120);
        assertThat(keywords).isNotEmpty();
    }

    /**
     * Left with an empty keyword field, a new user's article became the public tag pages 部分, 实行, 持续, 十二月 and
     * 明日. Suggestions are names and terms of the text; dates, numbers and words that fit any article are not.
     */
    @Test
    void keywordsAreNamesAndTermsNeverDatesNumbersOrGenericWords() {
        String text = "十二月五日，市交通运输局表示，明日起部分路段将持续实行交通管制。部分公交线路持续调整，十二月底前完成。"
                + "明日上午，交通运输局将进行检查。汾河大桥维修持续进行，部分车道实行单向通行，汾河大桥预计2024年12月31日"
                + "恢复通车。今年以来，全市持续实行错峰出行，三百余名工作人员参与。";
        List<String> keywords = ChineseText.keywords(text, 5);
        assertThat(keywords).contains("汾河", "大桥")
                .doesNotContain("部分", "实行", "持续", "十二月", "明日", "今年", "进行", "工作人员", "2024年", "12月");
        assertThat(keywords).allSatisfy(word -> assertThat(word).doesNotMatch(".*[0-9].*"));
    }

    @Test
    void theSeedArticleSuggestsItsSubjects() {
        String text = "在防控工作处于较劲爬坡的关键时刻，为进一步巩固扩大清零攻坚工作成效，市委市政府作出新的部署。全市将从4月22日起"
                + "集中利用一段时间，开展社会面清零攻坚九大行动。即，开展社区管控行动，开展检测筛查行动，开展流调排查行动，"
                + "开展转运隔离行动。上海的基层干部和社区工作者坚守一线，清零攻坚离不开每一位市民的配合。";
        assertThat(ChineseText.keywords(text, 5)).contains("清零", "攻坚", "行动")
                .doesNotContain("开展", "工作", "进一步", "全市");
    }

    /** The seed page ends in an English copyright notice: its "the" was suggested beside 清零 and 攻坚. */
    @Test
    void latinWordsAreSuggestedOnlyAsBrandsAndAbbreviations() {
        String text = "5G基站建设提速，ETC通行费减免。5G网络覆盖全市，ETC用户增加。All articles, the content of the article "
                + "information does not mean that the network agrees with its views, the the the.";
        assertThat(ChineseText.keywords(text, 8)).contains("ETC")
                .doesNotContain("the", "article", "content", "network", "information", "All");
    }

    @Test
    void noTextNoKeywords() {
        assertThat(ChineseText.keywords("", 5)).isEmpty();
        assertThat(ChineseText.keywords("2024年12月31日 明日 部分 持续", 5)).isEmpty();
    }
}
