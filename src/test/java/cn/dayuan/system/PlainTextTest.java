package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void dropsWhatXmlCannotCarry() {
        String typed = "标\u0001题\u0000有\u000B控制\uFFFE字符\uFFFF\uD800与\uDC00半个代理";
        assertThat(PlainText.clean(typed)).isEqualTo("标题有控制字符与半个代理");
    }

    @Test
    void keepsLinesTabsAndWholeCharactersOutsideTheBasicPlane() {
        String typed = "耿𣲗\t诗选\r\n第二行 😀";
        assertThat(PlainText.clean(typed)).isSameAs(typed);
        assertThat(PlainText.clean("\uD800耿𣲗\uDC00")).isEqualTo("耿𣲗");
        assertThat(PlainText.clean(null)).isNull();
        assertThat(PlainText.clean("")).isEmpty();
    }
}
