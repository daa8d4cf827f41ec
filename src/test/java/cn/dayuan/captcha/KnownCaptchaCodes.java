package cn.dayuan.captcha;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The test-only captcha: every image asks for {@link #ANSWER}, so tests and browser runs can answer it. It lives in
 * the test sources, which component scanning sees only while tests run; the built jar never holds it.
 */
@Component
@Primary
public class KnownCaptchaCodes implements CaptchaCodes {

    public static final String ANSWER = "K7QX";

    @Override
    public String next() {
        return ANSWER;
    }
}
