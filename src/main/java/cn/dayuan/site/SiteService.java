package cn.dayuan.site;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.WebAddress;
import cn.dayuan.system.PlainText;

/** Site settings: read on every page render, so kept in memory and reloaded only when they change. */
@Service
@Transactional(readOnly = true)
public class SiteService {

    private final SiteSettingRepository repository;
    private final ApplicationEventPublisher events;

    SiteService(SiteSettingRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Cacheable(cacheNames = PageKeys.SITE, sync = true)
    public SiteSettings settings() {
        return load();
    }

    @Transactional
    public SiteSettings update(SiteSettings settings) {
        validate(settings);
        settings.toMap().forEach((key, value) -> {
            String stored = value == null ? "" : PlainText.clean(value).trim();
            repository.findById(key).ifPresentOrElse(s -> s.setSettingValue(stored),
                    () -> repository.save(new SiteSetting(key, stored)));
        });
        events.publishEvent(ContentChangedEvent.of(PageKeys.SITE));
        return load();
    }

    private SiteSettings load() {
        Map<String, String> values = new HashMap<>();
        repository.findAll().forEach(s -> values.put(s.getSettingKey(), s.getSettingValue()));
        return SiteSettings.fromMap(values);
    }

    private static void validate(SiteSettings settings) {
        if (settings.shortName() == null || settings.shortName().isBlank()) {
            throw new InvalidInputException("shortName", "请填写网站简称");
        }
        if (settings.shortName().length() > 50) {
            throw new InvalidInputException("shortName", "网站简称不能超过 50 个字符");
        }
        if (settings.fullName() != null && settings.fullName().length() > 100) {
            throw new InvalidInputException("fullName", "网站全称不能超过 100 个字符");
        }
        String url = settings.siteUrl() == null ? "" : settings.siteUrl().trim();
        if (!url.isEmpty() && (!WebAddress.isHttp(url) || url.contains("?") || url.contains("#"))) {
            throw new InvalidInputException("siteUrl", "网站地址须以 http:// 或 https:// 开头，例如 https://www.example.cn");
        }
        if (settings.webmasterEmail() != null && !settings.webmasterEmail().isBlank()
                && !settings.webmasterEmail().contains("@")) {
            throw new InvalidInputException("webmasterEmail", "站长邮箱格式不正确");
        }
    }
}
