package cn.dayuan.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;

/** Site settings (names, about text, footer with licences and 举报 contacts, rights statements): administrators only. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsApiController {

    private final SiteService site;

    SettingsApiController(SiteService site) {
        this.site = site;
    }

    @GetMapping
    SiteSettings get() {
        return site.editable();
    }

    /**
     * Changes the settings sent; a field left out (or {@code null}) keeps its value, so a client can change one
     * text without knowing the others. An empty string clears a field.
     */
    @PutMapping
    SiteSettings update(@RequestBody SiteSettings changes) {
        SiteSettings now = site.editable();
        return site.update(new SiteSettings(
                keep(changes.shortName(), now.shortName()),
                keep(changes.fullName(), now.fullName()),
                keep(changes.siteUrl(), now.siteUrl()),
                keep(changes.description(), now.description()),
                keep(changes.keywords(), now.keywords()),
                keep(changes.aboutTitle(), now.aboutTitle()),
                keep(changes.aboutText(), now.aboutText()),
                keep(changes.copyright(), now.copyright()),
                keep(changes.icpNumber(), now.icpNumber()),
                keep(changes.disclaimer(), now.disclaimer()),
                keep(changes.disclaimerEn(), now.disclaimerEn()),
                keep(changes.webmasterEmail(), now.webmasterEmail()),
                keep(changes.rightsOriginal(), now.rightsOriginal()),
                keep(changes.rightsAuthorized(), now.rightsAuthorized()),
                keep(changes.rightsReprint(), now.rightsReprint()),
                keep(changes.opinionNotice(), now.opinionNotice()),
                keep(changes.newsLicence(), now.newsLicence()),
                keep(changes.policeFiling(), now.policeFiling()),
                keep(changes.reportPhone(), now.reportPhone()),
                keep(changes.reportEmail(), now.reportEmail()),
                keep(changes.reportCentreName(), now.reportCentreName()),
                keep(changes.reportCentreUrl(), now.reportCentreUrl()),
                keep(changes.disclaimerLabel(), now.disclaimerLabel()),
                keep(changes.disclaimerEnLabel(), now.disclaimerEnLabel()),
                keep(changes.aboutServices(), now.aboutServices())));
    }

    private static String keep(String sent, String current) {
        return sent == null ? current : sent;
    }
}
