package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;

/** What templates read at run time: the value bound to a root name, and how much text they may still build. */
interface Bindings {

    /** The value of {@code request}, {@code caller}, {@code flow}, {@code execution} or a step id; null if unbound. */
    JsonValue lookup(String root);

    /** The budget of the step whose inputs are being resolved, shared by all the texts they interpolate. */
    TextBudget textBudget();
}
