package cn.dayuan.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The newsroom's synonym groups as queries use them: each way of saying a thing cut into the words the index holds
 * (医疗保障 → 医疗, 保障), so that a run of a query's words can be recognised as one of them.
 */
public final class Synonyms {

    static final Synonyms NONE = new Synonyms(List.of());

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

    private final List<List<Member>> groups;

    Synonyms(List<List<Member>> groups) {
        this.groups = List.copyOf(groups);
    }

    /** The query's words as terms, in order: at each word, the longest member of a group that starts there. */
    List<Term> terms(List<String> words) {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Member longest = null;
            List<Member> group = null;
            for (List<Member> candidates : groups) {
                for (Member member : candidates) {
                    int length = member.words().size();
                    if (i + length <= words.size() && words.subList(i, i + length).equals(member.words())
                            && (longest == null || length > longest.words().size())) {
                        longest = member;
                        group = candidates;
                    }
                }
            }
            if (longest == null) {
                terms.add(new Term(List.of(words.get(i)), List.of()));
                i++;
            } else {
                Member found = longest;
                terms.add(new Term(found.words(), group.stream().filter(m -> m != found).map(Member::text).toList()));
                i += found.words().size();
            }
        }
        return terms;
    }
}
