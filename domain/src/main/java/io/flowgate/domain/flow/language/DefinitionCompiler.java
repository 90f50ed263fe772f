package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonPath;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonSyntaxException;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a definition completely and compiles it. It keeps going after a problem, so that one save reports every
 * problem, each with a JSON pointer to its place.
 */
final class DefinitionCompiler {

    static final Set<String> GLOBALS = Set.of("request", "caller", "flow", "execution");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String OPERATORS = "eq, ne, gt, gte, lt, lte, contains, exists, and, or, not";

    private final CardRegistry cards;
    private final Predicate<String> flowExists;
    private final List<DefinitionError> errors = new ArrayList<>();
    private final Set<String> allIds = new HashSet<>();

    private DefinitionCompiler(CardRegistry cards, Predicate<String> flowExists) {
        this.cards = cards;
        this.flowExists = flowExists;
    }

    static ParsedDefinition compile(String json, CardRegistry cards, Predicate<String> flowExists) {
        return new DefinitionCompiler(cards, flowExists).compile(json);
    }

    private ParsedDefinition compile(String json) {
        JsonValue root;
        try {
            root = JsonParser.parse(json);
        } catch (JsonSyntaxException e) {
            return new ParsedDefinition.Invalid(List.of(new DefinitionError("", "not valid JSON: " + e.getMessage())));
        }
        List<Step> steps = List.of();
        if (!(root instanceof JsonObject definition)) {
            error("", "a definition must be an object {\"steps\":[...]}, not " + InputType.withArticle(root.typeName()));
        } else {
            for (String key : definition.keys()) {
                if (!key.equals("steps")) {
                    error("/" + escape(key), "unknown key '" + shorten(key) + "'; a definition has only 'steps'");
                }
            }
            if (!definition.has("steps")) {
                error("", "missing 'steps'");
            } else if (!(definition.get("steps") instanceof JsonArray list)) {
                error("/steps", "'steps' must be a list of steps");
            } else {
                collectIds(list, "/steps", new HashMap<>());
                steps = steps(list, "/steps", new Scope(null, null));
            }
        }
        return errors.isEmpty() ? new ParsedDefinition.Valid(new FlowProgram(steps))
                : new ParsedDefinition.Invalid(errors);
    }

    /** First pass: every step id in the flow, so that a reference can be told "not yet run" from "unknown". */
    private void collectIds(JsonArray steps, String pointer, Map<String, String> seen) {
        for (int i = 0; i < steps.size(); i++) {
            String at = pointer + "/" + i;
            if (!(steps.get(i) instanceof JsonObject step)) {
                continue;
            }
            if (step.get("id") instanceof JsonString id) {
                String first = seen.putIfAbsent(id.value(), at);
                if (first != null) {
                    error(at + "/id", "duplicate step id '" + shorten(id.value()) + "'; it is already used at " + first);
                }
                allIds.add(id.value());
            }
            if (step.get("card") instanceof JsonString name) {
                for (Block block : cards.find(name.value()).map(Card::blocks).orElse(List.of())) {
                    if (step.get(block.name()) instanceof JsonArray inner) {
                        collectIds(inner, at + "/" + block.name(), seen);
                    }
                }
            }
        }
    }

