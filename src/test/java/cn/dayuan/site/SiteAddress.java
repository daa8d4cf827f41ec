package cn.dayuan.site;

import java.util.HashMap;
import java.util.Map;

/** Sets the public address in the site settings, as an administrator does on the settings page. */
public final class SiteAddress {

    private SiteAddress() {
    }

    /** @return the address set before */
    public static String set(SiteService site, String address) {
        SiteSettings before = site.editable();
        Map<String, String> values = new HashMap<>(before.toMap());
        values.put("site.url", address);
        site.update(SiteSettings.fromMap(values));
        return before.siteUrl();
    }
}
