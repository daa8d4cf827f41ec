package cn.dayuan.site;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One stored site setting; {@link SiteSettings} is the typed view the rest of the code uses. */
@Entity
class SiteSetting {

    @Id
    private String settingKey;
    private String settingValue;

    protected SiteSetting() {
    }

    SiteSetting(String settingKey, String settingValue) {
        this.settingKey = settingKey;
        this.settingValue = settingValue;
    }

    String getSettingKey() {
        return settingKey;
    }

    String getSettingValue() {
        return settingValue;
    }

    void setSettingValue(String settingValue) {
        this.settingValue = settingValue;
    }
}
