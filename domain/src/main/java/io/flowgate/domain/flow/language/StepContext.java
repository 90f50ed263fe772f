package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.time.Instant;

/** What the run offers a card while its step runs. */
public interface StepContext {

    /** The run's time source, read now. */
    Instant now();

    /** The longest text a step may build; a card that could build more must check before it does. */
    int maxTextLength();

    /**
     * Ends the run with the output bound, as if the step had produced its output, when an output of at least
     * {@code bytes} bytes (compact UTF-8 JSON) would not fit in what the run may still output. A card whose output can
     * be much larger than its inputs calls it before building the output.
     */
    void ensureOutputRoom(long bytes);

    /** Runs one of the step's lists ({@link Card#blocks()}) and gives the last step's output, null if it is empty. */
    JsonValue runBlock(String block);

    /** Like {@link #runBlock(String)}, with the step's own id reading as {@code binding} inside the list. */
    JsonValue runBlock(String block, JsonValue binding);

    /**
     * Runs another flow of the org, which sees {@code input} as {@code request.body}, and gives what an HTTP
     * caller would get as the body: the returned JSON, a raw response's text, or {@code {}}.
     *
     * @throws StepFailure when there is no such flow, calls nest too deep, or the called flow returned an error
     */
    JsonValue callFlow(String flowIdOrAlias, JsonValue input);

    /**
     * Answers the request now while the run goes on ({@code flow.close}).
     *
     * @throws StepFailure when the request was already answered, or this is a called flow
     */
    void respondNow(Response response);
}
