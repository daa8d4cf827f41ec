package cn.dayuan.tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PlainText;

/** Tags are created on first use: editors type keywords, and each becomes a tag page. */
@Service
@Transactional(readOnly = true)
public class TagService {

    public static final int MAX_TAGS_PER_ARTICLE = 10;
    public static final int MAX_TAG_LENGTH = 20;

    private final TagRepository tags;

    TagService(TagRepository tags) {
        this.tags = tags;
    }

    public Optional<Tag> findByName(String name) {
        return name == null ? Optional.empty() : tags.findByName(name.trim());
    }

    public List<Tag> findAll() {
        return tags.findAll();
    }

    /** The tags with these names, creating the missing ones; names are trimmed and de-duplicated. */
    @Transactional
    public List<Tag> findOrCreate(List<String> names) {
        Set<String> wanted = normalize(names);
        List<Tag> result = new ArrayList<>();
        for (String name : wanted) {
            result.add(tags.findByName(name).orElseGet(() -> tags.save(new Tag(name))));
        }
        return result;
    }

    /** Checks and cleans a list of tag names without touching the database. */
    public static Set<String> normalize(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        if (names == null) {
            return wanted;
        }
        for (String raw : names) {
            String cleaned = PlainText.clean(raw);
            if (cleaned == null || cleaned.isBlank()) {
                continue;
            }
            String name = cleaned.trim();
            if (name.length() > MAX_TAG_LENGTH) {
                throw new InvalidInputException("tags", "关键词「" + name + "」太长，每个关键词最多 " + MAX_TAG_LENGTH + " 个字符");
            }
            if (name.contains("/") || name.contains("\\") || name.contains("?") || name.contains("#")
                    || name.contains("%")) {
                throw new InvalidInputException("tags", "关键词「" + name + "」不能包含 / \\ ? # % 等符号");
            }
            wanted.add(name);
        }
        if (wanted.size() > MAX_TAGS_PER_ARTICLE) {
            throw new InvalidInputException("tags", "每篇文章最多 " + MAX_TAGS_PER_ARTICLE + " 个关键词");
        }
        return wanted;
    }
}
