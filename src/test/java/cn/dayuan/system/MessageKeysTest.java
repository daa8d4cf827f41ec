package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messages bundle and the code stay in step: every key the code names is in {@code messages_zh_CN.properties},
 * every key there is named somewhere in the code, and the base file {@code messages.properties} holds no second copy.
 *
 * <p>A key is a string literal of the form {@code feature.what.how} whose first part is a feature of the bundle
 * ({@code "article.title.required"}, at any call site: an exception, {@code Texts.of}, a helper that takes a key), or
 * a Bean Validation message template {@code "{article.title.required}"}. Keys are never built by concatenation, so
 * this scan finds them all. Not texts, though shaped alike: audit actions ({@code AuditEvent.of(actor,
 * "article.publish", …)}) and the names of stored settings ({@code SiteSettings.Field}, {@code CommentPolicyStore}),
 * which are names in the database (only the constraint templates of those files count).
 */
class MessageKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLE = Path.of("src/main/resources/messages_zh_CN.properties");
    private static final Path BASE = Path.of("src/main/resources/messages.properties");

    private static final Pattern KEY = Pattern.compile("\"(\\{?)([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}?\"");
    private static final Pattern AUDIT_EVENT = Pattern.compile("AuditEvent\\.of\\(");
    /** Files whose dotted names are names of stored things (settings, index fields), not texts. */
    private static final Set<String> STORED_NAMES = Set.of("site/SiteSettings.java", "comment/CommentPolicyStore.java",
            "search/SearchMapping.java");

    private static Properties bundle;
    private static Map<String, List<String>> used;

    @BeforeAll
    static void scan() throws IOException {
        bundle = load(BUNDLE);
        Set<String> features = bundle.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.resolve("cn/dayuan").relativize(file).toString().replace('\\', '/');
                boolean storedNames = STORED_NAMES.contains(name);
                String source = withoutAuditActions(Files.readString(file));
                Matcher m = KEY.matcher(source);
                while (m.find()) {
                    boolean template = !m.group(1).isEmpty();
                    String key = m.group(2);
                    if ((template || !storedNames) && features.contains(key.substring(0, key.indexOf('.')))) {
                        int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        used.computeIfAbsent(key, k -> new ArrayList<>()).add(name + ":" + line);
                    }
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() {
        Map<String, List<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(bundle.stringPropertyNames());
        assertThat(missing).as("keys used in src/main/java but missing from %s", BUNDLE).isEmpty();
    }

    @Test
    void everyKeyInTheBundleIsUsed() {
        Set<String> dead = new TreeSet<>(bundle.stringPropertyNames());
        dead.removeAll(used.keySet());
        assertThat(dead).as("texts in %s that no code names", BUNDLE).isEmpty();
    }

    @Test
    void theScanSeesTheKeys() {
        assertThat(used).containsKeys("channel.not-found", "article.title.required", "system.too-often");
    }

    @Test
    void theBaseFileHoldsNoTexts() throws IOException {
        assertThat(load(BASE).stringPropertyNames()).as("%s only makes Spring Boot create the message source", BASE)
                .isEmpty();
    }

    @Test
    void everyTextIsReadable() {
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as("%s is written in Chinese characters: %s", key, text).isTrue();
        }
    }

    /** The source with the arguments of every {@code AuditEvent.of(…)} blanked out. */
    private static String withoutAuditActions(String source) {
        StringBuilder out = new StringBuilder(source);
        Matcher m = AUDIT_EVENT.matcher(source);
        while (m.find()) {
            int depth = 1;
            for (int i = m.end(); i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth > 0 && c != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
