package cn.dayuan.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.site.SiteService;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.InvalidInputException;

/** How the API writes times and addresses, and reads times: the same way in every answer. */
@Component
class ApiFormat {

    private final SiteService site;
    private final DayuanProperties properties;

    ApiFormat(SiteService site, DayuanProperties properties) {
        this.site = site;
        this.properties = properties;
    }

    /**
     * A site-relative address ("/zcjh/") made absolute with the site address from the settings, else
     * {@code dayuan.base-url}, else the scheme, host and port the client used.
     */
    String absolute(String sitePath) {
        String base = firstNonBlank(site.settings().siteUrl(), properties.baseUrl());
        if (base == null) {
            base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return base.replaceAll("/+$", "") + sitePath;
    }

    /** An instant in the site's time zone, to the second: {@code 2022-04-23T06:07:12+08:00}. */
    OffsetDateTime time(Instant instant) {
        return instant == null ? null
                : instant.truncatedTo(ChronoUnit.SECONDS).atZone(properties.timeZone()).toOffsetDateTime();
    }

    /** The first instant of a day in the site's time zone. */
    Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(properties.timeZone()).toInstant();
    }

    /**
     * Reads an ISO-8601 time. With an offset ({@code +08:00} or {@code Z}) it is taken as given; without one it is
     * a wall-clock time in the site's time zone, as an editor would type it.
     */
    Instant parseTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atZone(properties.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field,
                        "api.time.invalid", text);
            }
        }
    }

    /** A time as {@link #parseTime} reads it, or a day ({@code 2026-12-01}) meaning its first instant. */
    Instant parseTimeOrDay(String field, String value) {
        if (value != null && value.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return startOf(java.time.LocalDate.parse(value.trim()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "api.date.invalid", value.trim());
            }
        }
        return parseTime(field, value);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
