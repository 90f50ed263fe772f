package io.flowgate.domain.flow.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.flowgate.domain.flow.language.card.StandardCards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the example flows of the flow language reference exactly as the document shows them: each definition,
 * each request and the response the document promises. Editing an example without keeping it true fails here.
 */
class DocumentedExamplesTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "flow-language.md");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- example (\\w+): (definition|request|response|flow ([\\w-]+)) -->\\s*```\\w*\\n(.*?)\\n```",
            Pattern.DOTALL);

    /** One example: its definition, the flows it calls, and request/response pairs in document order. */
    private static final class Example {
        String definition;
        final Map<String, String> flows = new LinkedHashMap<>();
        final List<String> requests = new ArrayList<>();
        final List<String> responses = new ArrayList<>();
    }

    private static Map<String, Example> examples() throws IOException {
        String markdown = Files.readString(DOCUMENT);
        Map<String, Example> examples = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            Example example = examples.computeIfAbsent(block.group(1), name -> new Example());
            String text = block.group(4);
            switch (block.group(2).split(" ")[0]) {
                case "definition" -> example.definition = text;
                case "flow" -> example.flows.put(block.group(3), text);
                case "request" -> example.requests.add(text);
                default -> example.responses.add(text);
            }
        }
        return examples;
    }

    @Test
    void theThreeExamples_answerAsDocumented() throws IOException {
        Map<String, Example> examples = examples();

        assertThat(examples).containsOnlyKeys("greet", "route", "quote");
        int checked = 0;
        for (Map.Entry<String, Example> entry : examples.entrySet()) {
            Example example = entry.getValue();
            assertThat(example.requests).as(entry.getKey()).isNotEmpty().hasSameSizeAs(example.responses);
            FlowFixture flows = new FlowFixture();
            example.flows.forEach(flows::jsonFlow);
            FlowProgram program = flows.jsonProgram(example.definition);
            for (int i = 0; i < example.requests.size(); i++) {
                RunResult result = flows.run(program, request(example.requests.get(i)), response -> { });
                assertAnswers(entry.getKey() + " request " + (i + 1), result, example.responses.get(i));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(7);
    }

    @Test
    void theCardSnippets_useRealCardsWithTheirInputs() throws IOException {
        String markdown = Files.readString(DOCUMENT);
        String cards = markdown.substring(markdown.indexOf("## Cards"), markdown.indexOf("## Conditions"));
        Matcher block = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(cards);
        Set<String> shown = new HashSet<>();
        while (block.find()) {
            // A step starts at a line beginning with {"id"; indented lines continue it.
            for (String snippet : block.group(1).split("\\n(?=\\{\"id\")")) {
                JsonObject step = (JsonObject) JsonParser.parse(snippet);
                String name = ((JsonString) step.get("card")).value();
                Card card = StandardCards.registry().find(name).orElseThrow(() -> new AssertionError(name));
                Set<String> inputs = card.inputs().stream().map(Input::name).collect(Collectors.toSet());
                if (step.get("in") instanceof JsonObject in) {
                    assertThat(inputs).as(snippet).containsAll(in.keys());
                }
                shown.add(name);
            }
        }
        List<String> allCards = StandardCards.registry().cards().stream().map(Card::name).toList();
        assertThat(shown).as("every card has an example").containsExactlyInAnyOrderElementsOf(allCards);
    }

    private static void assertAnswers(String what, RunResult result, String transcript) {
        HttpMessage expected = HttpMessage.parse(transcript);
        int status = Integer.parseInt(expected.startLine.split(" ")[1]);
        Outcome outcome = result.outcome();
        if (outcome instanceof Outcome.ReturnedError error) {
            assertThat(status).as(what).isEqualTo(500);
            assertThat(((JsonObject) JsonParser.parse(expected.body)).get("detail")).as(what)
                    .isEqualTo(JsonString.of(error.message()));
            return;
        }
        assertThat(outcome).as(what + ": " + outcome).isInstanceOf(Outcome.Returned.class);
        Response response = ((Outcome.Returned) outcome).response();
        if (response instanceof Response.Json json) {
            assertThat(status).as(what).isEqualTo(200);
            assertThat(expected.headers).as(what).containsEntry("content-type", "application/json");
            // As text, not as values: the document shows how numbers are written (10.50, not 10.5) and members ordered.
            assertThat(JsonWriter.compact(json.body())).as(what)
                    .isEqualTo(JsonWriter.compact(JsonParser.parse(expected.body)));
        } else {
            assertThat(response).as(what).isEqualTo(new Response.Raw(status, expected.headers, expected.body));
        }
    }

    /** The {@code request} the invoke endpoint would build for a documented HTTP request. */
    private static JsonValue request(String transcript) {
        HttpMessage message = HttpMessage.parse(transcript);
        String[] start = message.startLine.split(" ");
        String target = start[1];
        int question = target.indexOf('?');
        JsonObject.Builder query = JsonObject.builder();
        if (question >= 0) {
            for (String parameter : target.substring(question + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                String name = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                if (!query.has(name)) {
                    String value = pair.length > 1 ? pair[1] : "";
                    query.put(name, JsonString.of(URLDecoder.decode(value, StandardCharsets.UTF_8)));
                }
            }
        }
        JsonObject.Builder headers = JsonObject.builder();
        message.headers.forEach((name, value) -> headers.put(name, JsonString.of(value)));
        boolean json = message.headers.getOrDefault("content-type", "").startsWith("application/json");
        JsonValue body = message.body.isEmpty() ? JsonNull.INSTANCE
                : json ? JsonParser.parse(message.body) : JsonString.of(message.body);
        return JsonObject.builder()
                .put("method", JsonString.of(start[0]))
                .put("path", JsonString.of(question >= 0 ? target.substring(0, question) : target))
                .put("query", query.build())
                .put("headers", headers.build())
                .put("body", body)
                .put("raw", JsonString.of(message.body))
                .build();
    }

    /** A start line, headers (names lowercased) and a body, as the document writes HTTP messages. */
    private record HttpMessage(String startLine, Map<String, String> headers, String body) {
        static HttpMessage parse(String transcript) {
            String[] headAndBody = transcript.split("\n\n", 2);
            String[] lines = headAndBody[0].split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":", 2);
                headers.put(header[0].strip().toLowerCase(Locale.ROOT), header[1].strip());
            }
            return new HttpMessage(lines[0], headers, headAndBody.length > 1 ? headAndBody[1] : "");
        }
    }
}
