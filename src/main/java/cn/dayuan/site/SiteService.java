package cn.dayuan.site;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InputRules;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.WebAddress;

/** Site settings: read on every page render, so kept in memory and reloaded only when they change. */
@Service
@Transactional(readOnly = true)
public class SiteService {

    private final SiteSettingRepository repository;
    private final ApplicationEventPublisher events;
    private final InputRules rules;

    private final Permissions permissions;

    SiteService(SiteSettingRepository repository, ApplicationEventPublisher events, InputRules rules, Permissions permissions) {
        this.permissions = permissions;
        this.repository = repository;
        this.events = events;
        this.rules = rules;
    }

    @Cacheable(cacheNames = PageKeys.SITE, sync = true)
    public SiteSettings settings() {
        return load();
    }

    /** The settings as administrators edit them (the public ones are {@link #settings()}). */
    public SiteSettings editable() {
        permissions.require(Role.ADMIN);
        return load();
    }

    @Transactional
    public SiteSettings update(SiteSettings settings) {
        permissions.require(Role.ADMIN);
        SiteSettings checked = rules.check(stored(settings));
        validate(checked);
        AuditEvent[] audit = {AuditEvent.of(null, "settings.update", "settings")};
        checked.toMap().forEach((key, stored) -> {
            repository.findById(key).ifPresentOrElse(s -> {
                audit[0] = audit[0].with(key, s.getSettingValue(), stored);
                s.setSettingValue(stored);
            }, () -> {
                audit[0] = audit[0].with(key, "", stored);
                repository.save(new SiteSetting(key, stored));
            });
        });
        events.publishEvent(ContentChangedEvent.of(PageKeys.SITE));
        events.publishEvent(audit[0]);
        return load();
    }

    private SiteSettings load() {
        Map<String, String> values = new HashMap<>();
        repository.findAll().forEach(s -> values.put(s.getSettingKey(), s.getSettingValue()));
        return SiteSettings.fromMap(values);
    }

    /** What the input rules cannot say: the forms of the addresses and of the police filing number. */
    private static void validate(SiteSettings settings) {
        String url = settings.siteUrl();
        if (!url.isEmpty() && (!WebAddress.isHttp(url) || url.contains("?") || url.contains("#"))) {
            throw new InvalidInputException("siteUrl", "site.site-url.invalid");
        }
        if (SiteSettings.present(settings.policeFiling()) && settings.policeFilingUrl() == null) {
            throw new InvalidInputException("policeFiling", "site.police-filing.invalid");
        }
        if (SiteSettings.present(settings.reportCentreUrl()) && !WebAddress.isHttp(settings.reportCentreUrl())) {
            throw new InvalidInputException("reportCentreUrl", "site.report-centre-url.invalid");
        }
    }

    /** The settings as they are stored: every text cleaned of what XML cannot carry and trimmed, none null. */
    private static SiteSettings stored(SiteSettings settings) {
        Map<String, String> stored = new HashMap<>();
        settings.toMap().forEach((key, value) -> stored.put(key, value == null ? "" : PlainText.clean(value).trim()));
        return SiteSettings.fromMap(stored);
    }
}
