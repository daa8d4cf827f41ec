package cn.dayuan.captcha;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.OneTimeAnswers;

/**
 * Image captchas for the public forms (comments, 举报). A challenge is answered once: checking it removes it,
 * right or wrong, so an answer cannot be guessed twice or replayed. It lives five minutes, compares without regard
 * to case, and is shared by every node of a cluster ({@link OneTimeAnswers}). An answer that comes sooner after the
 * image was drawn than a person could read it is refused too, which is the forms' minimum time between page load
 * and post: the image is drawn when the page is shown.
 */
@Service
public class CaptchaService {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final String ID_FIELD = "captchaId";
    public static final String ANSWER_FIELD = "captchaAnswer";

    private final OneTimeAnswers answers;
    private final CaptchaCodes codes;
    private final Duration minSolveTime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    CaptchaService(OneTimeAnswers answers, CaptchaCodes codes, DayuanProperties properties) {
        this(answers, codes, properties.captchaMinSolveTime(), Clock.systemUTC());
    }

    CaptchaService(OneTimeAnswers answers, CaptchaCodes codes, Duration minSolveTime, Clock clock) {
        this.answers = answers;
        this.codes = codes;
        this.minSolveTime = minSolveTime;
        this.clock = clock;
    }

    /** @param png the image to show; {@link #dataUri()} embeds it in a page or a JSON answer */
    public record Challenge(String id, byte[] png) {

        public String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    public Challenge issue() {
        byte[] idBytes = new byte[18];
        random.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        String code = codes.next();
        answers.keep(id, code + "|" + clock.millis(), LIFETIME);
        return new Challenge(id, CaptchaImage.draw(code));
    }

    /**
     * Accepts the answer to a challenge, once; otherwise an {@link InvalidInputException} naming the field to
     * correct ({@value #ID_FIELD} when the challenge is unknown, expired or used, {@value #ANSWER_FIELD} when the
     * answer is wrong or too quick). Either way the challenge is gone and the reader needs a new image.
     */
    public void check(String id, String answer) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new InvalidInputException(ID_FIELD, "captcha.expired");
        }
        Optional<String> kept = answers.take(id.trim());
        if (kept.isEmpty()) {
            throw new InvalidInputException(ID_FIELD, "captcha.expired");
        }
        String[] parts = kept.get().split("\\|", 2);
        if (answer == null || !parts[0].equals(answer.trim().toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException(ANSWER_FIELD, "captcha.wrong");
        }
        Instant drawn = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        if (Duration.between(drawn, clock.instant()).compareTo(minSolveTime) < 0) {
            throw new InvalidInputException(ANSWER_FIELD, "captcha.too-fast");
        }
    }
}
