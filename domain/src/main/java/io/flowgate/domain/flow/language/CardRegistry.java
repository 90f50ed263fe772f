package io.flowgate.domain.flow.language;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cards a definition may use, by name. */
public final class CardRegistry {

    private final Map<String, Card> cards;

    private CardRegistry(Map<String, Card> cards) {
        this.cards = Collections.unmodifiableMap(cards);
    }

    public static CardRegistry of(List<Card> cards) {
        Map<String, Card> byName = new LinkedHashMap<>();
        for (Card card : cards) {
            if (byName.putIfAbsent(card.name(), card) != null) {
                throw new IllegalArgumentException("two cards are named " + card.name());
            }
        }
        return new CardRegistry(byName);
    }

    public Optional<Card> find(String name) {
        return Optional.ofNullable(cards.get(name));
    }

    public Collection<Card> cards() {
        return cards.values();
    }
}
