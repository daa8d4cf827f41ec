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
}
