package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;

/** What templates read at run time: the value bound to a root name, and how long a built text may be. */
interface Bindings {

    /** The value of {@code request}, {@code caller}, {@code flow}, {@code execution} or a step id; null if unbound. */
    JsonValue lookup(String root);

    int maxTextLength();
}
