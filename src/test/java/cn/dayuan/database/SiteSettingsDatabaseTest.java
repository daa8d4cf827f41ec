package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.InvalidInputException;

/** Site settings: long Chinese texts must come back exactly as written, on every database. */
class SiteSettingsDatabaseTest extends DatabaseTest {

    @Autowired
    SiteService site;

    @AfterEach
    void restoreTheDefaults() {
        site.update(SiteSettings.DEFAULTS);
    }

    @Test
    void longChineseTextsAreStoredExactly() {
        String aboutText = ChineseSamples.paragraphs(150);
        assertThat(aboutText.length()).isGreaterThan(10_000);
        SiteSettings changed = new SiteSettings("晋城大院网", "山西晋城大院资讯网", "https://www.example.cn",
                "晋城本地新闻与公共服务导航", "晋城,新闻,政务", "关于我们", aboutText, "Copyright © 2026 晋城大院资讯网",
                "晋ICP备2026000001号-1", "本站转载文章仅供学习交流，如有侵权请联系站长删除。𠮷", "Reprinted for study only.",
                "webmaster@example.cn", "本文为本站原创，转载请注明出处。", "本文系作者授权发表。", "本文转载自{source}。",
                "本文仅代表作者观点。", "14120170001", "晋公网安备 14052502000001号", "0356-12345678",
                "jubao@example.cn", "中央网信办违法和不良信息举报中心", "https://www.12377.cn/", "版权声明：",
                "copyright protection:", "晋城本地新闻\n便民服务导航");

        site.update(changed);

        // Compared without AssertJ's diff, which would print the long text twice.
        assertThat(site.settings().equals(changed)).as("the settings read back equal the ones written").isTrue();
        String stored = jdbc.queryForObject("select setting_value from site_setting where setting_key = 'site.about-text'",
                String.class);
        assertThat(aboutText.equals(stored)).as("the %d-character about text is stored unchanged", aboutText.length())
                .isTrue();
        assertThat(jdbc.queryForObject("select setting_value from site_setting where setting_key = 'site.disclaimer'",
                String.class)).endsWith("𠮷");
    }

    @Test
    void anInvalidChangeLeavesTheStoredSettingsAlone() {
        SiteSettings before = site.settings();
        SiteSettings badUrl = new SiteSettings("新名字", before.fullName(), "ftp://example.cn", before.description(),
                before.keywords(), before.aboutTitle(), before.aboutText(), before.copyright(), before.icpNumber(),
                before.disclaimer(), before.disclaimerEn(), before.webmasterEmail(), before.rightsOriginal(),
                before.rightsAuthorized(), before.rightsReprint(), before.opinionNotice(), before.newsLicence(),
                before.policeFiling(), before.reportPhone(), before.reportEmail(), before.reportCentreName(),
                before.reportCentreUrl(), before.disclaimerLabel(), before.disclaimerEnLabel(), before.aboutServices());

        assertThatThrownBy(() -> site.update(badUrl)).isInstanceOf(InvalidInputException.class);
        assertThat(site.settings()).isEqualTo(before);
        assertThat(jdbc.queryForList("select setting_value from site_setting where setting_key = 'site.short-name'",
                String.class)).doesNotContain("新名字");
    }
}
