package cn.dayuan.sensitive;

import java.util.List;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.allow.WordAllows;
import com.github.houbb.sensitive.word.support.deny.WordDenys;

import cn.dayuan.system.PageKeys;

/**
 * The matcher: the dictionary that ships with {@code sensitive-word} plus the newsroom's words, minus the words it
 * allows. Built on first use and again whenever the newsroom changes its list, on every node (the list is announced
 * under {@link PageKeys#SENSITIVE_WORDS}). Only words count: numbers, e-mail and web addresses are left to review.
 */
@Component
class SensitiveWordDictionary {

    private final SensitiveWordRepository words;

    SensitiveWordDictionary(SensitiveWordRepository words) {
        this.words = words;
    }

    @Cacheable(cacheNames = PageKeys.SENSITIVE_WORDS, sync = true)
    @Transactional(readOnly = true)
    public SensitiveWordBs matcher() {
        List<SensitiveWord> entries = words.findAll();
        List<String> denied = entries.stream().filter(w -> !w.isAllowed()).map(SensitiveWord::getWord).toList();
        List<String> allowed = entries.stream().filter(SensitiveWord::isAllowed).map(SensitiveWord::getWord).toList();
        return SensitiveWordBs.newInstance()
                .wordDeny(WordDenys.chains(WordDenys.defaults(), () -> denied))
                .wordAllow(WordAllows.chains(WordAllows.defaults(), () -> allowed))
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreChineseStyle(true)
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false)
                .init();
    }
}
