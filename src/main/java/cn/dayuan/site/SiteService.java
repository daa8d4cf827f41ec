package cn.dayuan.site;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.WebAddress;

/** Site settings: read on every page render, so kept in memory and reloaded only when they change. */
@Service
@Transactional(readOnly = true)
public class SiteService {


    private final SiteSettingRepository repository;
    private final ApplicationEventPublisher events;
    private volatile SiteSettings current;

    SiteService(SiteSettingRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public SiteSettings settings() {
        SiteSettings settings = current;
        if (settings == null) {
            Map<String, String> values = new HashMap<>();
            repository.findAll().forEach(s -> values.put(s.getSettingKey(), s.getSettingValue()));
            settings = SiteSettings.fromMap(values);
            current = settings;
        }
        return settings;
    }

    @Transactional
    public SiteSettings update(SiteSettings settings) {
        validate(settings);
        settings.toMap().forEach((key, value) -> {
            String stored = value == null ? "" : value.trim();
            repository.findById(key).ifPresentOrElse(s -> s.setSettingValue(stored),
                    () -> repository.save(new SiteSetting(key, stored)));
        });
        current = null;
        // A page may reload the settings before this transaction commits; drop that stale copy after the commit.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    current = null;
                }
            });
        }
        events.publishEvent(ContentChangedEvent.of(PageKeys.SITE));
        return settings();
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
