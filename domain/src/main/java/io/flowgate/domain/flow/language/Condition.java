package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;
import java.util.Locale;

/** A compiled condition of {@code flow.if}. */
sealed interface Condition {

    boolean test(Bindings bindings);

    enum Operator {
        EQ, NE, GT, GTE, LT, LTE, CONTAINS;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code {"eq":[left,right]}} and the other two-sided operators. */
    record Compare(Operator operator, Expr left, Expr right) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            JsonValue l = left.evaluate(bindings);
            JsonValue r = right.evaluate(bindings);
            return switch (operator) {
                case EQ -> l.equals(r);
                case NE -> !l.equals(r);
                case CONTAINS -> contains(l, r);
                case GT -> order(l, r) > 0;
                case GTE -> order(l, r) >= 0;
                case LT -> order(l, r) < 0;
                case LTE -> order(l, r) <= 0;
            };
        }

        private boolean contains(JsonValue container, JsonValue part) {
            if (container instanceof JsonArray list) {
                return list.items().contains(part);
            }
            if (container instanceof JsonString text) {
                if (part instanceof JsonNull || part.depth() > 0) {
                    throw new StepFailure("'contains' looks for text in text, not for "
                            + InputType.withArticle(part.typeName()));
                }
                return TextSearch.contains(text.value(), TextForm.ofScalar(part));
            }
            throw new StepFailure("'contains' looks in text or a list, not in "
                    + InputType.withArticle(container.typeName()));
        }

        private int order(JsonValue l, JsonValue r) {
            if (l instanceof JsonNumber a && r instanceof JsonNumber b) {
                return a.value().compareTo(b.value());
            }
            if (l instanceof JsonString a && r instanceof JsonString b) {
                return compareCodePoints(a.value(), b.value());
            }
            throw new StepFailure("'" + operator.word() + "' compares two numbers or two texts, not "
                    + InputType.withArticle(l.typeName()) + " and " + InputType.withArticle(r.typeName()));
        }

        /** Unicode order, which UTF-16 order is not for characters beyond U+FFFF. */
        private static int compareCodePoints(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }

    /** {@code {"exists":value}}: the value is not null (a missing path is null). */
    record Exists(Expr value) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            return !(value.evaluate(bindings) instanceof JsonNull);
        }
    }

    /** {@code {"and":[...]}}: stops at the first false. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Bindings bindings) {
            for (Condition condition : conditions) {
                if (!condition.test(bindings)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"or":[...]}}: stops at the first true. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Bindings bindings) {
            for (Condition condition : conditions) {
                if (condition.test(bindings)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            return !condition.test(bindings);
        }
    }

    /** A plain value in place of a condition, like {@code "{{is_admin}}"}: it must be true or false. */
    record Flag(Expr value) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            JsonValue result = value.evaluate(bindings);
            if (result instanceof JsonBoolean flag) {
                return flag.value();
            }
            throw new StepFailure("a condition must be true or false, not " + InputType.withArticle(result.typeName()));
        }
    }
}
