package io.flowgate.domain.flow.language;

import java.util.Locale;

/**
 * The characters that templates may build while one step's inputs are resolved. Every text interpolated for the
 * step draws on the same budget, so a list of a thousand templates cannot build a thousand times the text limit
 * before the card even runs.
 */
final class TextBudget {

    private final int limit;
    private int spent;

    TextBudget(int limit) {
        this.limit = limit;
    }

    /** Starts over, for the next step's inputs. */
    void reset() {
        spent = 0;
    }

    /** How many more characters may be built for this step's inputs. */
    int room() {
        return limit - spent;
    }

    /** Takes {@code chars} characters, at most {@link #room()}, that a text just built holds. */
    void spend(int chars) {
        spent += chars;
    }

    /** The failure of a text that does not fit in the room left. */
    StepFailure exceeded() {
        if (spent == 0) {
            return TextForm.tooLong(limit);
        }
        return new StepFailure("the texts built for the step's inputs would be longer than "
                + String.format(Locale.ROOT, "%,d", limit) + " characters in all");
    }
}
