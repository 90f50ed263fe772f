package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.CardRegistry;
import java.util.List;

/** Every card of the flow language. A new card is one class and one line here. */
public final class StandardCards {

    private static final CardRegistry REGISTRY = CardRegistry.of(List.of(
            new TextConcat(),
            new TextUpper(),
            new TextLower(),
            new TextTrim(),
            new TextReplace(),
            new TextSplit(),
            new TextLength(),
            new TextContains(),
            NumberArithmetic.ADD,
            NumberArithmetic.SUBTRACT,
            NumberArithmetic.MULTIPLY,
            NumberArithmetic.DIVIDE,
            new NumberRound(),
            new ObjectGet(),
            new ObjectSet(),
            new ObjectMerge(),
            new ObjectKeys(),
            new ListLength(),
            new ListAt(),
            new ListAppend(),
            new JsonParse(),
            new JsonStringify(),
            new DateNow(),
            new DateFormat(),
            new DateAdd(),
            new Base64Encode(),
            new Base64Decode(),
            new HashSha256(),
            new FlowIf(),
            new FlowForEach(),
            new FlowCall(),
            new FlowReturn(),
            new FlowReturnRaw(),
            new FlowReturnError(),
            new FlowClose()));

    private StandardCards() {
    }

    public static CardRegistry registry() {
        return REGISTRY;
    }
}