    private List<Step> steps(JsonArray list, String pointer, Scope scope) {
        List<Step> steps = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Step step = step(list.get(i), pointer + "/" + i, scope);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(JsonValue value, String pointer, Scope scope) {
        if (!(value instanceof JsonObject step)) {
            error(pointer, "a step must be an object, not " + InputType.withArticle(value.typeName()));
            return null;
        }
        String id = stepId(step, pointer);
        Card card = card(step, pointer);
        if (card == null) {
            scope.add(id);
            return null;
        }
        Set<String> allowedKeys = new HashSet<>(Set.of("id", "card", "in"));
        card.blocks().forEach(block -> allowedKeys.add(block.name()));
        for (String key : step.keys()) {
            if (!allowedKeys.contains(key)) {
                error(pointer + "/" + escape(key), "unknown key '" + shorten(key) + "'; a " + card.name()
                        + " step has " + describeKeys(card));
            }
        }
        List<Step.BoundInput> inputs = inputs(step, card, pointer, scope);
        Map<String, List<Step>> blocks = new HashMap<>();
        for (Block block : card.blocks()) {
            blocks.put(block.name(), block(step, block, id, pointer, scope));
        }
        scope.add(id);
        return id == null ? null : new Step(id, card, inputs, blocks);
    }

    private String stepId(JsonObject step, String pointer) {
        if (!step.has("id")) {
            error(pointer, "missing 'id'");
            return null;
        }
        if (!(step.get("id") instanceof JsonString text)) {
            error(pointer + "/id", "'id' must be text");
            return null;
        }
        String id = text.value();
        if (!STEP_ID.matcher(id).matches()) {
            error(pointer + "/id", "step id '" + shorten(id)
                    + "' must be a letter or '_' followed by up to 63 letters, digits or '_'");
            return null;
        }
        if (GLOBALS.contains(id)) {
            error(pointer + "/id", "'" + id + "' is reserved for the flow's inputs; choose another step id");
            return null;
        }
        return id;
    }

    private Card card(JsonObject step, String pointer) {
        if (!step.has("card")) {
            error(pointer, "missing 'card'");
            return null;
        }
        if (!(step.get("card") instanceof JsonString name)) {
            error(pointer + "/card", "'card' must be text");
            return null;
        }
        Optional<Card> card = cards.find(name.value());
        if (card.isEmpty()) {
            error(pointer + "/card", "unknown card '" + shorten(name.value()) + "'");
            return null;
        }
        return card.get();
    }

    private List<Step.BoundInput> inputs(JsonObject step, Card card, String pointer, Scope scope) {
        JsonObject in = JsonObject.empty();
        String inPointer = pointer + "/in";
        if (step.has("in")) {
            if (!(step.get("in") instanceof JsonObject object)) {
                error(inPointer, "'in' must be an object");
                return List.of();
            }
            in = object;
        }
        Map<String, Input> declared = new LinkedHashMap<>();
        card.inputs().forEach(input -> declared.put(input.name(), input));
        List<Step.BoundInput> bound = new ArrayList<>();
        for (String name : in.keys()) {
            Input input = declared.get(name);
            String at = inPointer + "/" + escape(name);
            if (input == null) {
                error(at, "unknown input '" + shorten(name) + "'; " + card.name() + " takes " + describeInputs(card));
                continue;
            }
            int errorsBefore = errors.size();
            Expr expr = input.type() == InputType.CONDITION
                    ? new Expr.When(condition(in.get(name), at, scope))
                    : expr(in.get(name), at, scope);
            if (errors.size() == errorsBefore) {
                // A broken template already has its error; its type would only add a misleading second one.
                check(input, expr, at);
            }
            bound.add(new Step.BoundInput(input, expr));
        }
        for (Input input : card.inputs()) {
            if (input.required() && !in.has(input.name())) {
                error(step.has("in") ? inPointer : pointer, "missing input '" + input.name() + "'; " + card.name()
                        + " takes " + describeInputs(card));
            }
        }
        return bound;
    }

    /** What can be known before a run: a literal's type and rule, a template's type when it builds text or lists. */
    private void check(Input input, Expr expr, String pointer) {
        if (expr instanceof Expr.Literal literal) {
            input.problem(literal.value()).ifPresent(problem -> error(pointer, "input '" + input.name() + "' " + problem));
            if (input.type() == InputType.FLOW && literal.value() instanceof JsonString flow
                    && !flowExists.test(flow.value())) {
                error(pointer, "there is no flow '" + shorten(flow.value()) + "' in this org");
            }
        } else if (expr.staticType() != null && !input.type().accepts(expr.staticType())) {
            error(pointer, "input '" + input.name() + "' " + input.type().mismatchMessage(expr.staticType()));
        }
    }

    private List<Step> block(JsonObject step, Block block, String id, String pointer, Scope scope) {
        String at = pointer + "/" + block.name();
        if (!step.has(block.name())) {
            if (block.required()) {
                error(pointer, "missing step list '" + block.name() + "'");
            }
            return List.of();
        }
        if (!(step.get(block.name()) instanceof JsonArray list)) {
            error(at, "'" + block.name() + "' must be a list of steps");
            return List.of();
        }
        if (block.required() && list.size() == 0) {
            error(at, "'" + block.name() + "' must hold at least one step");
        }
        return steps(list, at, new Scope(scope, block.bindsStepId() ? id : null));
    }

    private Condition condition(JsonValue value, String pointer, Scope scope) {
        if (!(value instanceof JsonObject object)) {
            int errorsBefore = errors.size();
            Expr expr = expr(value, pointer, scope);
            if (errors.size() == errorsBefore && expr.staticType() != null && !expr.staticType().equals("boolean")) {
                error(pointer, "a condition must be an object like {\"eq\":[a,b]} or true or false, not "
                        + InputType.withArticle(expr.staticType()));
            }
            return new Condition.Flag(expr);
        }
        if (object.size() != 1) {
            error(pointer, "a condition is an object with exactly one operator: " + OPERATORS);
            return new Condition.Flag(new Expr.Literal(JsonBoolean.FALSE));
        }
        String operator = object.keys().iterator().next();
        JsonValue argument = object.get(operator);
        String at = pointer + "/" + escape(operator);
        switch (operator) {
            case "eq", "ne", "gt", "gte", "lt", "lte", "contains" -> {
                if (!(argument instanceof JsonArray pair) || pair.size() != 2) {
                    error(at, "'" + operator + "' takes a list of two values: [left, right]");
                    return new Condition.Flag(new Expr.Literal(JsonBoolean.FALSE));
                }
                return new Condition.Compare(Condition.Operator.valueOf(operator.toUpperCase(Locale.ROOT)),
                        expr(pair.get(0), at + "/0", scope), expr(pair.get(1), at + "/1", scope));
            }
            case "exists" -> {
                return new Condition.Exists(expr(argument, at, scope));
            }
            case "and", "or" -> {
                if (!(argument instanceof JsonArray list) || list.size() == 0) {
                    error(at, "'" + operator + "' takes a list of at least one condition");
                    return new Condition.Flag(new Expr.Literal(JsonBoolean.FALSE));
                }
                List<Condition> conditions = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    conditions.add(condition(list.get(i), at + "/" + i, scope));
                }
                return operator.equals("and") ? new Condition.All(conditions) : new Condition.Any(conditions);
            }
            case "not" -> {
                return new Condition.Not(condition(argument, at, scope));
            }
            default -> {
                error(at, "unknown condition operator '" + shorten(operator) + "'; use one of " + OPERATORS);
                return new Condition.Flag(new Expr.Literal(JsonBoolean.FALSE));
            }
        }
    }

