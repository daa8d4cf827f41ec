package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8OutputTest {

    @Test
    void writesWhatStringGetBytesWrites() {
        // ASCII, two- and three-byte characters, pairs of surrogates (𠀀, an emoji) and lone ones, which become '?'
        char[] pieces = {'a', '<', '\n', 'é', 'ß', '中', '文', '\u3000', '\uFFFD', '\uD840', '\uDC00', '\uD83D', '\uDE00'};
        Random random = new Random(20261205);
        Utf8Output output = new Utf8Output(4);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String prefix = "<p>";
            output.reset();
            output.writeBinaryContent(prefix.getBytes(StandardCharsets.UTF_8));
            output.writeContent(text.toString());
            output.writeContent("x" + text + "y", 1, text.length() + 1);
            byte[] once = text.toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
            expected.writeBytes(once);
            expected.writeBytes(once);
            assertThat(output.toByteArray()).as(text.toString()).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void growsPastItsFirstSizeAndStartsAgainAfterAReset() {
        Utf8Output output = new Utf8Output(8);
        String chinese = "大院网".repeat(1_000);
        output.writeContent(chinese);
        assertThat(output.toByteArray()).isEqualTo(chinese.getBytes(StandardCharsets.UTF_8));
        output.reset();
        output.writeContent("首页");
        assertThat(new String(output.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("首页");
    }
}
