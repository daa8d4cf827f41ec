package cn.dayuan.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.OneTimeAnswers;

class CaptchaServiceTest {

    /** Answers in a map; lifetimes are checked by the real stores. */
    static final class MapAnswers implements OneTimeAnswers {
        final Map<String, String> kept = new HashMap<>();

        @Override
        public void keep(String id, String answer, Duration lifetime) {
            kept.put(id, answer);
        }

        @Override
        public Optional<String> take(String id) {
            return Optional.ofNullable(kept.remove(id));
        }
    }

    private final MutableClock clock = new MutableClock();
    private final CaptchaService captcha = new CaptchaService(new MapAnswers(), () -> "AB3D", Duration.ofSeconds(2),
            clock);

    @Test
    void drawsAPngAndAcceptsTheAnswerOnceWhateverItsCase() throws Exception {
        CaptchaService.Challenge challenge = captcha.issue();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(challenge.png())).getWidth())
                .isEqualTo(CaptchaImage.WIDTH);
        assertThat(challenge.dataUri()).startsWith("data:image/png;base64,");
        clock.advance(Duration.ofSeconds(3));
        captcha.check(challenge.id(), " ab3d ");
        assertThatThrownBy(() -> captcha.check(challenge.id(), "AB3D"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(CaptchaService.ID_FIELD));
    }

    @Test
    void aWrongAnswerUsesTheChallengeUp() {
        CaptchaService.Challenge challenge = captcha.issue();
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> captcha.check(challenge.id(), "XXXX"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(CaptchaService.ANSWER_FIELD));
        assertThatThrownBy(() -> captcha.check(challenge.id(), "AB3D"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(CaptchaService.ID_FIELD));
    }

    @Test
    void anAnswerFasterThanAPersonCouldReadIsRefused() {
        CaptchaService.Challenge challenge = captcha.issue();
        clock.advance(Duration.ofMillis(300));
        assertThatThrownBy(() -> captcha.check(challenge.id(), "AB3D"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.key()).isEqualTo("captcha.too-fast"));
    }

    @Test
    void unknownAndMissingChallengesNameTheirField() {
        for (String id : new String[] {null, "", "no-such-challenge", "x".repeat(500)}) {
            assertThatThrownBy(() -> captcha.check(id, "AB3D"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo(CaptchaService.ID_FIELD));
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