    private Expr expr(JsonValue value, String pointer, Scope scope) {
        if (value instanceof JsonString text) {
            return template(text.value(), pointer, scope);
        }
        if (value instanceof JsonArray list) {
            List<Expr> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(expr(list.get(i), pointer + "/" + i, scope));
            }
            if (items.stream().allMatch(Expr.Literal.class::isInstance)) {
                return new Expr.Literal(value);
            }
            return new Expr.ListOf(items);
        }
        if (value instanceof JsonObject object) {
            Map<String, Expr> members = new LinkedHashMap<>();
            object.members().forEach((key, member) -> members.put(key, expr(member, pointer + "/" + escape(key), scope)));
            if (members.values().stream().allMatch(Expr.Literal.class::isInstance)) {
                return new Expr.Literal(value);
            }
            return new Expr.ObjectOf(members);
        }
        return new Expr.Literal(value);
    }

    private Expr template(String text, String pointer, Scope scope) {
        int open = text.indexOf("{{");
        if (open < 0) {
            return new Expr.Literal(JsonString.of(text));
        }
        List<Object> parts = new ArrayList<>();
        int pos = 0;
        while (open >= 0) {
            if (open > pos) {
                parts.add(text.substring(pos, open));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                error(pointer, "'{{' without a closing '}}'; a template looks like {{path}}");
                return new Expr.Literal(JsonString.of(text));
            }
            Expr.Reference reference = reference(text.substring(open + 2, close).strip(), pointer, scope);
            if (reference == null) {
                return new Expr.Literal(JsonString.of(text));
            }
            parts.add(reference);
            pos = close + 2;
            open = text.indexOf("{{", pos);
        }
        if (pos < text.length()) {
            parts.add(text.substring(pos));
        }
        if (parts.size() == 1 && parts.get(0) instanceof Expr.Reference reference) {
            return reference;
        }
        return new Expr.Interpolation(parts);
    }

    private Expr.Reference reference(String path, String pointer, Scope scope) {
        String template = "{{" + shorten(path) + "}}";
        if (path.isEmpty()) {
            error(pointer, "empty template {{}}");
            return null;
        }
        JsonPath parsed;
        try {
            parsed = JsonPath.parse(path);
        } catch (IllegalArgumentException e) {
            error(pointer, "template " + template + ": " + e.getMessage());
            return null;
        }
        if (!(parsed.segments().get(0) instanceof JsonPath.Key first)) {
            error(pointer, "template " + template + " must start with request, caller, flow, execution or a step id");
            return null;
        }
        String root = first.name();
        if (GLOBALS.contains(root)) {
            return new Expr.Reference(root, parsed);
        }
        switch (scope.find(root)) {
            case STEP -> {
                return new Expr.Reference(root, parsed);
            }
            case LOOP -> {
                List<JsonPath.Segment> segments = parsed.segments();
                if (segments.size() < 2 || !(segments.get(1) instanceof JsonPath.Key key)
                        || !(key.name().equals("item") || key.name().equals("index"))) {
                    error(pointer, "template " + template + ": inside its 'do' list, '" + root
                            + "' offers only " + root + ".item and " + root + ".index");
                    return null;
                }
                return new Expr.Reference(root, parsed);
            }
            default -> {
                if (allIds.contains(root)) {
                    error(pointer, "template " + template + " refers to step '" + root + "', which has not run at"
                            + " this point; a step can use the steps before it in its list and in the lists around it");
                } else {
                    error(pointer, "template " + template + " refers to '" + shorten(root)
                            + "', which is not request, caller, flow, execution or the id of a step");
                }
                return null;
            }
        }
    }

    private void error(String pointer, String message) {
        errors.add(new DefinitionError(pointer, message));
    }

    private static String describeInputs(Card card) {
        if (card.inputs().isEmpty()) {
            return "no inputs";
        }
        return card.inputs().stream()
                .map(input -> input.required() ? input.name() : input.name() + " (optional)")
                .collect(Collectors.joining(", "));
    }

    private static String describeKeys(Card card) {
        List<String> keys = new ArrayList<>(List.of("id", "card", "in"));
        card.blocks().forEach(block -> keys.add(block.name()));
        return String.join(", ", keys);
    }

    /** RFC 6901: '~' and '/' in a key are escaped. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** Which step ids a step list can see: those before it in its list and in the lists around it. */
    private static final class Scope {
        enum Found { STEP, LOOP, NONE }

        private final Scope parent;
        private final String loopId;
        private final Set<String> ids = new HashSet<>();

        Scope(Scope parent, String loopId) {
            this.parent = parent;
            this.loopId = loopId;
        }

        void add(String id) {
            if (id != null) {
                ids.add(id);
            }
        }

        Found find(String id) {
            for (Scope scope = this; scope != null; scope = scope.parent) {
                if (scope.ids.contains(id)) {
                    return Found.STEP;
                }
                if (id.equals(scope.loopId)) {
                    return Found.LOOP;
                }
            }
            return Found.NONE;
        }
    }
}
