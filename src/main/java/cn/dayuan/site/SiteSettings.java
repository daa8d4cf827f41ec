package cn.dayuan.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the newsroom can say about the site: names, the texts in the header and footer, and the rights
 * statements printed under articles.
 *
 * @param shortName        short name, e.g. 大院网; the end of every page title
 * @param fullName         full name, e.g. 山西大院资讯网
 * @param siteUrl          public address (https://www.example.cn); blank means "the address the reader used"
 * @param description      meta description of the home page
 * @param keywords         meta keywords of the home page
 * @param aboutTitle       heading of the "about the site" block
 * @param aboutText        the "about the site" text
 * @param copyright        copyright line in the footer
 * @param icpNumber        ICP filing number (备案号) shown in the footer
 * @param disclaimer       reprint disclaimer in Chinese
 * @param disclaimerEn     reprint disclaimer in English
 * @param webmasterEmail   where readers reach the webmaster
 * @param rightsOriginal   statement under original articles
 * @param rightsAuthorized statement under articles published with the author's authorization
 * @param rightsReprint    statement under reprinted articles; {source} stands for the source's name
 * @param opinionNotice    the line that opens every rights statement
 * @param newsLicence      互联网新闻信息服务许可证 number shown in the footer
 * @param policeFiling     公安备案号, e.g. 京公网安备 11010502030143号; the footer links its digits to the
 *                         public-security filing search
 * @param reportPhone      举报电话 for illegal and harmful content
 * @param reportEmail      举报邮箱 for illegal and harmful content
 * @param reportCentreName label of the link to the national reporting centre
 * @param reportCentreUrl  the national reporting centre (12377); blank shows no link
 * @param disclaimerLabel  label in front of the Chinese disclaimer in the footer, e.g. 版权声明：
 * @param disclaimerEnLabel label in front of the English disclaimer in the footer, e.g. copyright protection:
 * @param aboutServices    what the site offers, one item a line, listed on the about page
 */
public record SiteSettings(
        @NotBlank(message = "{site.short-name.required}") @Size(max = 50, message = "{site.short-name.too-long}")
        String shortName,
        @Size(max = 100, message = "{site.full-name.too-long}") String fullName,
        String siteUrl,
        String description,
        String keywords,
        String aboutTitle,
        String aboutText,
        String copyright,
        String icpNumber,
        String disclaimer,
        String disclaimerEn,
        @Size(max = 100, message = "{site.webmaster-email.too-long}")
        @Pattern(regexp = OPTIONAL_EMAIL, message = "{site.webmaster-email.invalid}") String webmasterEmail,
        String rightsOriginal,
        String rightsAuthorized,
        String rightsReprint,
        String opinionNotice,
        @Size(max = 50, message = "{site.news-licence.too-long}") String newsLicence,
        @Size(max = 50, message = "{site.police-filing.too-long}") String policeFiling,
        @Size(max = 40, message = "{site.report-phone.too-long}")
        @Pattern(regexp = OPTIONAL_PHONE, message = "{site.report-phone.invalid}") String reportPhone,
        @Size(max = 100, message = "{site.report-email.too-long}")
        @Pattern(regexp = OPTIONAL_EMAIL, message = "{site.report-email.invalid}") String reportEmail,
        @Size(max = 50, message = "{site.report-centre-name.too-long}") String reportCentreName,
        @Size(max = 200, message = "{site.report-centre-url.too-long}") String reportCentreUrl,
        @Size(max = 30, message = "{site.disclaimer-label.too-long}") String disclaimerLabel,
        @Size(max = 30, message = "{site.disclaimer-en-label.too-long}") String disclaimerEnLabel,
        @Size(max = 2000, message = "{site.about-services.too-long}") String aboutServices) {

    /** Something@something with no spaces or markup (what a mailto: link can carry), or nothing. */
    static final String OPTIONAL_EMAIL = "(?:[^\\s@<>\"]+@[^\\s@<>\"]+)?";

    /** A telephone number (0351-12345678, (0351) 1234 5678, +86 10 12377, 010-12345678转8), or nothing. */
    static final String OPTIONAL_PHONE = "(?:[0-9+\\-()（） 转]*[0-9][0-9+\\-()（） 转]*)?";

    /** Where the public-security filing number (公安备案号) is looked up; the footer adds its digits. */
    public static final String POLICE_FILING_SEARCH = "https://beian.mps.gov.cn/#/query/webSearch";

    public static final SiteSettings DEFAULTS = new SiteSettings(
            "大院网",
            "大院资讯网",
            "",
            "本地综合门户网站：本地新闻、政策解读与一站式公共服务导航。",
            "本地新闻,政务服务,便民导航",
            "关于本站",
            "本站是公共的资讯平台，公开、绿色、守法，主要目的是服务广大本地网民，并提供本地公共服务导航，一站式进入本地各大政府服务平台。",
            "Copyright © 大院资讯网",
            "",
            "本站所有文章、文字、视频、图片、音乐来源于网络转载的非原创作品，仅限于学习交流，对文章信息内容并不代表本网赞同其观点或对其真实性负责，如果存在任何问题，请第一时间联系站长处理！",
            "All articles, text, video, pictures, music sources and network reproduced non-original works, only for learning and communication, the content of the article information does not mean that the network agrees with its views or is responsible for its authenticity, if there are any problems, please contact the webmaster for processing at the first time!",
            "",
            "本文为本站原创，转载请注明出处。",
            "本文系作者授权发表，未经许可，不得转载。",
            "本文转载自{source}，版权归原作者所有。",
            "本文仅代表作者观点，不代表本站立场。",
            "",
            "",
            "",
            "",
            "中央网信办违法和不良信息举报中心",
            "https://www.12377.cn/",
            "版权声明：",
            "copyright protection:",
            """
            本地新闻与时政要闻：按栏目分类，及时更新，可通过 RSS 订阅。
            便民服务导航：汇集本地政务与公共服务平台，一站式直达。
            公开、绿色、守法：转载内容均注明来源，版权问题请见版权声明。""");

    /** Page title suffix and the header logo text: "大院网-山西大院资讯网". */
    public String siteTitle() {
        return fullName.isBlank() ? shortName : shortName + "-" + fullName;
    }

    /** The filing search for {@link #policeFiling()}, by its digits; {@code null} when there is no number. */
    public String policeFilingUrl() {
        String digits = policeFiling == null ? "" : policeFiling.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : POLICE_FILING_SEARCH + "?code=" + digits;
    }

    /** The non-blank lines of {@link #aboutServices()}, trimmed. */
    public List<String> aboutServiceItems() {
        return aboutServices == null ? List.of()
                : aboutServices.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Whether a setting has something to show; an empty one shows nothing, not even its label. */
    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            map.put(field.key, field.getter.apply(this));
        }
        return map;
    }

    static SiteSettings fromMap(Map<String, String> values) {
        Function<Field, String> value = field -> {
            String stored = values.get(field.key);
            return stored == null ? field.getter.apply(DEFAULTS) : stored;
        };
        return new SiteSettings(value.apply(Field.SHORT_NAME), value.apply(Field.FULL_NAME),
                value.apply(Field.SITE_URL), value.apply(Field.DESCRIPTION), value.apply(Field.KEYWORDS),
                value.apply(Field.ABOUT_TITLE), value.apply(Field.ABOUT_TEXT), value.apply(Field.COPYRIGHT),
                value.apply(Field.ICP_NUMBER), value.apply(Field.DISCLAIMER), value.apply(Field.DISCLAIMER_EN),
                value.apply(Field.WEBMASTER_EMAIL), value.apply(Field.RIGHTS_ORIGINAL),
                value.apply(Field.RIGHTS_AUTHORIZED), value.apply(Field.RIGHTS_REPRINT),
                value.apply(Field.OPINION_NOTICE), value.apply(Field.NEWS_LICENCE),
                value.apply(Field.POLICE_FILING), value.apply(Field.REPORT_PHONE), value.apply(Field.REPORT_EMAIL),
                value.apply(Field.REPORT_CENTRE_NAME), value.apply(Field.REPORT_CENTRE_URL),
                value.apply(Field.DISCLAIMER_LABEL), value.apply(Field.DISCLAIMER_EN_LABEL),
                value.apply(Field.ABOUT_SERVICES));
    }

    private enum Field {
        SHORT_NAME("site.short-name", SiteSettings::shortName),
        FULL_NAME("site.full-name", SiteSettings::fullName),
        SITE_URL("site.url", SiteSettings::siteUrl),
        DESCRIPTION("site.description", SiteSettings::description),
        KEYWORDS("site.keywords", SiteSettings::keywords),
        ABOUT_TITLE("site.about-title", SiteSettings::aboutTitle),
        ABOUT_TEXT("site.about-text", SiteSettings::aboutText),
        COPYRIGHT("site.copyright", SiteSettings::copyright),
        ICP_NUMBER("site.icp-number", SiteSettings::icpNumber),
        DISCLAIMER("site.disclaimer", SiteSettings::disclaimer),
        DISCLAIMER_EN("site.disclaimer-en", SiteSettings::disclaimerEn),
        WEBMASTER_EMAIL("site.webmaster-email", SiteSettings::webmasterEmail),
        RIGHTS_ORIGINAL("rights.original", SiteSettings::rightsOriginal),
        RIGHTS_AUTHORIZED("rights.authorized", SiteSettings::rightsAuthorized),
        RIGHTS_REPRINT("rights.reprint", SiteSettings::rightsReprint),
        OPINION_NOTICE("rights.opinion-notice", SiteSettings::opinionNotice),
        NEWS_LICENCE("site.news-licence", SiteSettings::newsLicence),
        POLICE_FILING("site.police-filing", SiteSettings::policeFiling),
        REPORT_PHONE("site.report-phone", SiteSettings::reportPhone),
        REPORT_EMAIL("site.report-email", SiteSettings::reportEmail),
        REPORT_CENTRE_NAME("site.report-centre-name", SiteSettings::reportCentreName),
        REPORT_CENTRE_URL("site.report-centre-url", SiteSettings::reportCentreUrl),
        DISCLAIMER_LABEL("site.disclaimer-label", SiteSettings::disclaimerLabel),
        DISCLAIMER_EN_LABEL("site.disclaimer-en-label", SiteSettings::disclaimerEnLabel),
        ABOUT_SERVICES("site.about-services", SiteSettings::aboutServices);

        private final String key;
        private final Function<SiteSettings, String> getter;

        Field(String key, Function<SiteSettings, String> getter) {
            this.key = key;
            this.getter = getter;
        }
    }
}
