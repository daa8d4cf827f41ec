package cn.dayuan.system;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Component;

/**
 * The input rules of the write commands, declared on them as Bean Validation constraints ({@code @NotBlank},
 * {@code @Size}, {@code @Pattern}…) whose messages are keys of the messages bundle ({@code {article.title.required}}).
 * Every service calls {@link #check} first thing in a write, so the API, the newsroom and the demo get the same rules
 * and the same answer as for a service's own checks: an {@link InvalidInputException} naming the field. Rules that
 * need the database (a taken slug, a parent that exists) stay in the services.
 */
@Component
public class InputRules {

    private final Validator validator;

    public InputRules(Validator validator) {
        this.validator = validator;
    }

    /**
     * Refuses {@code command} when it breaks a constraint: the first broken one in the order the command declares its
     * fields, named by the field the user fills in; on one field, a missing value before a too long one before a
     * malformed one.
     */
    public <T> T check(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return command;
        }
        List<String> order = fieldOrder(command.getClass());
        ConstraintViolation<T> first = violations.stream()
                .min(Comparator.<ConstraintViolation<T>>comparingInt(v -> position(order, field(v)))
                        .thenComparingInt(InputRules::rank).thenComparing(ConstraintViolation::getMessageTemplate))
                .orElseThrow();
        throw InvalidInputException.resolved(field(first), key(first.getMessageTemplate()), first.getMessage());
    }

    /** The innermost named property: {@code originalTitle} for {@code provenance.originalTitle}, {@code tags} for
     * an element of {@code tags}. */
    private static String field(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field = node.getName();
            }
        }
        return field;
    }

    private static int rank(ConstraintViolation<?> violation) {
        Class<?> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class) {
            return 0;
        }
        return type == Size.class ? 1 : 2;
    }

    /** {@code article.title.required} for the template {@code {article.title.required}}. */
    private static String key(String template) {
        return template.startsWith("{") && template.endsWith("}")
                ? template.substring(1, template.length() - 1) : template;
    }

    private static List<String> fieldOrder(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    private static int position(List<String> order, String field) {
        int at = order.indexOf(field);
        return at < 0 ? Integer.MAX_VALUE : at;
    }
}
