package cn.dayuan.system;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The texts users read, from the messages bundle {@code messages_zh_CN.properties}: field errors, problem details,
 * notices, error pages. Java code names a text by its key (a string literal at the call site, so
 * {@code MessageKeysTest} finds every one) and resolves it here, or throws a {@link ReadableException} that the
 * web layer resolves here; Bean Validation resolves the {@code {key}} of a constraint through the same bundle.
 *
 * <p>The bundle is Chinese and the site is Chinese: any other locale (a browser asking for English, a thread outside
 * a request on a server whose default is {@code en_US}) reads the Chinese texts, never a key.
 */
@Component
public class Texts {

    /** The language of {@code messages_zh_CN.properties}, the one every locale falls back to. */
    public static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… filled with {@code args}. */
    public String of(String key, Object... args) {
        return messages.getMessage(key, plain(args), LocaleContextHolder.getLocale());
    }

    /** The text of an error (a {@link ReadableException}) or of any other resolvable. */
    public String of(MessageSourceResolvable text) {
        return messages.getMessage(text, LocaleContextHolder.getLocale());
    }

    /**
     * Arguments as concatenation would show them: a number as written ({@code 12345}, never grouped), anything else
     * by {@code String.valueOf}; a nested resolvable (an error, a key) stays one and is looked up too.
     */
    static Object[] plain(Object... args) {
        if (args == null) {
            return new Object[0];
        }
        return Arrays.stream(args).map(arg -> arg instanceof MessageSourceResolvable text
                ? new DefaultMessageSourceResolvable(text.getCodes(), plain(text.getArguments()),
                text.getDefaultMessage())
                : String.valueOf(arg)).toArray();
    }

    /**
     * Spring Boot's message source (created because {@code messages.properties} exists) falls back to
     * {@link #LANGUAGE} instead of the bare base file, which holds no texts.
     */
    @Bean
    static BeanPostProcessor chineseTextsForEveryLocale() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(name)
                        && bean instanceof AbstractResourceBasedMessageSource source) {
                    source.setDefaultLocale(LANGUAGE);
                }
                return bean;
            }
        };
    }
}
