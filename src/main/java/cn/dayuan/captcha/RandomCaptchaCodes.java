package cn.dayuan.captcha;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Four characters that cannot be mistaken for one another (no 0/O, 1/I/L), from a secure random source. */
@Component
class RandomCaptchaCodes implements CaptchaCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 4;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
