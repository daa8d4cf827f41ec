package cn.dayuan.newsroom;

import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/** Why a form was not saved, and which of its fields to mark. */
public record FormError(String field, String message) {

    static FormError of(InvalidInputException e, Texts texts) {
        return new FormError(e.field(), texts.of(e));
    }

    public boolean on(String name) {
        return name.equals(field);
    }
}
