package cn.dayuan.site;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.WebAddress;
import cn.dayuan.system.PlainText;

/** Site settings: read on every page render, so kept in memory and reloaded only when they change. */
@Service
@Transactional(readOnly = true)
public class SiteService {

    /** Something@something with no spaces or markup: what a mailto: link can carry. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+");
    /** 0351-12345678, (0351) 1234 5678, +86 10 12377, 010-12345678转8. */
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-()（） 转]*[0-9][0-9+\\-()（） 转]*");

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
        AuditEvent[] audit = {AuditEvent.of(null, "settings.update", "settings")};
        settings.toMap().forEach((key, value) -> {
            String stored = value == null ? "" : PlainText.clean(value).trim();
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
        email(settings.webmasterEmail(), "webmasterEmail", "站长邮箱");
        longest(settings.newsLicence(), 50, "newsLicence", "互联网新闻信息服务许可证编号");
        longest(settings.policeFiling(), 50, "policeFiling", "公安备案号");
        if (SiteSettings.present(settings.policeFiling()) && settings.policeFilingUrl() == null) {
            throw new InvalidInputException("policeFiling", "公安备案号须包含备案编号的数字，例如：京公网安备 11010502030143号");
        }
        longest(settings.reportPhone(), 40, "reportPhone", "举报电话");
        if (SiteSettings.present(settings.reportPhone()) && !PHONE.matcher(settings.reportPhone().trim()).matches()) {
            throw new InvalidInputException("reportPhone", "举报电话只能包含数字、空格、连字符、括号、加号和“转”，例如：0351-12345678");
        }
        email(settings.reportEmail(), "reportEmail", "举报邮箱");
        longest(settings.reportCentreName(), 50, "reportCentreName", "举报中心名称");
        longest(settings.reportCentreUrl(), 200, "reportCentreUrl", "举报中心网址");
        if (SiteSettings.present(settings.reportCentreUrl()) && !WebAddress.isHttp(settings.reportCentreUrl().trim())) {
            throw new InvalidInputException("reportCentreUrl", "举报中心网址须以 http:// 或 https:// 开头，例如 https://www.12377.cn/");
        }
        longest(settings.disclaimerLabel(), 30, "disclaimerLabel", "中文免责声明的标签");
        longest(settings.disclaimerEnLabel(), 30, "disclaimerEnLabel", "英文免责声明的标签");
        longest(settings.aboutServices(), 2000, "aboutServices", "“我们提供什么”");
    }

    private static void longest(String value, int limit, String field, String name) {
        if (value != null && value.trim().length() > limit) {
            throw new InvalidInputException(field, name + "不能超过 " + limit + " 个字符");
        }
    }

    private static void email(String value, String field, String name) {
        if (!SiteSettings.present(value)) {
            return;
        }
        longest(value, 100, field, name);
        if (!EMAIL.matcher(value.trim()).matches()) {
            throw new InvalidInputException(field, name + "格式不正确，例如：webmaster@example.cn");
        }
    }
}
