package cn.dayuan.system;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/** The {@link OneTimeAnswers} of a single node: in memory, each answer forgotten when its lifetime ends. */
@Component
@Conditional(ClusterMode.Off.class)
class LocalOneTimeAnswers implements OneTimeAnswers {

    private record Kept(String answer, Duration lifetime) {
    }

    private final Cache<String, Kept> answers = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfter(Expiry.<String, Kept>creating((id, kept) -> kept.lifetime()))
            .build();

    @Override
    public void keep(String id, String answer, Duration lifetime) {
        answers.put(id, new Kept(answer, lifetime));
    }

    @Override
    public Optional<String> take(String id) {
        return Optional.ofNullable(answers.asMap().remove(id)).map(Kept::answer);
    }
}
