package cn.dayuan.newsroom;

import cn.dayuan.system.InvalidInputException;

/** Why a form was not saved, and which of its fields to mark. */
public record FormError(String field, String message) {

    static FormError of(InvalidInputException e) {
        return new FormError(e.field(), e.getMessage());
    }

    public boolean on(String name) {
        return name.equals(field);
    }
}
