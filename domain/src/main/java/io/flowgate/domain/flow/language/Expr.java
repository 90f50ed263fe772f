package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonPath;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An input value as compiled from a definition: templates are parsed once, here, and only evaluated per run. */
sealed interface Expr {

    JsonValue evaluate(Bindings bindings);

    /** The JSON type the value will have, if known before the run; null when only the run can tell. */
    String staticType();

    /** A value without templates (lists and objects of literals are folded into one literal). */
    record Literal(JsonValue value) implements Expr {
        @Override
        public JsonValue evaluate(Bindings bindings) {
            return value;
        }

        @Override
        public String staticType() {
            return value.typeName();
        }
    }

    /** A text that is exactly one template: the referenced value, with its JSON type. */
    record Reference(String root, JsonPath path) implements Expr {
        @Override
        public JsonValue evaluate(Bindings bindings) {
            return path.get(bindings.lookup(root), 1);
        }

        @Override
        public String staticType() {
            return null;
        }
    }

    /** Text with templates inside: literal parts ({@link String}) and {@link Reference}s, joined as text. */
    record Interpolation(List<Object> parts) implements Expr {
        public Interpolation {
            parts = List.copyOf(parts);
        }

        @Override
        public JsonValue evaluate(Bindings bindings) {
            TextBudget budget = bindings.textBudget();
            int room = budget.room();
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof String text) {
                    if (text.length() > room - out.length()) {
                        throw budget.exceeded();
                    }
                    out.append(text);
                } else if (!TextForm.tryAppend(out, ((Reference) part).evaluate(bindings), room)) {
                    throw budget.exceeded();
                }
            }
            budget.spend(out.length());
            return JsonString.of(out.toString());
        }

        @Override
        public String staticType() {
            return "text";
        }
    }

    record ListOf(List<Expr> items) implements Expr {
        public ListOf {
            items = List.copyOf(items);
        }

        @Override
        public JsonValue evaluate(Bindings bindings) {
            JsonArray.Builder list = JsonArray.builder();
            for (Expr item : items) {
                list.add(item.evaluate(bindings));
            }
            return list.build();
        }

        @Override
        public String staticType() {
            return "list";
        }
    }

    record ObjectOf(Map<String, Expr> members) implements Expr {
        public ObjectOf {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public JsonValue evaluate(Bindings bindings) {
            JsonObject.Builder object = JsonObject.builder();
            members.forEach((key, value) -> object.put(key, value.evaluate(bindings)));
            return object.build();
        }

        @Override
        public String staticType() {
            return "object";
        }
    }

    /** A condition, evaluated to true or false. */
    record When(Condition condition) implements Expr {
        @Override
        public JsonValue evaluate(Bindings bindings) {
            return JsonBoolean.of(condition.test(bindings));
        }

        @Override
        public String staticType() {
            return "boolean";
        }
    }
}
