package cn.dayuan.newsroom;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.dayuan.system.InvalidInputException;

/** A day typed into a newsroom filter ({@code 2026-12-03}), or a clear error naming the field. */
final class FormDays {

    private FormDays() {
    }

    static LocalDate parse(String value, String field) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "newsroom.date.invalid", value);
        }
    }
}
