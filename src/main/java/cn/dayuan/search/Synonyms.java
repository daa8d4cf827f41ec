package cn.dayuan.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's synonym groups as queries use them: each way of saying a thing cut into the words the index holds
 * (医疗保障 → 医疗, 保障), so that a run of a query's words can be recognised as one of them.
 */
public final class Synonyms {

    /** One way of saying a thing: as the newsroom typed it, and as the analyzer cuts it. */
    record Member(String text, List<String> words) {
    }

    /**
     * A piece of a query: one word, or a run of words that is a member of a synonym group, with the group's other
     * members, any of which may stand in its place.
     */
    record Term(List<String> words, List<String> alternatives) {

        String text() {
            return String.join(" ", words);
        }
    }

    /** Each member with its group, under the member's first word: a query looks up only what may start at a word. */
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

    private record Entry(Member member, List<Member> group) {
    }

    Synonyms(List<List<Member>> groups) {
        for (List<Member> group : groups) {
            for (Member member : group) {
                if (member.words().isEmpty()) {
                    continue;
                }
                byFirstWord.computeIfAbsent(member.words().get(0), word -> new ArrayList<>())
                        .add(new Entry(member, group));
            }
        }
    }

    /** The query's words as terms, in order: at each word, the longest member of a group that starts there. */
    List<Term> terms(List<String> words) {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Entry longest = null;
            for (Entry candidate : byFirstWord.getOrDefault(words.get(i), List.of())) {
                int length = candidate.member().words().size();
                if (i + length <= words.size() && words.subList(i, i + length).equals(candidate.member().words())
                        && (longest == null || length > longest.member().words().size())) {
                    longest = candidate;
                }
            }
            if (longest == null) {
                terms.add(new Term(List.of(words.get(i)), List.of()));
                i++;
            } else {
                Member found = longest.member();
                terms.add(new Term(found.words(), longest.group().stream().filter(m -> m != found)
                        .map(Member::text).toList()));
                i += found.words().size();
            }
        }
        return terms;
    }
}
