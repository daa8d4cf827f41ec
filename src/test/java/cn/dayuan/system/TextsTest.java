package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.dayuan.article.ArticleDraft;

/** The messages bundle really loads into the application's message source, for every locale, and feeds validation. */
@SpringBootTest(properties = "dayuan.data-dir=" + TextsTest.DATA_DIR)
class TextsTest {

    static final String DATA_DIR = "target/test-data/TextsTest";

    @Autowired
    MessageSource messageSource;

    @Autowired
    Texts texts;

    @Autowired
    InputRules rules;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theApplicationsMessageSourceReadsTheBundleAsUtf8() {
        assertThat(messageSource.getMessage("channel.name.required", null, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("请填写栏目名称");
    }

    @Test
    void everyLocaleReadsTheChineseTexts() {
        assertThat(messageSource.getMessage("channel.name.required", null, Locale.US)).isEqualTo("请填写栏目名称");
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(texts.of("channel.name.required")).isEqualTo("请填写栏目名称");
    }

    @Test
    void argumentsReadAsWrittenAndErrorsNestInsideErrors() {
        assertThat(texts.of(new NotFoundException("article.not-found", 1234567))).isEqualTo("文章不存在：1234567");
        InvalidInputException inner = new InvalidInputException("title", "article.title.required");
        assertThat(texts.of(new InvalidInputException("title", "article.bulk.failed", 42, inner)))
                .isEqualTo("文章 42：请填写标题（全部未处理）");
        assertThat(inner.getMessage()).as("logs name the key").isEqualTo("article.title.required");
    }

    @Test
    void constraintsReadTheirTextsFromTheBundleInAnyLocale() {
        LocaleContextHolder.setLocale(Locale.US);
        ArticleDraft untitled = new ArticleDraft(null, null, null, "<p>正文</p>", "news", null, null, null, null,
                null, null, null, null, null, false, false, true);
        assertThatThrownBy(() -> rules.check(untitled)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("title");
            assertThat(e.key()).isEqualTo("article.title.required");
            assertThat(texts.of(e)).isEqualTo("请填写标题");
        });
        ArticleDraft longTitle = new ArticleDraft("长".repeat(201), null, null, "<p>正文</p>", "news", null, null,
                null, null, null, null, null, null, null, false, false, true);
        assertThatThrownBy(() -> rules.check(longTitle)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(texts.of(e)).isEqualTo("标题不能超过 200 个字符"));
    }
}
