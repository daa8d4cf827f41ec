package cn.dayuan.sensitive;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/**
 * Sensitive words: which ones a text contains (comments are held for review on a hit; editors are warned about their
 * titles and bodies), and the newsroom's own list of words to add to the dictionary or to allow.
 */
@Service
@Transactional(readOnly = true)
public class SensitiveWordService {

    public static final int MAX_WORD_LENGTH = 50;

    private final SensitiveWordDictionary dictionary;
    private final SensitiveWordRepository words;
    private final ApplicationEventPublisher events;

    private final Permissions permissions;

    SensitiveWordService(SensitiveWordDictionary dictionary, SensitiveWordRepository words,
                         ApplicationEventPublisher events, Permissions permissions) {
        this.permissions = permissions;
        this.dictionary = dictionary;
        this.words = words;
        this.events = events;
    }

    /** The sensitive words in {@code text}, each once, in the order they first occur. */
    public List<String> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(dictionary.matcher().findAll(text)));
    }

    /** One entry of the newsroom's list: {@code allowed} words are never flagged, the others always. */
    public record Entry(String word, boolean allowed, String createdBy, Instant createdAt) {
    }

    public List<Entry> list() {
        permissions.require(Role.EDITOR);
        return words.findAllByOrderByAllowedAscWordAsc().stream()
                .map(w -> new Entry(w.getWord(), w.isAllowed(), w.getCreatedBy(), w.getCreatedAt())).toList();
    }

    /** Adds a word to flag ({@code allowed = false}) or to never flag; a word already listed changes sides. */
    @Transactional
    public void put(String word, boolean allowed, String actor) {
        permissions.require(Role.EDITOR);
        String clean = word == null ? "" : PlainText.clean(word).strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("word", "sensitive.word.required");
        }
        if (clean.length() > MAX_WORD_LENGTH) {
            throw new InvalidInputException("word", "sensitive.word.too-long", MAX_WORD_LENGTH);
        }
        events.publishEvent(AuditEvent.of(actor, "sensitive-word.put", "word:" + clean)
                .with("allowed", null, allowed));
        words.findById(clean).ifPresentOrElse(w -> w.setAllowed(allowed),
                () -> words.save(new SensitiveWord(clean, allowed, actor, Instant.now())));
        events.publishEvent(ContentChangedEvent.of(PageKeys.SENSITIVE_WORDS));
    }

    @Transactional
    public void remove(String word) {
        permissions.require(Role.EDITOR);
        if (word != null && words.existsById(word)) {
            words.deleteById(word);
            events.publishEvent(AuditEvent.of(null, "sensitive-word.remove", "word:" + word));
            events.publishEvent(ContentChangedEvent.of(PageKeys.SENSITIVE_WORDS));
        }
    }
}
